/**
 * The container operations the dataflow engine recognizes by name, from the built-in protocol
 * records and the cache library records: what reads, tests, removes, clears and stores a value.
 */
import { CACHE_LIBRARIES } from '../caches/libraries/index.js';
import type { ContainerVocabulary } from '../flow/index.js';
import { CONTAINER_PROTOCOLS } from './kinds.js';

const protocols = Object.values(CONTAINER_PROTOCOLS);
const dropsWith = (test: (target: string, storesNew: boolean) => boolean): string[] =>
  protocols.flatMap((protocol) =>
    Object.entries(protocol.drops)
      .filter(([, drop]) => test(drop.target, drop.storesNew === true))
      .map(([method]) => method),
  );

export const CONTAINER_VOCABULARY: ContainerVocabulary = {
  reads: new Set([...protocols.flatMap((protocol) => protocol.reads ?? []), ...CACHE_LIBRARIES.flatMap((library) => (library.peek ? [library.peek] : []))]),
  tests: new Set(protocols.flatMap((protocol) => protocol.tests ?? [])),
  removes: new Set([
    ...dropsWith((target, storesNew) => target === 'key' && !storesNew),
    ...CACHE_LIBRARIES.flatMap((library) => library.paths.delete.methods),
  ]),
  clears: new Set([...dropsWith((target) => target === 'all'), ...CACHE_LIBRARIES.flatMap((library) => library.paths.clear.methods)]),
  inserts: new Set(
    protocols.flatMap((protocol) =>
      Object.entries(protocol.inserts)
        .filter(([, how]) => how !== 'second')
        .map(([method]) => method),
    ),
  ),
  stores: new Set([
    ...dropsWith((target, storesNew) => target === 'key' && storesNew),
    ...CACHE_LIBRARIES.flatMap((library) => library.paths.overwrite.methods),
  ]),
  lookups: new Set([
    ...protocols.flatMap((protocol) => [...(protocol.reads ?? []), ...(protocol.tests ?? []), ...(protocol.searches ?? [])]),
    ...dropsWith((target, storesNew) => target === 'key' && !storesNew),
    ...CACHE_LIBRARIES.flatMap((library) => [...library.paths.delete.methods, ...(library.peek ? [library.peek] : [])]),
  ]),
};
