// history: qnbs/WorldScript-Studio a4dc1da56632 — https://github.com/qnbs/WorldScript-Studio/commit/a4dc1da566320929d6e3218a1f9a14112ac28ea3 (diff read)
// leaked: the inference worker's LRU loop deleted the least recently used transformers.js pipeline from pipelineCache without dispose(), leaking its WASM/WebGPU model memory on every eviction.
// covers: container=map drop=delete resource=custom born=factory env=browser

// Shaped like the transformers.js declarations (Pipeline.dispose, pipeline()).
declare class Pipeline {
  dispose(): Promise<void>;
}
declare function pipeline(
  task: string,
  model: string,
  options: { dtype: 'q8' | 'fp32'; device: 'webgpu' | 'wasm' },
): Promise<Pipeline>;

interface Entry<T> {
  value: T;
  lastUsedAt: number;
}

// A small LRU that hands every evicted value to the owner's dispose callback and
// shares one in-flight load per key.
class PipelineLruCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly opts: { maxSize?: number; dispose?: (value: T) => void }) {}

  async getOrLoad(key: string, loader: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      hit.lastUsedAt = Date.now();
      return hit.value;
    }
    const inflight = this.pending.get(key);
    if (inflight) return inflight;

    const promise = loader().then(
      (value) => {
        this.evictIfNeeded();
        this.entries.set(key, { value, lastUsedAt: Date.now() });
        this.pending.delete(key);
        return value;
      },
      (err: unknown) => {
        this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }

  private evictIfNeeded(): void {
    const max = this.opts.maxSize ?? 8;
    while (this.entries.size >= max) {
      let oldestKey: string | undefined;
      let oldestTs = Number.POSITIVE_INFINITY;
      for (const [key, entry] of this.entries) {
        if (entry.lastUsedAt < oldestTs) {
          oldestTs = entry.lastUsedAt;
          oldestKey = key;
        }
      }
      if (oldestKey === undefined) break;
      const evicted = this.entries.get(oldestKey);
      this.entries.delete(oldestKey);
      if (evicted) this.opts.dispose?.(evicted.value);
    }
  }
}

const pipelineCache = new PipelineLruCache<Pipeline>({
  dispose: (pipe) => {
    void pipe.dispose();
  },
});

export async function loadPipeline(task: string, modelId: string, quantized = true): Promise<Pipeline> {
  const cacheKey = `${task}::${modelId}`;
  return pipelineCache.getOrLoad(cacheKey, async () => {
    const device = 'gpu' in globalThis.navigator ? 'webgpu' : 'wasm';
    return pipeline(task, modelId, { dtype: quantized ? 'q8' : 'fp32', device });
  });
}
