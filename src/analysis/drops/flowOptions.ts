/**
 * What the dataflow engine is handed for a set of resources: the names that release them and
 * the container operations it may meet. One options object per combination, per program, so the
 * engine's helper summaries are computed once for each.
 */
import { containerVocabulary } from '../containers/vocabulary.js';
import type { FlowOptions } from '../flow/index.js';
import { releaseVocabulary, type Resource } from '../resources/release.js';
import { memoValue, type AnalysisSession } from '../session.js';

const OPTIONS = memoValue('drops.flowOptions', () => new Map<string, FlowOptions>());

export function flowOptionsFor(resources: readonly Resource[], session: AnalysisSession, releaseFunctions: ReadonlySet<string> = new Set()): FlowOptions {
  const vocabulary = releaseVocabulary(resources);
  // The user's release helpers (`closeQuietly`) release what they are given, whatever it is.
  const releases = releaseFunctions.size === 0 ? vocabulary : { ...vocabulary, functions: new Set([...vocabulary.functions, ...releaseFunctions]) };
  const names = (list: Iterable<string> | undefined): string => [...(list ?? [])].sort().join(',');
  const key = [
    names(releases.methods),
    names(releases.functions),
    names(releases.fieldMethods),
    entriesKey(releases.recordFunctions),
    entriesKey(releases.handleEnds),
    releases.callsValue === true,
    names(releases.calledFields),
    names(releases.coveringClasses),
    [...(releases.fieldCoveringClasses ?? [])]
      .map(([field, classes]) => `${field}:${names(classes)}`)
      .sort()
      .join(';'),
  ].join('|');
  const byKey = session.value(OPTIONS);
  let options = byKey.get(key);
  if (!options) byKey.set(key, (options = { releases, containers: containerVocabulary(session) }));
  return options;
}

/** `resolve:timer,reject:timer`: a map of names to names, in a stable order. */
function entriesKey(entries: ReadonlyMap<string, readonly string[]> | undefined): string {
  return [...(entries ?? [])]
    .map(([name, names]) => `${name}:${names.join('+')}`)
    .sort()
    .join(',');
}
