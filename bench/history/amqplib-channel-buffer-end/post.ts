// history: amqp-node/amqplib c973adbf3fc4 — https://github.com/amqp-node/amqplib/commit/c973adbf3fc4 (diff read)
// leaked: Connection.releaseChannel() nulled the channel's slot in the channels array after only unpiping its PassThrough write buffer, never end()ing it, so frames still queued in it (the CloseOk) were dropped with the stream.
// covers: container=array drop=overwrite resource=stream born=factory
import { PassThrough } from 'node:stream';

declare class Mux {
  constructor(downstream: NodeJS.WritableStream);
  pipeFrom(readable: PassThrough): void;
  unpipeFrom(readable: PassThrough): void;
}

declare class SlotBits {
  nextClearBit(from: number): number;
  set(i: number): void;
  clear(i: number): void;
}

interface ChannelHandle {
  onBufferDrain(): void;
  toClosed(reason: string): void;
}

interface ChannelSlot {
  channel: ChannelHandle;
  buffer: PassThrough;
}

const DEFAULT_WRITE_HWM = 1024;

export class AmqpConnection {
  private readonly muxer: Mux;
  private readonly freeSlots: SlotBits;
  private readonly channels: Array<ChannelSlot | null> = [];

  constructor(socket: NodeJS.WritableStream, bits: SlotBits, private readonly channelMax: number) {
    this.muxer = new Mux(socket);
    this.freeSlots = bits;
  }

  freshChannel(channel: ChannelHandle, highWaterMark?: number): number {
    const next = this.freeSlots.nextClearBit(1);
    if (next < 0 || next > this.channelMax) {
      throw new Error('No channels left to allocate');
    }
    this.freeSlots.set(next);
    const writeBuffer = new PassThrough({ objectMode: true, highWaterMark: highWaterMark ?? DEFAULT_WRITE_HWM });
    this.channels[next] = { channel, buffer: writeBuffer };
    writeBuffer.on('drain', () => channel.onBufferDrain());
    this.muxer.pipeFrom(writeBuffer);
    return next;
  }

  releaseChannel(id: number): void {
    this.freeSlots.clear(id);
    const slot = this.channels[id];
    if (!slot) return;
    // ending the buffer lets the muxer drain what is left, then it unpipes itself
    slot.buffer.end();
    this.channels[id] = null; // ok: stop-on-evict
  }

  closeChannels(reason: string): void {
    for (let i = 1; i < this.channels.length; i++) {
      const slot = this.channels[i];
      if (slot !== null && slot !== undefined) {
        slot.channel.toClosed(reason);
      }
    }
  }
}
