// Keys claimed in a set of keys in flight before the store they guard.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isClaimedBeforeStore } from '../../src/analysis/containers/claims.js';

const SOURCE = `
export function branch(k: string) {
  if (!m.has(k) && !pending.has(k)) {
    pending.add(k);
    later(() => { m.set(k, make()); });
  }
}
export function branchOtherKey(k: string, j: string) {
  if (!m.has(k) && !pending.has(k)) {
    pending.add(j);
    later(() => { m.set(k, make()); });
  }
}
export function branchNoLookUp(k: string) {
  if (!pending.has(k)) {
    pending.add(k);
    later(() => { m.set(k, make()); });
  }
}
export function branchClaimInCallback(k: string) {
  if (!m.has(k) && !pending.has(k)) {
    later(() => { pending.add(k); m.set(k, make()); });
  }
}
export async function exit(k: string) {
  if (m.has(k) || pending.has(k)) return;
  pending.set(k, true);
  await wait();
  m.set(k, make());
}
export async function exitClaimAfterAwait(k: string) {
  if (m.has(k) || pending.has(k)) return;
  await wait();
  pending.add(k);
  m.set(k, make());
}
export async function exitWithoutLeaving(k: string) {
  if (m.has(k) || pending.has(k)) log();
  pending.add(k);
  await wait();
  m.set(k, make());
}
`;

const file = ts.createSourceFile('claims.ts', SOURCE, ts.ScriptTarget.Latest, true);

/** The `m.set(…)` call in the function named `name`. */
function storeIn(name: string): ts.CallExpression {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node, inside: boolean): void => {
    const here = inside || (ts.isFunctionDeclaration(node) && node.name?.text === name);
    if (here && ts.isCallExpression(node) && node.expression.getText(file) === 'm.set') found = node;
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(file, false);
  if (!found) throw new Error(`no store in ${name}`);
  return found;
}

describe('isClaimedBeforeStore', () => {
  it.each([
    ['branch', true],
    ['branchOtherKey', false],
    ['branchNoLookUp', false],
    ['branchClaimInCallback', false],
    ['exit', true],
    ['exitClaimAfterAwait', false],
    ['exitWithoutLeaving', false],
  ])('%s: %s', (name, expected) => {
    expect(isClaimedBeforeStore(storeIn(name), 'm', 'k')).toBe(expected);
  });
});
