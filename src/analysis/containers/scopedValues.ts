/**
 * Containers that index work in flight: every value stored is a local (or a record of locals) that
 * the storing function itself releases on every normal path after the store, as a poll or a request
 * tracked by key does (`this.timers.set(k, t); try { await poll() } finally { clearInterval(t) }`).
 * A store there that overwrites an entry loses nothing: the call that stored the old value ends it.
 * Other drops are still judged: a `delete()` or `clear()` elsewhere lets go of work still running.
 */
import ts from 'typescript';

import { resolveCallee } from '../flow/index.js';
import { releaseNames, type Resource } from '../resources/release.js';
import { memoTable, type AnalysisSession } from '../session.js';
import { enclosingBody, propertyValueOf, skipOuter } from '../syntax/expressions.js';
import { declarationOf, isStableName } from '../syntax/names.js';
import { releasedOnEveryPathAfter, releasesFirst, type ReleaseNames } from '../syntax/releaseFirst.js';
import { innerVisibleInsertions, visibleInsertions, type ContainerPlace } from './ownership.js';

const RELEASED_BY_STORERS = memoTable<readonly ContainerPlace[], boolean>('containers.releasedByStorers');

/** `stored` is one of the container's visible insertions, every one of which (one at least) its own function releases after the store. */
export function isStoreOfWorkInFlight(stored: ts.Expression, resource: Resource, places: readonly ContainerPlace[], session: AnalysisSession): boolean {
  const every = session.memo(RELEASED_BY_STORERS, places, (): boolean => {
    if (innerVisibleInsertions(places, session).length > 0) return false;
    const inserted = visibleInsertions(places, session);
    return inserted.length > 0 && inserted.every((value) => isReleasedByItsStorer(value, resource, session));
  });
  return every === true && visibleInsertions(places, session).includes(stored);
}

function isReleasedByItsStorer(value: ts.Expression, resource: Resource, session: AnalysisSession): boolean {
  const stored = skipOuter(value);
  const { release } = resource;
  if (ts.isIdentifier(stored)) return release.kind !== 'fields' && isLocalReleasedAfter(stored, value, releaseNames(release), session);
  // `{ ctrl, timer }`: each field the record owes holds a local released after the store.
  if (!ts.isObjectLiteralExpression(stored) || release.kind !== 'fields') return false;
  return release.fields.every((field) => {
    const property = stored.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === field.name);
    const held = property && propertyValueOf(property);
    const name = held && skipOuter(held);
    return name !== undefined && ts.isIdentifier(name) && isLocalReleasedAfter(name, value, releaseNames(field.resource.release), session);
  });
}

/**
 * A name of the storing function that holds one value, released on every way out after `at`, by
 * the function itself or by a function of the program it hands the value to, whose first statements
 * release it (`finally { this.endPoll(key, timer) }`). Handing the value on does not count: the
 * call that registers a listener hands it on too.
 */
function isLocalReleasedAfter(name: ts.Identifier, at: ts.Node, names: ReleaseNames, session: AnalysisSession): boolean {
  if (names.methods.size === 0 && names.functions.size === 0) return false;
  const declaration = declarationOf(name.text, name, session);
  const declaredIn = declaration?.kind === 'parameter' ? declaration.fn : declaration?.body;
  if (declaredIn !== enclosingBody(at) || !isStableName(name, session)) return false;
  return releasedOnEveryPathAfter(at, name.text, names, (call, index) => {
    const helper = resolveCallee(call, session);
    const parameter = helper?.parameters[index];
    return (
      helper !== undefined &&
      parameter !== undefined &&
      ts.isIdentifier(parameter.name) &&
      !parameter.dotDotDotToken &&
      releasesFirst(helper, parameter.name.text, names)
    );
  });
}
