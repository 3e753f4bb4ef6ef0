/**
 * The container operations the dataflow engine recognizes by name, from the built-in protocol
 * records and the cache library records: what reads, tests, removes, clears and stores a value.
 */
import { CACHE_LIBRARIES } from '../caches/libraries/index.js';
import type { ContainerVocabulary } from '../flow/index.js';
import { memoValue, type AnalysisSession } from '../session.js';
import { CONTAINER_PROTOCOLS, type ContainerProtocol } from './kinds.js';
import { storageClasses } from './storageClasses.js';

const protocols = Object.values(CONTAINER_PROTOCOLS);
const dropsWith = (
  test: (target: string, storesNew: boolean) => boolean,
  protocols: readonly ContainerProtocol[] = Object.values(CONTAINER_PROTOCOLS),
): string[] =>
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

const PROGRAM_VOCABULARY = memoValue('containers.programVocabulary', (session): ContainerVocabulary => {
  const own = [...storageClasses(session).byDeclaration.values()].map((storage) => storage.protocol);
  if (own.length === 0) return CONTAINER_VOCABULARY;
  const removes = dropsWith((target, storesNew) => target === 'key' && !storesNew, own);
  const reads = own.flatMap((protocol) => protocol.reads ?? []);
  const tests = own.flatMap((protocol) => protocol.tests ?? []);
  const add = (names: ReadonlySet<string>, more: readonly string[]): ReadonlySet<string> => (more.length === 0 ? names : new Set([...names, ...more]));
  return {
    reads: add(CONTAINER_VOCABULARY.reads, reads),
    tests: add(CONTAINER_VOCABULARY.tests, tests),
    removes: add(CONTAINER_VOCABULARY.removes, removes),
    clears: add(
      CONTAINER_VOCABULARY.clears,
      dropsWith((target) => target === 'all', own),
    ),
    inserts: add(
      CONTAINER_VOCABULARY.inserts,
      own.flatMap((protocol) =>
        Object.entries(protocol.inserts)
          .filter(([, how]) => how !== 'second')
          .map(([method]) => method),
      ),
    ),
    stores: add(
      CONTAINER_VOCABULARY.stores,
      dropsWith((target, storesNew) => target === 'key' && storesNew, own),
    ),
    lookups: add(CONTAINER_VOCABULARY.lookups, [...reads, ...tests, ...removes]),
  };
});

/** The built-in and cache names, with the program's own storage classes' (`forget(key)` removes, `lookup(key)` reads). */
export function containerVocabulary(session: AnalysisSession): ContainerVocabulary {
  return session.value(PROGRAM_VOCABULARY);
}
