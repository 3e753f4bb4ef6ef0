/**
 * Keys claimed in a second container while the value for them is being made: the in-flight guard
 * `if (!clients.has(k) && !pending.has(k)) { pending.add(k); search().then(() => { …; clients.set(k, c) }) }`.
 * The look-up proved the key free; the claim keeps every other call of this code out until the
 * store, so the store (after an `await` or in a continuation) still fills an empty place.
 */
import ts from 'typescript';

import { alwaysLeaves, calledMethodName, canonicalText, isFunctionLike, skipOuter } from '../syntax/expressions.js';
import { CONTAINER_PROTOCOLS } from './kinds.js';

const protocols = Object.values(CONTAINER_PROTOCOLS);
/** Methods that put a key in the claim container, the key first: a Set's `add(k)`, a Map's `set(k, v)`. */
const CLAIMS: ReadonlySet<string> = new Set(
  protocols.flatMap((protocol) =>
    Object.entries(protocol.inserts)
      .filter(([, how]) => how === 'first' || how === 'second')
      .map(([method]) => method),
  ),
);
/** Methods that ask for a key: `has(k)`, `get(k)`. */
const TESTS: ReadonlySet<string> = new Set(protocols.flatMap((protocol) => [...(protocol.tests ?? []), ...(protocol.reads ?? [])]));
/** Functions crossed from the store outward (a continuation inside a callback inside the guarding method). */
const MAX_FUNCTIONS = 3;

/** The store `node` into `container` at `key` comes after a guard that found the key free there and claimed it in another container first. */
export function isClaimedBeforeStore(node: ts.Node, container: string, key: string): boolean {
  let functions = 0;
  for (let child: ts.Node = node, parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (isFunctionLike(parent) && ++functions > MAX_FUNCTIONS) return false;
    if (ts.isIfStatement(parent) && parent.thenStatement === child && claimsInBranch(parent, node, container, key)) return true;
    if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(child) && claimsBefore(parent.statements, child, container, key)) return true;
  }
  return false;
}

/** `if (!c.has(k) && !d.has(k)) { d.add(k); … }` around the store. */
function claimsInBranch(guard: ts.IfStatement, store: ts.Node, container: string, key: string): boolean {
  const free = testedReceivers(guard.expression, ts.SyntaxKind.AmpersandAmpersandToken, true, key);
  if (!free.has(container)) return false;
  return claimCallsIn(guard.thenStatement, key).some(
    (claim) => claim.receiver !== container && free.has(claim.receiver) && claim.call.end <= store.pos && !awaitsBefore(guard.thenStatement, claim.call),
  );
}

/** `if (c.has(k) || d.has(k)) return; d.add(k);` before the statement holding the store. */
function claimsBefore(statements: readonly ts.Statement[], holding: ts.Statement, container: string, key: string): boolean {
  const index = statements.indexOf(holding);
  for (let i = index - 1; i >= 0; i--) {
    const statement = statements[i]!;
    if (!ts.isIfStatement(statement) || statement.elseStatement || !alwaysLeaves(statement.thenStatement)) continue;
    const taken = testedReceivers(statement.expression, ts.SyntaxKind.BarBarToken, false, key);
    if (!taken.has(container)) continue;
    const after = statements.slice(i + 1, index + 1);
    const claimed = after.flatMap((later) => claimCallsIn(later, key));
    const beforeAnyAwait = (claim: ts.CallExpression): boolean => !after.some((later) => awaitsBefore(later, claim));
    if (claimed.some((claim) => claim.receiver !== container && taken.has(claim.receiver) && claim.call.end <= holding.end && beforeAnyAwait(claim.call)))
      return true;
  }
  return false;
}

/** Receivers tested at `key` in the operands of a chain of `operator` (`negated`: each test written `!r.has(k)`). */
function testedReceivers(condition: ts.Expression, operator: ts.SyntaxKind, negated: boolean, key: string): Set<string> {
  const receivers = new Set<string>();
  const visit = (e: ts.Expression): void => {
    e = skipOuter(e);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === operator) {
      visit(e.left);
      visit(e.right);
      return;
    }
    if (negated) {
      if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return;
      e = skipOuter(e.operand);
    }
    const receiver = ts.isCallExpression(e) ? receiverAtKey(e, TESTS, key) : undefined;
    if (receiver !== undefined) receivers.add(receiver);
  };
  visit(condition);
  return receivers;
}

/** `d.add(k)` / `d.set(k, …)` in `node`, outside nested functions. */
function claimCallsIn(node: ts.Node, key: string): { receiver: string; call: ts.CallExpression }[] {
  const claims: { receiver: string; call: ts.CallExpression }[] = [];
  const visit = (child: ts.Node): void => {
    if (isFunctionLike(child)) return;
    if (ts.isCallExpression(child)) {
      const receiver = receiverAtKey(child, CLAIMS, key);
      if (receiver !== undefined) claims.push({ receiver, call: child });
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return claims;
}

/** The receiver's text of `r.<method>(key, …)` for one of `methods`. */
function receiverAtKey(call: ts.CallExpression, methods: ReadonlySet<string>, key: string): string | undefined {
  const method = calledMethodName(call);
  const [first] = call.arguments;
  if (method === undefined || !methods.has(method) || first === undefined || canonicalText(first) !== key) return undefined;
  return canonicalText((skipOuter(call.expression) as ts.PropertyAccessExpression).expression);
}

/** An `await` in `node` (outside nested functions) that runs before `claim`: another call could claim first. */
function awaitsBefore(node: ts.Node, claim: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || isFunctionLike(child) || child.pos >= claim.pos) return;
    if (ts.isAwaitExpression(child) || (ts.isForOfStatement(child) && child.awaitModifier)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}
