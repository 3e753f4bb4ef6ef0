// history: bluerobotics/cockpit 559f3a74eb78 — https://github.com/bluerobotics/cockpit/commit/559f3a74eb7843ad3dd8a9e26624865ea6f504ca (diff read)
// leaked: when live processing failed to start, startRecording stopped the recorder and deleted the stream's entry from activeStreams, but the entry's WebRTCManager (signaller socket and RTCPeerConnection), go2rtc manager and media tracks were never closed, so the WebRTC session kept running with nothing referencing it.
// covers: container=object-map drop=delete resource=custom born=factory env=browser
// Shaped like vue / pinia .d.ts (only what the store uses).
interface Ref<T> {
  value: T;
}
declare function ref<T>(value: T): Ref<T>;
declare function defineStore<S>(id: string, setup: () => S): () => S;

interface Session {
  peerConnection?: RTCPeerConnection;
  end(): void;
}

// The project's own WebRTC consumer: a signalling WebSocket plus one RTCPeerConnection session.
class WebRTCManager {
  session: Session | undefined;
  private ended = false;
  private readonly socket: WebSocket;
  private readonly media: Ref<MediaStream | undefined> = ref(undefined);
  private readonly connected = ref(false);

  constructor(signallingUri: string, readonly rtcConfiguration: RTCConfiguration) {
    this.socket = new WebSocket(signallingUri);
  }

  startStream(streamName: string): { mediaStream: Ref<MediaStream | undefined>; connected: Ref<boolean> } {
    this.socket.addEventListener('open', () => {
      if (this.ended) return;
      const pc = new RTCPeerConnection(this.rtcConfiguration);
      pc.addEventListener('track', (ev) => (this.media.value = ev.streams[0]));
      this.session = { peerConnection: pc, end: () => pc.close() };
      this.socket.send(JSON.stringify({ type: 'start', streamName }));
    });
    return { mediaStream: this.media, connected: this.connected };
  }

  close(reason: string): void {
    this.ended = true;
    this.session?.end();
    this.session = undefined;
    this.socket.close(1000, reason);
  }
}

// RTSP streams go through the go2rtc sidecar instead.
class Go2RTCManager {
  private pc: RTCPeerConnection | null = null;
  private readonly media: Ref<MediaStream | undefined> = ref(undefined);

  constructor(private readonly port: number, private readonly streamName: string) {}

  start(): { mediaStream: Ref<MediaStream | undefined>; connected: Ref<boolean> } {
    this.pc = new RTCPeerConnection();
    return { mediaStream: this.media, connected: ref(true) };
  }

  close(reason?: string): void {
    console.log(`[go2rtc] closing ${this.streamName} on ${this.port}: ${reason ?? ''}`);
    this.pc?.close();
    this.pc = null;
  }
}

interface StreamData {
  webRtcManager?: WebRTCManager;
  go2rtcManager?: Go2RTCManager;
  mediaStream: MediaStream | undefined;
  mediaRecorder: MediaRecorder | undefined;
  timeRecordingStart: Date | undefined;
}

declare class LiveVideoProcessor {
  constructor(recordingHash: string, fileName: string);
  startProcessing(): Promise<void>;
}

export const useVideoStore = defineStore('video', () => {
  const signallingUri = 'ws://blueos.local:6021';
  const rtcConfiguration: RTCConfiguration = { iceServers: [] };
  const enableLiveProcessing = ref(true);
  const activeStreams = ref<{ [key in string]: StreamData | undefined }>({});
  const liveProcessors = ref<{ [hash: string]: LiveVideoProcessor }>({});

  const activateStream = (streamName: string): void => {
    const webRtcManager = new WebRTCManager(signallingUri, rtcConfiguration);
    const { mediaStream } = webRtcManager.startStream(streamName);
    activeStreams.value[streamName] = {
      webRtcManager,
      mediaStream: mediaStream.value,
      mediaRecorder: undefined,
      timeRecordingStart: undefined,
    };
  };

  const startRecording = async (streamName: string): Promise<void> => {
    if (activeStreams.value[streamName] === undefined) activateStream(streamName);
    const streamData = activeStreams.value[streamName]!;
    if (!streamData.mediaStream?.active) return;

    const recordingHash = crypto.randomUUID().slice(0, 8);
    streamData.timeRecordingStart = new Date();
    streamData.mediaRecorder = new MediaRecorder(streamData.mediaStream);
    streamData.mediaRecorder.start(1000);

    if (enableLiveProcessing.value) {
      try {
        const processor = new LiveVideoProcessor(recordingHash, `${recordingHash}.webm`);
        await processor.startProcessing();
        liveProcessors.value[recordingHash] = processor;
      } catch (error) {
        // give up on the recording and forget the stream
        activeStreams.value[streamName]!.mediaRecorder!.stop();
        activeStreams.value[streamName]!.mediaRecorder = undefined;
        delete activeStreams.value[streamName]; // expect: stop-on-evict
        throw new Error(`Failed to start live processing for recording '${recordingHash}': ${error}`);
      }
    }
  };

  // the user ignores a stream: everything it holds is released before the entry goes
  const deleteStreamCorrespondency = (externalId: string): void => {
    const data = activeStreams.value[externalId];
    if (!data) return;
    if (data.mediaRecorder?.state === 'recording') data.mediaRecorder.stop();
    data.mediaStream?.getTracks().forEach((track) => track.stop());
    if (data.webRtcManager) {
      data.webRtcManager.session?.peerConnection?.close();
      data.webRtcManager.close(`External stream '${externalId}' was ignored by user`);
    }
    data.go2rtcManager?.close(`Stream '${externalId}' deleted by user`);
    delete activeStreams.value[externalId];
  };

  return { activeStreams, activateStream, startRecording, deleteStreamCorrespondency };
});
