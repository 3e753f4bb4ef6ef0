// history: shipgirlproject/Shoukaku 5b69c4b3c64d — https://github.com/shipgirlproject/Shoukaku/commit/5b69c4b3c64d19505803065f075fc83e4daadf33 (diff read)
// leaked: Connection.disconnect() removed the guild's Player from node.players without calling player.clean(), so every 'start'/'end'/'closed' listener the bot had put on that player stayed registered after the player was dropped.
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';

interface VoiceChannelOptions {
  guildId: string;
  channelId: string;
  shardId: number;
}

const enum State {
  CONNECTING,
  CONNECTED,
  DISCONNECTING,
  DISCONNECTED,
}

interface Manager {
  nodes: Map<string, LavalinkNode>;
  sendPacket(shardId: number, payload: unknown): void;
}

class Connection {
  state = State.DISCONNECTED;
  readonly guildId: string;
  readonly shardId: number;

  constructor(private readonly player: Player, options: VoiceChannelOptions) {
    this.guildId = options.guildId;
    this.shardId = options.shardId;
  }

  async connect(options: VoiceChannelOptions): Promise<void> {
    this.state = State.CONNECTING;
    this.player.node.manager.sendPacket(this.shardId, { op: 4, d: { guild_id: options.guildId, channel_id: options.channelId } });
    this.state = State.CONNECTED;
  }

  disconnect(): void {
    if (this.state !== State.DISCONNECTED) {
      this.state = State.DISCONNECTING;
      this.player.node.manager.sendPacket(this.shardId, { op: 4, d: { guild_id: this.guildId, channel_id: null } });
    }
    this.player.node.players.delete(this.guildId); // expect: stop-on-evict
    // this.player.clean();
    this.destroyLavalinkPlayer();
    this.state = State.DISCONNECTED;
  }

  destroyLavalinkPlayer(): void {
    this.player.node.queue.push({ op: 'destroy', guildId: this.guildId });
  }
}

export class Player extends EventEmitter {
  node: LavalinkNode;
  readonly connection: Connection;
  track: string | null = null;
  position = 0;

  constructor(node: LavalinkNode, options: VoiceChannelOptions) {
    super();
    this.node = node;
    this.connection = new Connection(this, options);
  }

  move(name: string): Player {
    const target = this.node.manager.nodes.get(name);
    if (!target || target === this.node) return this;
    this.connection.destroyLavalinkPlayer();
    this.node.players.delete(this.connection.guildId);
    this.node = target;
    this.node.players.set(this.connection.guildId, this);
    return this;
  }

  onLavalinkMessage(json: { type: string; position?: number }): void {
    if (json.type === 'TrackStartEvent') {
      this.position = 0;
      this.emit('start', json);
    } else if (json.type === 'TrackEndEvent') {
      this.emit('end', json);
    }
  }

  /** Drops every listener the bot registered on this player. */
  clean(): void {
    this.removeAllListeners();
    this.track = null;
    this.position = 0;
  }
}

export class LavalinkNode extends EventEmitter {
  readonly players = new Map<string, Player>();
  readonly queue: unknown[] = [];

  constructor(readonly manager: Manager, readonly name: string) {
    super();
  }

  async joinChannel(options: VoiceChannelOptions): Promise<Player> {
    let player = this.players.get(options.guildId);
    if (player?.connection.state === State.CONNECTED) {
      throw new Error("Can't join this channel. This connection is already connected");
    }
    if (!player) {
      player = new Player(this, options);
      this.players.set(options.guildId, player);
    }
    await player.connection.connect(options);
    return player;
  }

  leaveChannel(guildId: string): void {
    this.players.get(guildId)?.connection.disconnect();
  }

  handleMessage(json: { guildId: string; type: string }): void {
    this.players.get(json.guildId)?.onLavalinkMessage(json);
  }
}
