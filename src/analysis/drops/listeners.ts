/**
 * Listeners kept in a container, which the container's own code takes back from what they listen
 * to (`emitter.off('x', fn)`): where their listening has already ended, so a drop owes nothing —
 * what they listen to ended or absent, or a listener registered to run once removing itself.
 */
import ts from 'typescript';

import { isReleaseLikeName, type Resource } from '../resources/release.js';
import { callMadeBy, calledMethodName, canonical, enclosingBody, isFunctionLike, isIdentifierNamed, skipOuter } from '../syntax/expressions.js';
import type { ContainerOfResources } from './candidate.js';

/** A resource that is a listener the code takes back from what it listens to (`detachedByTheirHolder`). */
export function isListenerHeld(resource: Resource | undefined): boolean {
  return resource !== undefined && receiversOf(resource) !== undefined;
}

/** What a listener resource listens to (`this.emitter`); empty when some receiver has no text. */
function receiversOf(resource: Resource): readonly string[] | undefined {
  return resource.release.kind === 'handedBack' ? resource.release.listensTo : undefined;
}

/** `connection.changed` under `connection`, or `connection` itself. */
function isPathUnder(receiver: string, root: string): boolean {
  return receiver === root || receiver.startsWith(`${root}.`);
}

/**
 * `this.socket.destroy(); this.listeners.clear()`: every listener's listening was ended by an earlier
 * statement of a block around the drop, in its function — what it listens to ended or stripped of
 * its listeners (`emitter.removeAllListeners()`), or every listener between it and another object
 * taken back at once (`Signal.disconnectBetween(connection, widget)` for `connection.changed`).
 */
export function endedWhatItListensTo(node: ts.Node, resource: Resource): boolean {
  const receivers = receiversOf(resource);
  const { release } = resource;
  if (!receivers?.length || release.kind !== 'handedBack') return false;
  const ended = new Set<string>();
  const named = (expression: ts.Expression): string | undefined => {
    const text = canonical(expression);
    return text && !text.impure ? text.text : undefined;
  };
  for (let at: ts.Node = node; at.parent && !isFunctionLike(at); at = at.parent) {
    if (!ts.isBlock(at.parent)) continue;
    for (const statement of at.parent.statements) {
      if (statement === at) break;
      const call = ts.isExpressionStatement(statement) ? callMadeBy(statement.expression) : undefined;
      const callee = call && skipOuter(call.expression);
      if (!call || !callee || !ts.isPropertyAccessExpression(callee)) continue;
      const name = callee.name.text;
      const receiver = named(callee.expression);
      if (receiver !== undefined && (isReleaseLikeName(name) || name === 'removeAllListeners')) ended.add(receiver);
      if (release.methods.some((method) => name.length > method.length && name.startsWith(method)))
        for (const argument of call.arguments) {
          const between = named(argument);
          if (between !== undefined) receivers.filter((receiver) => isPathUnder(receiver, between)).forEach((receiver) => ended.add(receiver));
        }
    }
  }
  return receivers.every((receiver) => ended.has(receiver));
}

/**
 * `const onDone = () => { pending.delete(id); … }; pending.set(id, onDone); bus.once('done', onDone)`:
 * a listener registered to run once, removing its own entry as it runs. The emitter let it go as it
 * fired; one registered with `on()` would still be listening.
 */
export function isOwnRemovalOfOneShotListener(node: ts.Node, container: ContainerOfResources): boolean {
  if (!isListenerHeld(container.resource)) return false;
  const listener = enclosingBody(node);
  const holder = listener.parent;
  if (!(ts.isArrowFunction(listener) || ts.isFunctionExpression(listener)) || !ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return false;
  const name = holder.name.text;
  let stored = false;
  let once = false;
  const visit = (at: ts.Node): void => {
    if (at === listener) return;
    if (ts.isCallExpression(at)) {
      const method = calledMethodName(at);
      const handed = at.arguments.some((argument) => isIdentifierNamed(argument, name));
      if (handed && method === 'once') once = true;
      if (handed && method === 'addEventListener' && isOnceOption(at.arguments[2])) once = true;
      const callee = skipOuter(at.expression);
      if (handed && ts.isPropertyAccessExpression(callee) && canonical(callee.expression)?.text === container.text.text) stored = true;
    }
    if (ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.EqualsToken && isIdentifierNamed(at.right, name)) {
      const target = skipOuter(at.left);
      if (ts.isElementAccessExpression(target) && canonical(target.expression)?.text === container.text.text) stored = true;
    }
    ts.forEachChild(at, visit);
  };
  visit(enclosingBody(holder));
  return stored && once;
}

/** `{ once: true }`. */
function isOnceOption(option: ts.Expression | undefined): boolean {
  const e = option && skipOuter(option);
  return (
    e !== undefined &&
    ts.isObjectLiteralExpression(e) &&
    e.properties.some(
      (property) => ts.isPropertyAssignment(property) && property.name.getText() === 'once' && property.initializer.kind === ts.SyntaxKind.TrueKeyword,
    )
  );
}

/**
 * `if (protocol) protocol.changed.off(observer); observers.delete(id)`: a listener is missed only
 * where what it listens to is absent (`protocol` false), so there is nothing to take it back from.
 */
export function isMissedWhereNothingIsListenedTo(resource: Resource, missed: { test: ts.Expression; whenTrue: boolean }): boolean {
  const receivers = receiversOf(resource);
  const test = skipOuter(missed.test);
  if (!receivers?.length || missed.whenTrue || !ts.isIdentifier(test)) return false;
  return receivers.every((receiver) => isPathUnder(receiver, test.text));
}
