// history: node-opcua/node-opcua fdab2df2cee5 — https://github.com/node-opcua/node-opcua/commit/fdab2df2cee5efd39a6dc454e7b809517678d466 (diff read)
// leaked: ServerSession.deleteSubscription (also reached from close) nulled and deleted the subscription's entry in the _subscriptions object map without terminating it, so its publishing setInterval and every monitored item's sampling setInterval kept ticking after the client had deleted it.
// covers: container=object-map drop=overwrite resource=interval born=factory
import { EventEmitter } from 'node:events';

enum StatusCodes {
  Good = 0,
  BadSubscriptionIdInvalid = 0x80280000,
}

interface CreateSubscriptionRequest {
  requestedPublishingInterval: number;
  requestedLifetimeCount: number;
  requestedMaxKeepAliveCount: number;
}

class MonitoredItem {
  private samplingTimer: NodeJS.Timeout | null;

  constructor(readonly samplingInterval: number, private readonly sample: () => void) {
    this.samplingTimer = setInterval(() => this.sample(), samplingInterval);
  }

  terminate(): void {
    if (this.samplingTimer) {
      clearInterval(this.samplingTimer);
      this.samplingTimer = null;
    }
  }
}

class Subscription extends EventEmitter {
  id = 0;
  readonly publishingInterval: number;
  readonly monitoredItems: { [id: string]: MonitoredItem } = {};
  private monitoredItemIdCounter = 0;
  private timerId: NodeJS.Timeout | null;

  constructor(options: { publishingInterval?: number }) {
    super();
    this.publishingInterval = options.publishingInterval || 1000;
    setImmediate(() => this.tick());
    this.timerId = setInterval(() => this.tick(), this.publishingInterval);
  }

  get monitoredItemCount(): number {
    return Object.keys(this.monitoredItems).length;
  }

  createMonitoredItem(samplingInterval: number): number {
    this.monitoredItemIdCounter += 1;
    const id = this.monitoredItemIdCounter;
    this.monitoredItems[id] = new MonitoredItem(samplingInterval, () => this.emit('sample', id));
    return id;
  }

  removeMonitoredItem(id: string): StatusCodes {
    const item = this.monitoredItems[id];
    if (!item) return StatusCodes.BadSubscriptionIdInvalid;
    item.terminate();
    delete this.monitoredItems[id];
    return StatusCodes.Good;
  }

  terminate(): void {
    if (this.timerId) {
      clearInterval(this.timerId);
      this.timerId = null;
    }
    for (const key of Object.keys(this.monitoredItems)) {
      this.removeMonitoredItem(key);
    }
    this.emit('terminated');
  }

  private tick(): void {
    this.emit('tick');
  }
}

class ServerSidePublishEngine extends EventEmitter {
  private publishRequestQueue: unknown[] = [];
  add_subscription(subscription: Subscription): void {
    subscription.on('tick', () => this.emit('keepalive', subscription.id));
  }
  shutdown(): void {
    this.publishRequestQueue = [];
  }
}

export class ServerSession extends EventEmitter {
  private subscriptionCounter = 0;
  private readonly _subscriptions: { [id: string]: Subscription | null } = {};
  publishEngine: ServerSidePublishEngine | null = new ServerSidePublishEngine();

  createSubscription(request: CreateSubscriptionRequest): Subscription {
    const subscription = new Subscription({ publishingInterval: request.requestedPublishingInterval });
    this.subscriptionCounter += 1;
    const id = this.subscriptionCounter;
    subscription.id = id;
    this._subscriptions[id] = subscription;
    this.publishEngine?.add_subscription(subscription);
    this.emit('new_subscription', subscription);
    return subscription;
  }

  get currentSubscriptionCount(): number {
    return Object.keys(this._subscriptions).length;
  }

  getSubscription(subscriptionId: string | number): Subscription | null | undefined {
    return this._subscriptions[subscriptionId];
  }

  deleteSubscription(subscriptionId: string | number): StatusCodes {
    const subscription = this.getSubscription(subscriptionId);
    if (!subscription) {
      return StatusCodes.BadSubscriptionIdInvalid;
    }
    this._subscriptions[subscriptionId] = null; // expect: stop-on-evict
    delete this._subscriptions[subscriptionId];

    if (this.currentSubscriptionCount === 0) {
      console.log('should cancel publish request here');
    }
    return StatusCodes.Good;
  }

  close(deleteSubscriptions: boolean): void {
    if (!deleteSubscriptions) {
      console.log('closing a session without deleting its subscriptions is not implemented');
    } else {
      for (const id of Object.keys(this._subscriptions)) {
        this.deleteSubscription(id);
      }
    }
    this.publishEngine?.shutdown();
    this.publishEngine = null;
  }
}
