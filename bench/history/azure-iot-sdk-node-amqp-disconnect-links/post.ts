// history: Azure/azure-iot-sdk-node 15dc3a38aaf4 — https://github.com/Azure/azure-iot-sdk-node/commit/15dc3a38aaf4b598e6389223517d991fe59c5f86 (diff read)
// leaked: Amqp.disconnect() disconnected the amqp10 client and then replaced the _senders record of attached sender links with a fresh object without detaching any of them, so the links (and the receivers, which were never cleared) stayed attached with their handlers while the client went away.
// covers: container=object-map drop=reassign resource=custom born=factory
import { EventEmitter } from 'node:events';

// shaped like the amqp10 package's Client and link classes (only the members used here)
declare class AmqpLink extends EventEmitter {
  detach(options?: object): Promise<void>;
}
declare class SenderLink extends AmqpLink {
  send(msg: unknown, options?: object): Promise<unknown>;
}
declare class ReceiverLink extends AmqpLink {
  accept(message: unknown): void;
}
declare class Amqp10Client extends EventEmitter {
  constructor(policy?: object);
  connect(url: string): Promise<Amqp10Client>;
  disconnect(): Promise<void>;
  createSender(address: string, policyOverrides?: object): Promise<SenderLink>;
  createReceiver(address: string, policyOverrides?: object): Promise<ReceiverLink>;
}

type Done = (err?: Error | null, result?: unknown) => void;

function safeCallback(callback: Done | undefined, error?: Error | null, result?: unknown): void {
  if (callback) {
    process.nextTick(() => callback(error, result));
  }
}

class AmqpReceiver extends EventEmitter {
  constructor(readonly _amqpReceiver: ReceiverLink) {
    super();
  }
}

export class Amqp {
  private readonly _amqp: Amqp10Client;
  private _receivers: { [endpoint: string]: AmqpReceiver } = {};
  private _senders: { [endpoint: string]: SenderLink } = {};
  private _connected = false;

  constructor(sdkVersionString: string) {
    this._amqp = new Amqp10Client({ senderLink: { attach: { properties: { 'client-version': sdkVersionString } } } });
  }

  connect(uri: string, done: Done): void {
    if (this._connected) {
      safeCallback(done);
      return;
    }
    this._amqp
      .connect(uri)
      .then((result) => {
        this._connected = true;
        safeCallback(done, null, result);
      })
      .catch((err: Error) => safeCallback(done, err));
  }

  disconnect(done: Done): void {
    // detach every open link before the client itself goes away
    const openLinks: AmqpLink[] = [];
    for (const senderEndpoint of Object.keys(this._senders)) {
      openLinks.push(this._senders[senderEndpoint]);
      delete this._senders[senderEndpoint];
    }
    this._senders = {};

    for (const receiverEndpoint of Object.keys(this._receivers)) {
      openLinks.push(this._receivers[receiverEndpoint]._amqpReceiver);
      delete this._receivers[receiverEndpoint];
    }

    Promise.all(openLinks.map((link) => link.detach()))
      .then(() => this._amqp.disconnect())
      .then((result) => {
        this._connected = false;
        safeCallback(done, null, result);
        return null;
      })
      .catch((err: Error) => safeCallback(done, err));
  }

  send(message: unknown, endpoint: string, done: Done): void {
    if (!this._connected) {
      safeCallback(done, new Error('Cannot send while disconnected.'));
      return;
    }
    const sendAction = (sender: SenderLink): void => {
      sender
        .send(message)
        .then((state) => safeCallback(done, null, state))
        .catch((err: Error) => safeCallback(done, err));
    };
    const existing = this._senders[endpoint];
    if (existing) {
      sendAction(existing);
    } else {
      this.attachSenderLink(endpoint, (err, sender) => {
        if (err) {
          safeCallback(done, err);
        } else {
          sendAction(sender as SenderLink);
        }
      });
    }
  }

  attachReceiverLink(endpoint: string, done: Done): void {
    this._amqp
      .createReceiver(endpoint)
      .then((receiver) => {
        this._receivers[endpoint] = new AmqpReceiver(receiver);
        safeCallback(done, null, this._receivers[endpoint]);
      })
      .catch((err: Error) => safeCallback(done, err));
  }

  attachSenderLink(endpoint: string, done: Done): void {
    this._amqp
      .createSender(endpoint)
      .then((sender) => {
        this._senders[endpoint] = sender;
        safeCallback(done, null, sender);
      })
      .catch((err: Error) => safeCallback(done, err));
  }

  detachReceiverLink(endpoint: string, done: Done): void {
    const receiver = this._receivers[endpoint];
    this._detachLink(receiver?._amqpReceiver, (err) => {
      delete this._receivers[endpoint];
      done(err);
    });
  }

  detachSenderLink(endpoint: string, done: Done): void {
    this._detachLink(this._senders[endpoint], (err) => {
      delete this._senders[endpoint];
      done(err);
    });
  }

  private _detachLink(link: AmqpLink | undefined, done: Done): void {
    if (!link) {
      safeCallback(done);
      return;
    }
    link
      .detach()
      .then(() => safeCallback(done))
      .catch((err: Error) => safeCallback(done, err));
  }
}
