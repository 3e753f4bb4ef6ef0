// Function fields of stored records that release the record's own timer: a wrapped `resolve`, or the
// settle functions of a promise whose `finally()` clears it.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { fieldsReleasedByRecordFunctions } from '../../src/analysis/containers/recordFunctions.js';
import type { Resource, ResourceField } from '../../src/analysis/resources/release.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
declare function setTimeout(fn: () => void, ms: number): number;
declare function clearTimeout(id: number | undefined): void;
type Done = (value?: unknown) => void;
function wrapped(resolve: Done, reject: Done) {
  const timer = setTimeout(() => {}, 10);
  return {
    resolve: (value: unknown) => { clearTimeout(timer); resolve(value); },
    reject(error: unknown) { if (timer) clearTimeout(timer); reject(error); },
    cancel: () => { if (Math.random()) return; clearTimeout(timer); },
    timer,
  };
}
function settled() {
  const timer = setTimeout(() => {}, 10);
  let settle: Done = () => {};
  const done = new Promise((resolve) => { settle = resolve; }).finally(() => clearTimeout(timer));
  return { resolve: settle, timer, done };
}
interface Handle { close(): void }
declare function openHandle(): Handle;
function replacedClose() {
  const handle = openHandle();
  const timer = setTimeout(() => {}, 10);
  handle.close = () => { clearTimeout(timer); };
  return { handle, timer };
}
function replacedLater() {
  const handle = openHandle();
  const timer = setTimeout(() => {}, 10);
  setTimeout(() => { handle.close = () => { clearTimeout(timer); }; }, 0);
  return { handle, timer };
}
function replacedKeepsTimer() {
  const handle = openHandle();
  const timer = setTimeout(() => {}, 10);
  handle.close = () => {};
  return { handle, timer };
}
function handleOnly() {
  const handle = openHandle();
  return { handle };
}
function spreadHandle(base: object) {
  const handle = openHandle();
  return { ...base, handle };
}
function thenOnly() {
  const timer = setTimeout(() => {}, 10);
  let settle: Done = () => {};
  const done = new Promise((resolve) => { settle = resolve; }).then(() => clearTimeout(timer));
  return { resolve: settle, timer, done };
}
`;

const TIMER: Resource = { typeName: 'timer id', release: { kind: 'function', functions: ['clearTimeout'] }, origin: 'builtin' };
const FIELDS: ResourceField[] = [{ name: 'timer', resource: TIMER }];

describe('fieldsReleasedByRecordFunctions', () => {
  const program = inMemoryProgram(new Map([['/project/records.ts', SOURCE]]));
  const session = sessionOf(program);
  const file = program.getSourceFile('/project/records.ts')!;
  /** The object literal the named function returns. */
  const literal = (name: string): ts.ObjectLiteralExpression => {
    const fn = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name)!;
    const returned = fn.body!.statements.find(ts.isReturnStatement)!;
    return returned.expression as ts.ObjectLiteralExpression;
  };
  const released = (...names: string[]): Record<string, readonly string[]> =>
    Object.fromEntries(
      fieldsReleasedByRecordFunctions(names.map(literal), FIELDS, (value) => (ts.isObjectLiteralExpression(value) ? value : undefined), session),
    );

  it('finds functions written in the record that release the timer before anything can return, a presence test allowed', () => {
    expect(released('wrapped')).toEqual({ resolve: ['timer'], reject: ['timer'] });
  });

  it("finds a promise's settle function when its finally() releases, and not when only then() does", () => {
    expect(released('settled')).toEqual({ resolve: ['timer'] });
    expect(released('thenOnly')).toEqual({});
  });

  it("finds a method of a field's handle that the record's maker replaced with one releasing the timer first, by field and method", () => {
    expect(released('replacedClose')).toEqual({ 'handle.close': ['timer'] });
    expect(released('replacedClose', 'wrapped')).toEqual({});
  });

  it('finds nothing for a replacement made in a callback, or one that leaves the timer alone', () => {
    expect(released('replacedLater')).toEqual({});
    expect(released('replacedKeepsTimer')).toEqual({});
  });

  it('counts a record without the field at all as releasing it, not one whose fields may come from a spread', () => {
    expect(released('replacedClose', 'handleOnly')).toEqual({ 'handle.close': ['timer'] });
    expect(released('replacedClose', 'spreadHandle')).toEqual({});
  });

  it('keeps only what every record is given', () => {
    expect(released('wrapped', 'settled')).toEqual({ resolve: ['timer'] });
    expect(released('wrapped', 'thenOnly')).toEqual({});
  });

  it('finds nothing when some insertion is not a literal it can read', () => {
    expect(Object.fromEntries(fieldsReleasedByRecordFunctions([literal('wrapped')], FIELDS, () => undefined, session))).toEqual({});
  });
});
