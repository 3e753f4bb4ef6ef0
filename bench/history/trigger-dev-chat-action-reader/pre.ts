// history: triggerdotdev/trigger.dev f5f29ceb2648 — https://github.com/triggerdotdev/trigger.dev/commit/f5f29ceb2648 (diff read)
// leaked: sendAction() subscribed a new session reader without aborting the chat's in-flight one, so subscribeToSessionStream()'s activeStreams.set() replaced a live AbortController and left the old reader running (racing the resume cursor).
// covers: container=map drop=overwrite resource=subscription born=factory
interface UiChunk {
  type: string;
}

declare function appendInputChunk(chatId: string, body: string): Promise<void>;
declare function readSessionStream(chatId: string, signal: AbortSignal): AsyncIterable<UiChunk>;

export class ChatTransport {
  private readonly activeStreams = new Map<string, AbortController>();

  sendMessages = async (chatId: string, message: string, abortSignal?: AbortSignal): Promise<ReadableStream<UiChunk>> => {
    await appendInputChunk(chatId, JSON.stringify({ kind: 'message', message }));
    // a new turn supersedes whatever reader is still open for this chat
    const active = this.activeStreams.get(chatId);
    if (active) {
      active.abort();
      this.activeStreams.delete(chatId);
    }
    return this.subscribeToSessionStream(chatId, abortSignal);
  };

  sendAction = async (chatId: string, action: unknown): Promise<ReadableStream<UiChunk>> => {
    await appendInputChunk(chatId, JSON.stringify({ kind: 'action', action }));
    return this.subscribeToSessionStream(chatId, undefined);
  };

  private subscribeToSessionStream(chatId: string, abortSignal: AbortSignal | undefined): ReadableStream<UiChunk> {
    const internalAbort = new AbortController();
    this.activeStreams.set(chatId, internalAbort); // expect: stop-on-evict
    const signal = abortSignal ? AbortSignal.any([abortSignal, internalAbort.signal]) : internalAbort.signal;

    return new ReadableStream<UiChunk>({
      start: async (controller) => {
        try {
          for await (const chunk of readSessionStream(chatId, signal)) {
            controller.enqueue(chunk);
          }
          controller.close();
        } catch (error) {
          if (error instanceof Error && error.name === 'AbortError') {
            controller.close();
            return;
          }
          controller.error(error);
        }
      },
    });
  }

  dispose(): void {
    for (const controller of this.activeStreams.values()) {
      controller.abort();
    }
    this.activeStreams.clear();
  }
}
