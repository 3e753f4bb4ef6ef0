// history: project-chip/matter.js 51ff4dbedfe4 — https://github.com/project-chip/matter.js/commit/51ff4dbedfe42e224529ba13b9c80a92bc2ed28c (diff read)
// leaked: on node shutdown ExchangeManager.close() handed the exchange objects themselves (not their close promises) to allSettled and then cleared its exchanges map, so no open MessageExchange was closed and their retransmission, close and timed-interaction timers kept running after the clear.
// covers: container=map drop=clear resource=custom born=factory
interface Timer {
  start(): Timer;
  stop(): Timer;
}

declare class Time {
  static readonly getTimer: (name: string, durationMs: number, callback: () => unknown) => Timer;
}

declare class MatterAggregateError extends Error {
  static allSettled(promises: Iterable<unknown>, message?: string): Promise<unknown[]>;
}

interface AsyncObservable<T extends any[] = []> {
  on(observer: (...payload: T) => unknown): void;
  emit(...payload: T): Promise<void>;
}
declare function AsyncObservable<T extends any[] = []>(): AsyncObservable<T>;

interface Session {
  readonly id: number;
  readonly name: string;
}

interface MessageChannel {
  readonly session: Session;
  send(payload: Uint8Array): Promise<void>;
}

export class MessageExchange {
  #retransmissionTimer: Timer | undefined;
  #closeTimer: Timer | undefined;
  #timedInteractionTimer: Timer | undefined;
  #isClosing = false;
  #sentMessageToAck: Uint8Array | undefined;
  readonly #closed = AsyncObservable();

  private constructor(
    readonly channel: MessageChannel,
    readonly id: number,
    readonly protocolId: number,
  ) {}

  static initiate(channel: MessageChannel, exchangeId: number, protocolId: number): MessageExchange {
    return new MessageExchange(channel, exchangeId, protocolId);
  }

  get session(): Session {
    return this.channel.session;
  }

  get closed(): AsyncObservable {
    return this.#closed;
  }

  get isClosing(): boolean {
    return this.#isClosing;
  }

  async send(payload: Uint8Array): Promise<void> {
    this.#sentMessageToAck = payload;
    await this.channel.send(payload);
    this.#retransmissionTimer = Time.getTimer('Message retransmission', 300, () => this.channel.send(payload)).start();
  }

  startTimedInteraction(timeoutMs: number): void {
    this.#timedInteractionTimer = Time.getTimer('Timed interaction', timeoutMs, () => {}).start();
  }

  async close(): Promise<void> {
    if (this.#closeTimer !== undefined) return; // close was already called
    this.#isClosing = true;
    if (this.#sentMessageToAck === undefined) {
      return this.#close();
    }
    // let pending resubmissions finish before the exchange is gone
    this.#closeTimer = Time.getTimer(`Exchange cleanup ${this.id}`, 10_000, async () => await this.#close()).start();
  }

  async #close(): Promise<void> {
    this.#isClosing = true;
    this.#retransmissionTimer?.stop();
    this.#closeTimer?.stop();
    this.#timedInteractionTimer?.stop();
    await this.#closed.emit();
  }
}

class ExchangeCounter {
  #counter = 0;
  getIncrementedCounter(): number {
    this.#counter = (this.#counter + 1) & 0xffff;
    return this.#counter;
  }
}

export class ExchangeManager {
  readonly #exchangeCounter = new ExchangeCounter();
  readonly #exchanges = new Map<number, MessageExchange>();
  readonly #closers = new Set<Promise<void>>();

  initiateExchangeWithChannel(channel: MessageChannel, protocolId: number): MessageExchange {
    const exchangeId = this.#exchangeCounter.getIncrementedCounter();
    const exchangeIndex = exchangeId | 0x10000;
    const exchange = MessageExchange.initiate(channel, exchangeId, protocolId);
    this.#addExchange(exchangeIndex, exchange);
    return exchange;
  }

  async close(): Promise<void> {
    await MatterAggregateError.allSettled(this.#closers, 'Error closing exchanges').catch(error =>
      console.error(error),
    );
    await MatterAggregateError.allSettled(this.#exchanges.values(), 'Error closing exchanges').catch(error =>
      console.error(error),
    );
    this.#exchanges.clear(); // expect: stop-on-evict
  }

  async deleteExchange(exchangeIndex: number): Promise<void> {
    const exchange = this.#exchanges.get(exchangeIndex);
    if (exchange === undefined) {
      console.info(`Exchange with index ${exchangeIndex} to delete not found or already deleted.`);
      return;
    }
    this.#exchanges.delete(exchangeIndex);
  }

  #addExchange(exchangeIndex: number, exchange: MessageExchange): void {
    // the exchange removes itself from the map once it has closed
    exchange.closed.on(() => this.deleteExchange(exchangeIndex));
    this.#exchanges.set(exchangeIndex, exchange);
  }
}
