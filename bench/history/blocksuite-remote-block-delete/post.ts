// history: toeverything/blocksuite cf2127671b13 — https://github.com/toeverything/blocksuite/commit/cf2127671b1357d74504bdc1e09a42947813d839 (diff read)
// leaked: Page._handleYBlockDelete() dropped a block model from _blockMap when the Yjs block map reported a delete, but only the local deleteBlock() path disposed the model's slots, so blocks removed by a remote peer or by undo kept their slot subscribers alive.
// covers: container=map drop=delete resource=custom born=factory
// Shaped like yjs (only the members used here).
declare class YMap<V> {
  get(key: string): V | undefined;
  delete(key: string): void;
  observeDeep(fn: (events: YMapEvent[]) => void): void;
}
interface YMapEvent {
  readonly keys: Map<string, { action: 'add' | 'update' | 'delete' }>;
}

type Listener<T> = (value: T) => void;

class Slot<T = void> {
  private listeners: Listener<T>[] = [];
  on(fn: Listener<T>): { dispose(): void } {
    this.listeners.push(fn);
    return { dispose: () => (this.listeners = this.listeners.filter(l => l !== fn)) };
  }
  emit(value: T): void {
    for (const fn of this.listeners) fn(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class BlockModel {
  readonly created = new Slot();
  readonly deleted = new Slot();
  readonly propsUpdated = new Slot<{ key: string }>();

  constructor(
    readonly id: string,
    readonly flavour: string,
  ) {}

  dispose(): void {
    this.created.dispose();
    this.deleted.dispose();
    this.propsUpdated.dispose();
  }
}

export class Page {
  readonly blockUpdated = new Slot<{ type: 'add' | 'delete'; id: string }>();
  private readonly blockMap = new Map<string, BlockModel>();

  constructor(private readonly yBlocks: YMap<YMap<unknown>>) {
    yBlocks.observeDeep(this.handleYEvents);
  }

  getBlockById(id: string): BlockModel | null {
    return this.blockMap.get(id) ?? null;
  }

  deleteBlock(model: BlockModel): void {
    this.yBlocks.delete(model.id);
  }

  private handleYEvents = (events: YMapEvent[]): void => {
    for (const event of events) {
      event.keys.forEach((change, id) => {
        if (change.action === 'add') this.handleBlockAdd(id);
        else if (change.action === 'delete') this.handleBlockDelete(id);
      });
    }
  };

  private handleBlockAdd(id: string): void {
    const yBlock = this.yBlocks.get(id);
    const flavour = (yBlock?.get('sys:flavour') as string | undefined) ?? 'unknown';
    const model = new BlockModel(id, flavour);
    this.blockMap.set(id, model);
    model.created.emit();
    this.blockUpdated.emit({ type: 'add', id });
  }

  private handleBlockDelete(id: string): void {
    const model = this.blockMap.get(id);
    if (!model) return;
    this.blockUpdated.emit({ type: 'delete', id });
    model.deleted.emit();
    model.dispose();
    this.blockMap.delete(id); // ok: stop-on-evict
  }
}
