// A one-shot timer the function that made it clears in a callback it hands on: whose timer it is.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isTimerItsMakerClears } from '../../src/analysis/containers/makerClears.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const TIMERS = `
declare const work: Promise<void>;
declare const records: Map<string, object>;
export function handed() { const t = setTimeout(() => {}, 1); void work.finally(() => clearTimeout(t)); records.set('a', { t }); }
export function named() { const t = setTimeout(() => {}, 1); const end = () => clearTimeout(t); void work.then(end, end); records.set('a', { t }); }
export function conditional(ms: number) { const t = ms ? setTimeout(() => {}, ms) : null; void work.finally(() => { if (t) clearTimeout(t); }); records.set('a', { t }); }
export function kept() { const t = setTimeout(() => {}, 1); const end = () => clearTimeout(t); records.set('a', { t }); return end.length; }
export function inRecord() { const t = setTimeout(() => {}, 1); records.set('a', { t, done: () => clearTimeout(t) }); }
export function ownCallback() { const t: ReturnType<typeof setTimeout> = setTimeout(() => clearTimeout(t), 1); records.set('a', { t }); }
export function interval() { const t = setInterval(() => {}, 1); void work.finally(() => clearInterval(t)); records.set('a', { t }); }
export function shadowed() { const t = setTimeout(() => {}, 1); void work.then((t: number) => clearTimeout(t)); records.set('a', { t }); }
export function deferred() { const t = setTimeout(() => {}, 1); const p = new Promise<void>((resolve) => records.set('r', { resolve })); void p.finally(() => clearTimeout(t)); records.set('a', { t }); }
export function fulfilledOnly() { const t = setTimeout(() => {}, 1); void work.then(() => clearTimeout(t)); records.set('a', { t }); }
export function event(socket: { once(event: string, listener: () => void): void }) { const t = setTimeout(() => {}, 1); socket.once('close', () => clearTimeout(t)); records.set('a', { t }); }
export async function settledHere() { const t = setTimeout(() => {}, 1); const end = () => clearTimeout(t); try { records.set('a', { t }); await work; end(); } catch { end(); } }
export async function finallyHere() { const t = setTimeout(() => {}, 1); const end = () => clearTimeout(t); try { records.set('a', { t }); await work; } finally { end(); } }
export async function successOnly() { const t = setTimeout(() => {}, 1); const end = () => clearTimeout(t); try { records.set('a', { t }); await work; end(); } catch { console.log('failed'); } }
export function changed() { let t = setTimeout(() => {}, 1); void work.finally(() => clearTimeout(t)); t = setTimeout(() => {}, 2); records.set('a', { t }); }
`;

describe('isTimerItsMakerClears', () => {
  const program = inMemoryProgram(new Map([['/project/timers.ts', TIMERS]]));
  const file = program.getSourceFile('/project/timers.ts')!;
  const session = sessionOf(program);
  /** The record stored by the function `name`, and the `t` it holds. */
  const stored = (name: string): boolean => {
    const fn = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name)!;
    let record: ts.ObjectLiteralExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.getText(file).startsWith('records.set')) record = node.arguments[1] as ts.ObjectLiteralExpression;
      ts.forEachChild(node, visit);
    };
    visit(fn);
    const held = record!.properties[0] as ts.ShorthandPropertyAssignment;
    return isTimerItsMakerClears(held.name, session);
  };

  it('is true for a timer cleared when the work settles either way or an event fires, directly or by a local name, with or without a value', () => {
    expect(['handed', 'named', 'conditional', 'event'].map(stored)).toEqual([true, true, true, true]);
  });

  it('is true for a clearing function the maker calls itself on every outcome of a try, false on success only', () => {
    expect(['settledHere', 'finallyHere', 'successOnly'].map(stored)).toEqual([true, true, false]);
  });

  it('is false where the clear waits on a promise made with new Promise (settled by whoever holds its resolve) or on one outcome only', () => {
    expect(['deferred', 'fulfilledOnly'].map(stored)).toEqual([false, false]);
  });

  it('is false where the clear is never handed on, sits in the record itself or in the timer’s own callback', () => {
    expect(['kept', 'inRecord', 'ownCallback'].map(stored)).toEqual([false, false, false]);
  });

  it('is false for an interval, a name the callback binds itself, and a local given another timer', () => {
    expect(['interval', 'shadowed', 'changed'].map(stored)).toEqual([false, false, false]);
  });
});
