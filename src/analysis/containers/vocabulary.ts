/**
 * The container operations the dataflow engine recognizes by name, from the built-in protocol
 * records and the cache library records: what reads, tests, removes, clears and stores a value.
 */
import { CACHE_LIBRARIES } from '../caches/libraries/index.js';
import type { CacheLibrary } from '../caches/model.js';
import type { ContainerVocabulary } from '../flow/index.js';
import { memoValue, type AnalysisSession } from '../session.js';
import { CONTAINER_PROTOCOLS, type ContainerProtocol } from './kinds.js';
import { storageClasses } from './storageClasses.js';

/** The names of every operation the given protocol records and cache library records describe. */
function vocabularyOf(protocols: readonly ContainerProtocol[], libraries: readonly CacheLibrary[]): ContainerVocabulary {
  const dropsWith = (test: (target: string, storesNew: boolean) => boolean): string[] =>
    protocols.flatMap((protocol) =>
      Object.entries(protocol.drops)
        .filter(([, drop]) => test(drop.target, drop.storesNew === true))
        .map(([method]) => method),
    );
  const peeks = libraries.flatMap((library) => (library.peek ? [library.peek] : []));
  const removes = [...dropsWith((target, storesNew) => target === 'key' && !storesNew), ...libraries.flatMap((library) => library.paths.delete.methods)];
  return {
    reads: new Set([...protocols.flatMap((protocol) => protocol.reads ?? []), ...peeks]),
    tests: new Set(protocols.flatMap((protocol) => protocol.tests ?? [])),
    removes: new Set(removes),
    clears: new Set([...dropsWith((target) => target === 'all'), ...libraries.flatMap((library) => library.paths.clear.methods)]),
    inserts: new Set(
      protocols.flatMap((protocol) =>
        Object.entries(protocol.inserts)
          .filter(([, how]) => how !== 'second')
          .map(([method]) => method),
      ),
    ),
    stores: new Set([...dropsWith((target, storesNew) => target === 'key' && storesNew), ...libraries.flatMap((library) => library.paths.overwrite.methods)]),
    lookups: new Set([
      ...protocols.flatMap((protocol) => [...(protocol.reads ?? []), ...(protocol.tests ?? []), ...(protocol.searches ?? [])]),
      ...removes,
      ...peeks,
    ]),
  };
}

export const CONTAINER_VOCABULARY: ContainerVocabulary = vocabularyOf(Object.values(CONTAINER_PROTOCOLS), CACHE_LIBRARIES);

const PROGRAM_VOCABULARY = memoValue('containers.programVocabulary', (session): ContainerVocabulary => {
  const own = [...storageClasses(session).byDeclaration.values()].map((storage) => storage.protocol);
  return own.length === 0 ? CONTAINER_VOCABULARY : vocabularyOf([...Object.values(CONTAINER_PROTOCOLS), ...own], CACHE_LIBRARIES);
});

/** The built-in and cache names, with the program's own storage classes' (`forget(key)` removes, `lookup(key)` reads). */
export function containerVocabulary(session: AnalysisSession): ContainerVocabulary {
  return session.value(PROGRAM_VOCABULARY);
}
