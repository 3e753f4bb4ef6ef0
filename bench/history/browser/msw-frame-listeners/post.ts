// history: mswjs/msw c4567d2a398f (PR #2737) — https://github.com/mswjs/msw/commit/c4567d2a398fb3315cebea4b66e9b79022ad569c (diff read)
// leaked: ServiceWorkerSource#handleResponse() deleted the request's network frame from #frames (both on the opaque-response early return and on the normal path) without removing the listeners on the frame's events emitter, so the abort-cleanup listeners registered on it kept the frame alive.
// covers: container=map drop=delete resource=listener born=constructor env=browser

// Shaped like rettime's Emitter declarations (only the members used here).
declare class Emitter<Events extends Record<string, unknown>> {
  on<K extends keyof Events & string>(type: K, listener: (event: Events[K]) => void, options?: { signal?: AbortSignal }): this;
  emit<K extends keyof Events & string>(type: K, event: Events[K]): boolean;
  removeAllListeners<K extends keyof Events & string>(type?: K): this;
}

interface FrameEvents extends Record<string, unknown> {
  'response:mocked': { requestId: string; response: Response };
  'response:bypass': { requestId: string; response: Response };
}

interface IncomingRequest {
  id: string;
  url: string;
  method: string;
}

interface WorkerResponse {
  type?: string;
  status: number;
  body: BodyInit | null;
  headers: Record<string, string>;
}

class InterceptedFrame {
  readonly events = new Emitter<FrameEvents>();

  constructor(readonly requestId: string, readonly request: Request) {}
}

export class WorkerRequestSource {
  #frames = new Map<string, InterceptedFrame>();

  async handleRequest(data: IncomingRequest): Promise<void> {
    const frame = new InterceptedFrame(data.id, new Request(data.url, { method: data.method }));
    this.#frames.set(data.id, frame);
    await this.dispatch(frame);
  }

  async handleResponse(request: IncomingRequest, response: WorkerResponse, mocked: boolean): Promise<void> {
    const frame = this.#frames.get(request.id);

    // Opaque responses cannot be read from script, so there is nothing to report.
    if (response.type?.includes('opaque')) {
      this.#frames.delete(request.id); // ok: stop-on-evict
      frame?.events.removeAllListeners();
      return;
    }

    this.#frames.delete(request.id); // ok: stop-on-evict

    // A missing frame means the request bypassed the worker after it stopped.
    if (frame == null) {
      return;
    }

    const fetchResponse = response.status === 0
      ? Response.error()
      : new Response(response.body, { status: response.status, headers: response.headers });

    try {
      frame.events.emit(mocked ? 'response:mocked' : 'response:bypass', {
        requestId: frame.requestId,
        response: fetchResponse,
      });
    } finally {
      // nothing is emitted on this frame after the response, so let its listeners go
      frame.events.removeAllListeners();
    }
  }

  protected async dispatch(frame: InterceptedFrame): Promise<void> {
    const aborter = new AbortController();
    frame.events.on('response:mocked', () => aborter.abort(), { signal: aborter.signal });
  }
}
