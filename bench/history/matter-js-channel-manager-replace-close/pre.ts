// history: project-chip/matter.js 1b09b05fe9cf — https://github.com/project-chip/matter.js/commit/1b09b05fe9cf72392a5ac162ff7324e4faf351b9 (diff read)
// leaked: ChannelManager kept one MessageChannel per fabric/node in its channels map, and both setChannel (a new CASE session replacing the node's channel) and removeChannel (node removed, or reconnect after a failed exchange) dropped the old channel without closing it, so its transport channel stayed open.
// covers: container=map drop=overwrite,delete resource=custom born=parameter
interface Channel<T> {
  name: string;
  send(data: T): Promise<void>;
  close(): Promise<void>;
}

interface Session {
  readonly name: string;
  getId(): number;
  isSecure(): boolean;
  encode(message: Message): Uint8Array;
  destroy(sendClose: boolean): Promise<void>;
}

interface SecureSession extends Session {
  getFabric(): Fabric | undefined;
  getPeerNodeId(): bigint;
}

interface Fabric {
  readonly fabricId: bigint;
  readonly fabricIndex: number;
}

interface Message {
  payload: Uint8Array;
}

export class NoChannelError extends Error {}

export class MessageChannel implements Channel<Message> {
  constructor(
    readonly channel: Channel<Uint8Array>,
    readonly session: Session,
    private readonly closeCallback?: () => void,
  ) {}

  get name(): string {
    return `${this.channel.name} on session ${this.session.name}`;
  }

  send(message: Message): Promise<void> {
    return this.channel.send(this.session.encode(message));
  }

  async close(): Promise<void> {
    await this.channel.close();
    this.closeCallback?.();
  }
}

export class ChannelManager {
  private readonly channels = new Map<string, MessageChannel>();

  private getChannelKey(fabric: Fabric, nodeId: bigint): string {
    return `${fabric.fabricId}/${nodeId}`;
  }

  setChannel(fabric: Fabric, nodeId: bigint, channel: MessageChannel): void {
    this.channels.set(this.getChannelKey(fabric, nodeId), channel); // expect: stop-on-evict
  }

  getChannel(fabric: Fabric, nodeId: bigint): MessageChannel {
    const result = this.channels.get(this.getChannelKey(fabric, nodeId));
    if (result === undefined) throw new NoChannelError(`No channel to node ${nodeId}`);
    return result;
  }

  removeChannel(fabric: Fabric, nodeId: bigint): void {
    this.channels.delete(this.getChannelKey(fabric, nodeId)); // expect: stop-on-evict
  }

  getOrCreateChannel(transport: Channel<Uint8Array>, session: SecureSession): MessageChannel {
    const fabric = session.getFabric();
    if (fabric === undefined) throw new NoChannelError('PASE sessions are not handled here');
    const nodeId = session.getPeerNodeId();

    let result = this.channels.get(this.getChannelKey(fabric, nodeId));
    if (result === undefined || result.session.getId() !== session.getId()) {
      result = new MessageChannel(transport, session, () => this.removeChannel(fabric, nodeId));
      this.setChannel(fabric, nodeId, result);
    }
    return result;
  }

  async close(): Promise<void> {
    for (const channel of this.channels.values()) {
      await channel.close();
    }
    this.channels.clear();
  }
}

// The controller side: pairing installs a channel, node removal and reconnects remove it.
export class MatterController {
  constructor(
    private readonly fabric: Fabric,
    private readonly channelManager: ChannelManager,
    private readonly openTransport: (nodeId: bigint) => Promise<Channel<Uint8Array>>,
    private readonly pair: (nodeId: bigint) => Promise<SecureSession>,
  ) {}

  async resume(peerNodeId: bigint): Promise<MessageChannel> {
    const transport = await this.openTransport(peerNodeId);
    const session = await this.pair(peerNodeId);
    const channel = new MessageChannel(transport, session);
    this.channelManager.setChannel(this.fabric, peerNodeId, channel);
    return channel;
  }

  async removeNode(nodeId: bigint): Promise<void> {
    this.channelManager.removeChannel(this.fabric, nodeId);
  }

  async reconnect(peerNodeId: bigint): Promise<MessageChannel> {
    this.channelManager.removeChannel(this.fabric, peerNodeId);
    await this.resume(peerNodeId);
    return this.channelManager.getChannel(this.fabric, peerNodeId);
  }
}
