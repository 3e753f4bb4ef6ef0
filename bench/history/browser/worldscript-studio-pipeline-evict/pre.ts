// history: qnbs/WorldScript-Studio a4dc1da56632 — https://github.com/qnbs/WorldScript-Studio/commit/a4dc1da566320929d6e3218a1f9a14112ac28ea3 (diff read)
// leaked: the inference worker's LRU loop deleted the least recently used transformers.js pipeline from pipelineCache without dispose(), leaking its WASM/WebGPU model memory on every eviction; and two overlapping loads of one model both awaited pipeline() after the cache miss, so the second set() overwrote the first pipeline (the fix also shares one in-flight load per key).
// covers: container=map drop=delete drop=overwrite resource=custom born=factory env=browser

// Shaped like the transformers.js declarations (Pipeline.dispose, pipeline()).
declare class Pipeline {
  dispose(): Promise<void>;
}
declare function pipeline(
  task: string,
  model: string,
  options: { dtype: 'q8' | 'fp32'; device: 'webgpu' | 'wasm' },
): Promise<Pipeline>;

const pipelineCache = new Map<string, { pipeline: Pipeline; lastUsedAt: number }>();
const MAX_PIPELINE_CACHE = 8;

export async function loadPipeline(task: string, modelId: string, quantized = true): Promise<Pipeline> {
  const cacheKey = `${task}::${modelId}`;
  const cached = pipelineCache.get(cacheKey);
  if (cached) {
    cached.lastUsedAt = Date.now();
    return cached.pipeline;
  }

  if (pipelineCache.size >= MAX_PIPELINE_CACHE) {
    let oldestKey = '';
    let oldestTs = Number.POSITIVE_INFINITY;
    for (const [key, entry] of pipelineCache) {
      if (entry.lastUsedAt < oldestTs) {
        oldestTs = entry.lastUsedAt;
        oldestKey = key;
      }
    }
    if (oldestKey) pipelineCache.delete(oldestKey); // expect: stop-on-evict
  }

  const device = 'gpu' in globalThis.navigator ? 'webgpu' : 'wasm';
  const pipe = await pipeline(task, modelId, { dtype: quantized ? 'q8' : 'fp32', device });
  pipelineCache.set(cacheKey, { pipeline: pipe, lastUsedAt: Date.now() }); // expect: stop-on-evict
  return pipe;
}
