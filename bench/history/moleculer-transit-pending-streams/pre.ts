// history: moleculerjs/moleculer PR #1307 — https://github.com/moleculerjs/moleculer/pull/1307 (diff read)
// leaked: when a node disconnected, removePendingRequestByNodeID rejected each of its pending requests and deleted the request's pass-through streams from pendingReqStreams/pendingResStreams without destroying them, leaving dangling open streams (and whoever was piping them) behind.
// covers: container=map drop=delete resource=stream born=factory
import { Transform } from 'node:stream';

interface PassStream extends Transform {
  $prevSeq: number;
}

interface PendingRequest {
  nodeID: string;
  actionName: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface StreamPacket {
  id: string;
  sender: string;
  seq: number;
  stream: boolean;
  data?: unknown;
}

function createPass(objectMode: boolean): PassStream {
  const pass = new Transform({
    objectMode,
    transform(chunk, _encoding, done) {
      this.push(chunk);
      done();
    },
  }) as PassStream;
  pass.$prevSeq = -1;
  return pass;
}

export class Transit {
  private readonly pendingRequests = new Map<string, PendingRequest>();
  private readonly pendingReqStreams = new Map<string, { sender: string; stream: PassStream }>();
  private readonly pendingResStreams = new Map<string, PassStream>();

  handleIncomingRequestStream(packet: StreamPacket): PassStream | null {
    let pass = this.pendingReqStreams.get(packet.id)?.stream;
    if (!pass) {
      pass = createPass(false);
      this.pendingReqStreams.set(packet.id, { sender: packet.sender, stream: pass });
    }
    pass.$prevSeq = packet.seq;
    if (packet.seq > 0 && !packet.stream) {
      pass.end();
      this.pendingReqStreams.delete(packet.id);
      return null;
    }
    if (packet.seq > 0) pass.write(packet.data);
    return pass;
  }

  handleIncomingResponseStream(packet: StreamPacket, req: PendingRequest): void {
    let pass = this.pendingResStreams.get(packet.id);
    if (!pass) {
      pass = createPass(false);
      this.pendingResStreams.set(packet.id, pass);
    }
    pass.$prevSeq = packet.seq;
    if (packet.seq === 0) req.resolve(pass);
    if (packet.seq > 0 && !packet.stream) {
      pass.end();
      this.removePendingRequest(packet.id);
    } else if (packet.seq > 0) {
      pass.write(packet.data);
    }
  }

  removePendingRequest(id: string): void {
    this.pendingRequests.delete(id);

    this.pendingReqStreams.delete(id);
    this.pendingResStreams.delete(id);
  }

  removePendingRequestByNodeID(nodeID: string): void {
    this.pendingReqStreams.forEach(({ sender, stream }, id) => {
      if (sender === nodeID) {
        if (!stream.destroyed) {
          stream.destroy(new Error(`Request stream closed by ${nodeID}`));
        }
        this.pendingReqStreams.delete(id);
      }
    });

    this.pendingRequests.forEach((req, id) => {
      if (req.nodeID === nodeID) {
        this.pendingRequests.delete(id);
        req.reject(new Error(`Request '${req.actionName}' rejected: node '${nodeID}' is gone`));

        this.pendingReqStreams.delete(id); // expect: stop-on-evict
        this.pendingResStreams.delete(id); // expect: stop-on-evict
      }
    });
  }
}
