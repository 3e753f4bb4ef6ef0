// Flags the callback of a record's own one-shot timer sets, read from the file's text alone.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { firedFlagsOf } from '../../src/analysis/syntax/firedFlags.js';

const fired = (text: string) => firedFlagsOf(ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true));

describe('firedFlagsOf', () => {
  it('finds a flag the literal fills and its timer empties, and a done flag a timer assigned later sets', () => {
    const found = fired(`
export function defer(iq: string, pending: { iq?: string; timeout: unknown }[]) {
  const deferred = { iq, timeout: setTimeout(() => { deferred.iq = undefined; }, 10) };
  pending.push(deferred);
}
export function arm(entry: { done: boolean; timer?: unknown }) {
  entry.timer = setTimeout(() => { entry.done = true; }, 10);
}`);
    expect(Object.fromEntries(found)).toEqual({ iq: { timer: 'timeout', firedTruthy: false }, done: { timer: 'timer', firedTruthy: true } });
  });

  it('finds nothing for a flag also written elsewhere, emptied but never filled, or set by a repeating timer', () => {
    const found = fired(`
export function defer(iq: string) {
  const deferred = { iq, timeout: setTimeout(() => { deferred.iq = undefined; }, 10) };
  return deferred;
}
export function forget(d: { iq?: string }) { d.iq = undefined; }
export function unfilled() {
  const request = { reply: undefined as string | undefined, timer: setTimeout(() => { request.reply = undefined; }, 10) };
  return request;
}
export function repeating(entry: { done: boolean; timer?: unknown }) {
  entry.timer = setInterval(() => { entry.done = true; }, 10);
}`);
    expect(found.size).toBe(0);
  });
});
