// history: logto-io/logto d32904d538e2 — https://github.com/logto-io/logto/commit/d32904d538e2f34cbd4c0a94cca6b6f088f70094 (diff read)
// leaked: TenantPool kept tenants in an lru-cache created with no dispose hook, so a tenant pushed out by max (or replaced) was dropped without ending its database pool and query client.
// covers: container=cache:lru-cache drop=cache-hook resource=custom born=factory
import LRUCache from 'lru-cache-7';

// Shaped like slonik's DatabasePool and @withtyped/server's QueryClient.
interface DatabasePool {
  end(): Promise<void>;
}
interface QueryClient {
  end(): Promise<void>;
}
declare function createPool(databaseUrl: string): Promise<DatabasePool>;
declare function createQueryClient(databaseUrl: string): QueryClient;
declare function getTenantDatabaseUrl(tenantId: string): Promise<string>;

class EnvSet {
  #pool: DatabasePool | undefined;
  #queryClient: QueryClient | undefined;

  constructor(
    readonly tenantId: string,
    readonly databaseUrl: string,
  ) {}

  get poolSafe(): DatabasePool | undefined {
    return this.#pool;
  }

  get queryClientSafe(): QueryClient | undefined {
    return this.#queryClient;
  }

  async load(): Promise<void> {
    this.#pool = await createPool(this.databaseUrl);
    this.#queryClient = createQueryClient(this.databaseUrl);
  }
}

class Tenant {
  static async create(id: string): Promise<Tenant> {
    const envSet = new EnvSet(id, await getTenantDatabaseUrl(id));
    await envSet.load();
    return new Tenant(envSet, id);
  }

  private constructor(
    readonly envSet: EnvSet,
    readonly id: string,
  ) {}
}

export class TenantPool {
  protected cache = new LRUCache<string, Tenant>({ max: 500 }); // expect: stop-on-evict

  async get(tenantId: string): Promise<Tenant> {
    const tenant = this.cache.get(tenantId);
    if (tenant) {
      return tenant;
    }

    const newTenant = await Tenant.create(tenantId);
    this.cache.set(tenantId, newTenant);
    return newTenant;
  }

  async endAll(): Promise<void> {
    await Promise.all(
      this.cache.dump().flatMap(([, entry]) => {
        const { poolSafe, queryClientSafe } = entry.value.envSet;
        return [poolSafe?.end(), queryClientSafe?.end()];
      }),
    );
  }
}

export const tenantPool = new TenantPool();
