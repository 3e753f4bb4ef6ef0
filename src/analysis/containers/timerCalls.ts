/** Timer calls by name and the functions that undo each: asked by the rooms that read insertions. */
import ts from 'typescript';

import { calleeName, skipOuter } from '../syntax/expressions.js';

/** The functions that release the result of each timer call; the first is the one to suggest. */
const TIMER_CALLS: Readonly<Record<string, readonly string[]>> = {
  setTimeout: ['clearTimeout', 'clearInterval'],
  setInterval: ['clearInterval', 'clearTimeout'],
  setImmediate: ['clearImmediate'],
  requestAnimationFrame: ['cancelAnimationFrame'],
  requestIdleCallback: ['cancelIdleCallback'],
};

/** `setTimeout(…)`, `window.setInterval(…)`, `requestAnimationFrame(…)`: the functions that release its result. */
export function timerCallRelease(expression: ts.Expression): readonly string[] | undefined {
  let e = skipOuter(expression);
  if (ts.isAwaitExpression(e)) e = skipOuter(e.expression);
  if (!ts.isCallExpression(e)) return undefined;
  const name = calleeName(e);
  return name !== undefined && Object.hasOwn(TIMER_CALLS, name) ? TIMER_CALLS[name] : undefined;
}
