// history: apollographql/apollo-client 5ae740c6ce10 (PR #6438) — https://github.com/apollographql/apollo-client/commit/5ae740c6ce1019517879984efcc85c64ceb91238 (diff read)
// leaked: QueryManager.stopPollingQuery() deleted a query's polling record from pollingInfoByQueryId without clearing the record's pending poll timeout, so after stopPolling()/startPolling() the old timer still fired, found the new record under the same query id and sent extra requests.
// covers: container=map drop=delete resource=timer born=after-insert
interface WatchQueryOptions {
  query: string;
  variables?: Record<string, unknown>;
  pollInterval?: number;
  fetchPolicy?: 'cache-first' | 'network-only' | 'no-cache';
}

type QueryListener = (result: unknown) => void;

enum FetchType {
  normal = 1,
  refetch = 2,
  poll = 3,
}

enum NetworkStatus {
  loading = 1,
  poll = 6,
  ready = 7,
  error = 8,
}

interface PollingInfo {
  interval: number;
  timeout: NodeJS.Timeout;
  options: WatchQueryOptions;
}

export class QueryManager {
  private readonly listeners = new Map<string, QueryListener[]>();
  private readonly statusByQueryId = new Map<string, NetworkStatus>();
  // query id -> polling interval, options and the pending poll timeout
  private readonly pollingInfoByQueryId = new Map<string, PollingInfo>();
  private nextId = 1;

  constructor(
    private readonly transport: (options: WatchQueryOptions) => Promise<unknown>,
    private readonly ssrMode = false,
  ) {}

  generateQueryId(): string {
    return String(this.nextId++);
  }

  addQueryListener(queryId: string, listener: QueryListener): void {
    const list = this.listeners.get(queryId) ?? [];
    list.push(listener);
    this.listeners.set(queryId, list);
  }

  checkInFlight(queryId: string): boolean {
    const status = this.statusByQueryId.get(queryId);
    return status !== undefined && status !== NetworkStatus.ready && status !== NetworkStatus.error;
  }

  async fetchQuery(queryId: string, options: WatchQueryOptions, fetchType: FetchType): Promise<void> {
    this.statusByQueryId.set(queryId, fetchType === FetchType.poll ? NetworkStatus.poll : NetworkStatus.loading);
    try {
      const result = await this.transport(options);
      this.statusByQueryId.set(queryId, NetworkStatus.ready);
      for (const listener of this.listeners.get(queryId) ?? []) listener(result);
    } catch {
      this.statusByQueryId.set(queryId, NetworkStatus.error);
    }
  }

  startPollingQuery(options: WatchQueryOptions, queryId: string, listener?: QueryListener): string {
    const { pollInterval } = options;
    if (!pollInterval) {
      throw new Error('Attempted to start a polling query without a polling interval.');
    }

    if (!this.ssrMode) {
      let info = this.pollingInfoByQueryId.get(queryId);
      if (!info) {
        info = {} as PollingInfo;
        this.pollingInfoByQueryId.set(queryId, info);
      }
      info.interval = pollInterval;
      info.options = { ...options, fetchPolicy: 'network-only' };

      const maybeFetch = (): void => {
        const current = this.pollingInfoByQueryId.get(queryId);
        if (!current) return;
        if (this.checkInFlight(queryId)) {
          poll();
        } else {
          this.fetchQuery(queryId, current.options, FetchType.poll).then(poll, poll);
        }
      };

      const poll = (): void => {
        const current = this.pollingInfoByQueryId.get(queryId);
        if (current) {
          clearTimeout(current.timeout);
          current.timeout = setTimeout(maybeFetch, current.interval);
        }
      };

      if (listener) {
        this.addQueryListener(queryId, listener);
      }
      poll();
    }
    return queryId;
  }

  stopPollingQuery(queryId: string): void {
    this.pollingInfoByQueryId.delete(queryId); // expect: stop-on-evict
  }

  stopQuery(queryId: string): void {
    this.stopPollingQuery(queryId);
    this.statusByQueryId.delete(queryId);
    this.listeners.delete(queryId);
  }
}

export class ObservableQuery {
  readonly queryId: string;

  constructor(
    private readonly queryManager: QueryManager,
    private readonly options: WatchQueryOptions,
  ) {
    this.queryId = queryManager.generateQueryId();
  }

  startPolling(pollInterval: number): void {
    this.options.pollInterval = pollInterval;
    this.queryManager.startPollingQuery(this.options, this.queryId);
  }

  stopPolling(): void {
    this.queryManager.stopPollingQuery(this.queryId);
    this.options.pollInterval = undefined;
  }

  tearDown(): void {
    this.queryManager.stopPollingQuery(this.queryId);
    this.queryManager.stopQuery(this.queryId);
  }
}
