// history: apollographql/subscriptions-transport-ws b2ae6d46af21 — https://github.com/apollographql/subscriptions-transport-ws/commit/b2ae6d46af21c87dfc597081b3056917300a3d8d (diff read)
// leaked: when a client sent subscription_start again with an id it was already using, the server stored the new graphql subscription under that id in the per-connection record, overwriting the old one without calling subscriptionManager.unsubscribe, so the old subscription kept pushing data to the socket until the process ended.
// covers: container=object-map drop=overwrite resource=subscription born=factory
import type { Server as HttpServer } from 'node:http';

// shaped like the 'websocket' package and graphql-subscriptions 0.1 typings (only what is used)
interface WsMessage {
  type: 'utf8' | 'binary';
  utf8Data?: string;
}

declare class WsConnection {
  sendUTF(data: string): void;
  on(event: 'message', cb: (message: WsMessage) => void): this;
  on(event: 'close', cb: (code: number, desc: string) => void): this;
}

declare class WsRequest {
  readonly origin: string;
  accept(protocol: string, origin: string): WsConnection;
}

declare class WebSocketServer {
  constructor(config: { httpServer: HttpServer; autoAcceptConnections: boolean });
  on(event: 'request', cb: (request: WsRequest) => void): this;
}

interface SubscriptionOptions {
  query: string;
  variables?: { [key: string]: unknown };
  operationName?: string;
  context?: unknown;
  callback: (errors: unknown, data: unknown) => void;
}

declare class SubscriptionManager {
  // resolves with the numeric id the manager uses to route pubsub events to this callback
  subscribe(options: SubscriptionOptions): Promise<number>;
  unsubscribe(subId: number): void;
}

const SUBSCRIPTION_FAIL = 'subscription_fail';
const SUBSCRIPTION_END = 'subscription_end';
const SUBSCRIPTION_DATA = 'subscription_data';
const SUBSCRIPTION_START = 'subscription_start';
const SUBSCRIPTION_SUCCESS = 'subscription_success';

interface SubscribeMessage {
  id: string;
  type: string;
  query?: string;
  variables?: { [key: string]: unknown };
  operationName?: string;
}

export interface ServerOptions {
  subscriptionManager: SubscriptionManager;
  onSubscribe?: (msg: SubscribeMessage, params: SubscriptionOptions) => SubscriptionOptions;
}

export class Server {
  private readonly onSubscribe?: ServerOptions['onSubscribe'];
  private readonly wsServer: WebSocketServer;
  private readonly subscriptionManager: SubscriptionManager;

  constructor(options: ServerOptions, httpServer: HttpServer) {
    if (!options.subscriptionManager) {
      throw new Error('Must provide `subscriptionManager` to websocket server constructor.');
    }
    this.subscriptionManager = options.subscriptionManager;
    this.onSubscribe = options.onSubscribe;

    this.wsServer = new WebSocketServer({ httpServer, autoAcceptConnections: false });
    this.wsServer.on('request', (request) => {
      const connection = request.accept('graphql-subscriptions', request.origin);
      // client-chosen id -> id handed out by the subscription manager
      const connectionSubscriptions: { [clientId: string]: number } = {};
      connection.on('message', this.onMessage(connection, connectionSubscriptions));
      connection.on('close', this.onClose(connectionSubscriptions));
    });
  }

  // when the socket goes away, every subscription it started is handed back to the manager
  private onClose(connectionSubscriptions: { [clientId: string]: number }) {
    return (): void => {
      Object.keys(connectionSubscriptions).forEach((clientId) => {
        this.subscriptionManager.unsubscribe(connectionSubscriptions[clientId]);
        delete connectionSubscriptions[clientId];
      });
    };
  }

  private onMessage(connection: WsConnection, connectionSubscriptions: { [clientId: string]: number }) {
    return (message: WsMessage): void => {
      let parsed: SubscribeMessage;
      try {
        parsed = JSON.parse(message.utf8Data ?? '');
      } catch {
        connection.sendUTF(JSON.stringify({ type: SUBSCRIPTION_FAIL, errors: ['Message must be JSON-parseable.'] }));
        return;
      }

      const subId = parsed.id;
      switch (parsed.type) {
        case SUBSCRIPTION_START: {
          let params: SubscriptionOptions = {
            query: parsed.query ?? '',
            variables: parsed.variables,
            operationName: parsed.operationName,
            context: {},
            callback: () => {},
          };
          if (this.onSubscribe) {
            params = this.onSubscribe(parsed, params);
          }

          // a start for an id that is still live replaces it: release the old subscription first
          if (connectionSubscriptions[subId]) {
            this.subscriptionManager.unsubscribe(connectionSubscriptions[subId]);
            delete connectionSubscriptions[subId];
          }

          params.callback = (_errors, data) => {
            this.send(connection, SUBSCRIPTION_DATA, subId, data);
          };

          this.subscriptionManager
            .subscribe(params)
            .then((graphqlSubId) => {
              connectionSubscriptions[subId] = graphqlSubId;
              this.send(connection, SUBSCRIPTION_SUCCESS, subId);
            })
            .catch((e: { errors?: unknown }) => {
              this.send(connection, SUBSCRIPTION_FAIL, subId, { errors: e.errors });
            });
          break;
        }

        case SUBSCRIPTION_END:
          if (connectionSubscriptions[subId]) {
            this.subscriptionManager.unsubscribe(connectionSubscriptions[subId]);
            delete connectionSubscriptions[subId];
          }
          break;

        default:
          throw new Error('Invalid message type. Message type must be `subscription_start` or `subscription_end`.');
      }
    };
  }

  private send(connection: WsConnection, type: string, subId: string, payload?: unknown): void {
    connection.sendUTF(JSON.stringify({ type, id: subId, payload }));
  }
}
