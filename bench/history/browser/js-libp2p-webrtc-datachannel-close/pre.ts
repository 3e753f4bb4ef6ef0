// history: libp2p/js-libp2p 7517082d0ae5 (PR #1976) — https://github.com/libp2p/js-libp2p/commit/7517082d0ae5dcd8f3f2d13aee2a13067836a2be (diff read)
// leaked: DataChannelMuxer.newStream()'s onEnd callback filtered the finished outbound stream out of the muxer's streams array without closing the RTCDataChannel it was built on, so channels stayed open until the browser refused to create more.
// covers: container=array drop=filter resource=custom born=factory env=browser

// Shaped like @libp2p/webrtc's WebRTCStream / createStream declarations (only the members used here).
declare class DataChannelStream {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  private readonly channel: RTCDataChannel;
  close(): Promise<void>;
  abort(err: Error): void;
}
declare function createStream(options: {
  channel: RTCDataChannel;
  direction: 'inbound' | 'outbound';
  onEnd?: (err?: Error) => void;
}): DataChannelStream;

interface MuxerInit {
  peerConnection: RTCPeerConnection;
  streams: DataChannelStream[];
  onStreamEnd?: (stream: DataChannelStream) => void;
}

export class ChannelMuxer {
  streams: DataChannelStream[];
  private readonly peerConnection: RTCPeerConnection;
  private endedCount = 0;

  constructor(private readonly init: MuxerInit) {
    this.streams = init.streams;
    this.peerConnection = init.peerConnection;
  }

  newStream(): DataChannelStream {
    // the spec asks for an empty label
    const channel = this.peerConnection.createDataChannel('');
    const stream = createStream({
      channel,
      direction: 'outbound',
      onEnd: () => {
        this.streams = this.streams.filter(s => s.id !== stream.id); // expect: stop-on-evict
        this.endedCount++;
        this.init.onStreamEnd?.(stream);
      },
    });
    this.streams.push(stream);

    return stream;
  }

  get ended(): number {
    return this.endedCount;
  }
}
