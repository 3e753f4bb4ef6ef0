// Shape (must not report): an index of values owned elsewhere — every value put in comes from a
// parameter (attached providers looked up by name); another component creates and destroys them.
export interface Provider {
  readonly name: string;
  connect(): Promise<void>;
  dispose(): void;
}

export class ProviderRegistry {
  private readonly providers = new Map<string, Provider>();

  attach(provider: Provider): void {
    this.providers.set(provider.name, provider); // ok: stop-on-evict
  }

  detach(name: string): void {
    this.providers.delete(name); // ok: stop-on-evict
  }

  lookup(name: string): Provider | undefined {
    return this.providers.get(name);
  }

  detachAll(): void {
    this.providers.clear(); // ok: stop-on-evict
  }
}
