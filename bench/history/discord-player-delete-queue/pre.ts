// history: Androz2091/discord-player e611143f58ec — https://github.com/Androz2091/discord-player/commit/e611143f58ec549a04f8035a020dd54b73f36a5a (diff read)
// leaked: Player.deleteQueue() removed the guild's Queue from the queues collection without destroying it, so the queue's voice connection and audio player stayed connected after the queue was dropped.
// covers: container=map drop=delete resource=custom born=factory
import { EventEmitter } from 'node:events';

// shaped like the @discordjs/collection and @discordjs/voice typings (only what the reduction uses)
declare class Collection<K, V> extends Map<K, V> {}

interface VoiceConnectionState {
  status: 'signalling' | 'connecting' | 'ready' | 'disconnected' | 'destroyed';
}

declare class VoiceConnection extends EventEmitter {
  state: VoiceConnectionState;
  reconnectAttempts: number;
  subscribe(player: AudioPlayer): unknown;
  reconnect(): boolean;
  destroy(adapterAvailable?: boolean): void;
}

declare class AudioPlayer extends EventEmitter {
  stop(force?: boolean): boolean;
  pause(interpolateSilence?: boolean): boolean;
  unpause(): boolean;
}

declare function createAudioPlayer(): AudioPlayer;
declare function joinVoiceChannel(config: { guildId: string; channelId: string; selfDeaf?: boolean }): VoiceConnection;

interface VoiceChannel {
  id: string;
  guildId: string;
}

class StreamDispatcher extends EventEmitter {
  readonly audioPlayer: AudioPlayer;

  constructor(readonly voiceConnection: VoiceConnection, readonly channel: VoiceChannel) {
    super();
    this.audioPlayer = createAudioPlayer();
    this.voiceConnection.on('stateChange', (_old: VoiceConnectionState, next: VoiceConnectionState) => {
      if (next.status === 'destroyed') {
        this.end();
      }
    });
    this.audioPlayer.on('error', (error: Error) => this.emit('error', error));
    this.voiceConnection.subscribe(this.audioPlayer);
  }

  disconnect(): void {
    try {
      this.voiceConnection.destroy();
    } catch {}
  }

  end(): void {
    this.audioPlayer.stop();
  }
}

class VoiceUtils {
  async connect(channel: VoiceChannel, selfDeaf = false): Promise<StreamDispatcher> {
    const connection = joinVoiceChannel({ guildId: channel.guildId, channelId: channel.id, selfDeaf });
    return new StreamDispatcher(connection, channel);
  }
}

interface QueueOptions {
  leaveOnEnd?: boolean;
  leaveOnEmpty?: boolean;
  metadata?: unknown;
}

class Queue<T = unknown> {
  connection!: StreamDispatcher;
  tracks: string[] = [];
  metadata?: T;

  constructor(readonly player: Player, readonly guildId: string, readonly options: QueueOptions = {}) {}

  async connect(channel: VoiceChannel): Promise<this> {
    this.connection = await this.player.voiceUtils.connect(channel);
    return this;
  }

  destroy(): void {
    this.connection.end();
    this.connection.disconnect();
    this.player.queues.delete(this.guildId);
  }
}

export class Player extends EventEmitter {
  readonly queues = new Collection<string, Queue>();
  readonly voiceUtils = new VoiceUtils();

  createQueue<T = unknown>(guildId: string, options: QueueOptions = {}): Queue<T> {
    const existing = this.queues.get(guildId);
    if (existing) return existing as Queue<T>;

    const queue = new Queue<T>(this, guildId, options);
    queue.metadata = options.metadata as T;
    this.queues.set(guildId, queue);
    return queue;
  }

  getQueue<T = unknown>(guildId: string): Queue<T> {
    return this.queues.get(guildId) as Queue<T>;
  }

  deleteQueue<T = unknown>(guildId: string): Queue<T> {
    const prev = this.getQueue<T>(guildId);
    this.queues.delete(guildId); // expect: stop-on-evict
    return prev;
  }
}
