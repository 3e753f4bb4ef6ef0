/**
 * Containers that keep each value under one of its own fields: `nodes.set(node.id, node)` at every
 * insertion the code shows. In such a container `nodes.delete(target.id)` drops `target` itself,
 * whatever the name `target` was read from.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { calledMethodName, canonical, rootOf, skipOuter, withOuter, type CanonicalText } from '../syntax/expressions.js';
import { containerPlaces, visibleInsertions, type ContainerPlace } from './ownership.js';

const OWN_FIELD_KEYS = memoTable<readonly ContainerPlace[], string | null>('containers.ownFieldKeys');

/** `.id` when every visible insertion stores a value `v` under `v.id`; undefined otherwise (or when none is visible). */
export function ownFieldKey(places: readonly ContainerPlace[], session: AnalysisSession): string | undefined {
  return session.memo(OWN_FIELD_KEYS, places, () => findOwnFieldKey(visibleInsertions(places, session))) ?? undefined;
}

function findOwnFieldKey(insertions: readonly ts.Expression[]): string | null {
  let path: string | undefined;
  for (const inserted of insertions) {
    const value = skipOuter(inserted);
    const key = keyOfInsertion(inserted);
    const text = key && canonical(key);
    if (!ts.isIdentifier(value) || !text || text.impure || !text.text.startsWith(`${value.text}.`)) return null;
    const here = text.text.slice(value.text.length);
    if (path !== undefined && path !== here) return null;
    path = here;
  }
  return path ?? null;
}

/** The key an inserted value is stored under: `k` of `m.set(k, v)` or of `o[k] = v`. */
function keyOfInsertion(inserted: ts.Expression): ts.Expression | undefined {
  const node = withOuter(inserted);
  const parent = node.parent;
  if (parent && ts.isCallExpression(parent) && calledMethodName(parent) === 'set' && parent.arguments[1] === node) return parent.arguments[0];
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuter(parent.left);
    return ts.isElementAccessExpression(left) ? left.argumentExpression : undefined;
  }
  return undefined;
}

/**
 * `target` of `nodes.delete(target.id)`, in a container that keeps every value under its own `.id`.
 * The container's insertions are read only for a key that is such a path.
 */
export function valueNamedByOwnKey(keyExpression: ts.Expression, containerExpression: ts.Expression, session: AnalysisSession): ts.Identifier | undefined {
  const key = skipOuter(keyExpression);
  if (!ts.isPropertyAccessExpression(key)) return undefined;
  const root = rootOf(key);
  const text = canonical(key);
  return ts.isIdentifier(root) && text && valueNamedByOwnKeyText(text, containerExpression, session) !== undefined ? root : undefined;
}

/** The name `session` of a key written `session.id` (as text: a caller's argument), in a container that keeps every value under its own `.id`. */
export function valueNamedByOwnKeyText(key: CanonicalText, containerExpression: ts.Expression, session: AnalysisSession): string | undefined {
  const [root] = key.roots;
  if (key.impure || key.roots.length !== 1 || root === undefined || !key.text.startsWith(`${root}.`)) return undefined;
  const path = ownFieldKey(containerPlaces(containerExpression, session), session);
  return path !== undefined && key.text === `${root}${path}` ? root : undefined;
}
