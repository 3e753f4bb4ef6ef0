/**
 * Every cache library the analysis knows, as data. A new library is one file beside this one,
 * added to the list below (order matters only where two records could claim a type: none do).
 */
import type { CacheLibrary, CacheLibraryId } from '../model.js';
import { CACHE_MANAGER } from './cache-manager.js';
import { EXPIRY_MAP } from './expiry-map.js';
import { KEYV } from './keyv.js';
import { LRU_CACHE_10, LRU_CACHE_11, LRU_CACHE_6, LRU_CACHE_7 } from './lru-cache.js';
import { LRU_MIN } from './lru-min.js';
import { MEMORY_CACHE } from './memory-cache.js';
import { MNEMONIST } from './mnemonist.js';
import { CACHEABLE_NODE_CACHE, NODE_CACHE } from './node-cache.js';
import { ALLOC_QUICK_LRU, QUICK_LRU } from './quick-lru.js';
import { TINY_LRU } from './tiny-lru.js';
import { TTLCACHE } from './ttlcache.js';

export const CACHE_LIBRARIES: readonly CacheLibrary[] = [
  LRU_CACHE_6,
  LRU_CACHE_7,
  LRU_CACHE_10,
  LRU_CACHE_11,
  TTLCACHE,
  NODE_CACHE,
  CACHEABLE_NODE_CACHE,
  QUICK_LRU,
  ALLOC_QUICK_LRU,
  TINY_LRU,
  LRU_MIN,
  MNEMONIST,
  MEMORY_CACHE,
  KEYV,
  CACHE_MANAGER,
  EXPIRY_MAP,
];

const libraryById = new Map<CacheLibraryId, CacheLibrary>(CACHE_LIBRARIES.map((library) => [library.id, library]));

export function getCacheLibrary(id: CacheLibraryId): CacheLibrary {
  const library = libraryById.get(id);
  if (!library) throw new Error(`unknown cache library ${id}`);
  return library;
}
