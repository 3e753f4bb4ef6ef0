/**
 * Where an expression reads or touches one entry of a container: `m.get(k)`, `m[k]`, a call on `m`
 * taking the key (`m.delete(k)`), or a method of the object that only looks the key up
 * (`this.connection(peer)`). Answered as text — the container's and the key's — from the syntax.
 */
import ts from 'typescript';

import { canonical, skipOuter } from '../syntax/expressions.js';
import { lookUpCall } from '../syntax/lookUps.js';
import { readContainerOf } from './kinds.js';
import { CONTAINER_VOCABULARY } from './vocabulary.js';

/**
 * `m.get(k)`, `m[k]` (also with `!`): the text of the key at which it reads the container named
 * `container`; with `anyMethod`, the key of any call on it (`m.delete(k)`, `m.has(k)`).
 */
export function readAtKey(expression: ts.Expression, container: string, anyMethod = false): string | undefined {
  const entry = entryAt(expression, anyMethod ? () => true : undefined);
  return entry?.container === container ? entry.key : undefined;
}

/**
 * `m.get(k)`, `m[k]` (also with `!` or a fallback), or a call on `m` of a method `called` accepts
 * (`m.has(k)`, `m.delete(k)`): the container and the key, as text.
 */
export function entryAt(expression: ts.Expression, called?: (method: string) => boolean): { container: string; key: string } | undefined {
  const e = skipOuter(expression);
  const callee = ts.isCallExpression(e) ? skipOuter(e.expression) : undefined;
  const read =
    called && callee && ts.isPropertyAccessExpression(callee)
      ? called(callee.name.text)
        ? canonical(callee.expression)?.text
        : undefined
      : readContainerOf(e);
  const at = ts.isElementAccessExpression(e) ? e.argumentExpression : ts.isCallExpression(e) ? e.arguments[0] : undefined;
  const key = at && canonical(at)?.text;
  if (read !== undefined && key !== undefined) return { container: read, key };
  // `this.connection(peer)` of a method that returns `this.connections.get(peer.ip)`: a read there,
  // asked wherever a read by `get` would be.
  const lookUp = ts.isCallExpression(e) && (!called || called('get')) ? lookUpCall(e, CONTAINER_VOCABULARY.reads) : undefined;
  const looked = lookUp && canonical(lookUp.container)?.text;
  const lookedKey = lookUp && canonical(lookUp.key)?.text;
  return looked !== undefined && lookedKey !== undefined ? { container: looked, key: `${lookedKey}${lookUp!.keyPath ?? ''}` } : undefined;
}
