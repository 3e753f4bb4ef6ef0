// Where an inserted value comes from, read from the syntax: made here, lent, or data.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { fieldFilledWithMadeFunctions, isMadeByCall, originOf } from '../../src/analysis/containers/origins.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
declare function connect(): { close(): void };
declare const pool: { acquire(): { close(): void } };
declare const id: number;
declare const parts: string[];
const values = [connect(), new Map(), pool.acquire(), id.toString(), JSON.stringify(parts), parts.join('/'), String(id), id.toFixed(2)];
`;

const program = inMemoryProgram(new Map([['/project/values.ts', SOURCE]]));
const session = sessionOf(program);
const list = program
  .getSourceFile('/project/values.ts')!
  .statements.filter(ts.isVariableStatement)
  .flatMap((statement) => statement.declarationList.declarations)
  .find((declaration) => declaration.name.getText() === 'values')!.initializer as ts.ArrayLiteralExpression;
const [made, collection, lent, ...texts] = list.elements;

describe('isMadeByCall', () => {
  it('is true for a call or a construction that makes a value', () => {
    expect([made, collection].map((e) => isMadeByCall(e!))).toEqual([true, true]);
  });

  it('is false for a loan and for calls that make text or a number', () => {
    expect([lent, ...texts].map((e) => isMadeByCall(e!))).toEqual([false, false, false, false, false, false]);
  });
});

describe('originOf', () => {
  const cheap = { session, lending: new Set<string>(), cheap: true };
  it('leaves a made value to the checker when asked cheaply, and calls text or a number data without asking it', () => {
    expect(originOf(made!, 0, cheap)).toBe('unknown');
    expect(texts.map((e) => originOf(e!, 0, cheap))).toEqual(['borrowed', 'borrowed', 'borrowed', 'borrowed', 'borrowed']);
  });
});

describe('originOf a call of a program function that returns text', () => {
  const HELPERS = `
declare function connect(): { close(): void };
declare function normalize(key: string): unknown;
function joinKeys(...keys: string[]): string { return normalize(keys.join(':')) as string; }
function keyFor(scope: string, id: number) { return \`\${scope}:\${id}\`; }
const prefixed = (...keys: string[]) => joinKeys('base', ...keys);
const either = (id: number) => (id > 0 ? String(id) : 'none');
const opened = (id: number) => (id > 0 ? connect() : 'none');
async function later(id: number) { return String(id); }
class Keys { name(id: number) { return 'k' + id; } own(id: number) { return this.name(id); } }
declare const keys: Keys;
export const values = [keyFor('a', 1), prefixed('a'), either(2), opened(3), later(4), keys.own(5)];
`;
  const helpers = inMemoryProgram(new Map([['/project/helpers.ts', HELPERS]]));
  const helperSession = sessionOf(helpers);
  const calls = (
    helpers
      .getSourceFile('/project/helpers.ts')!
      .statements.filter(ts.isVariableStatement)
      .flatMap((statement) => statement.declarationList.declarations)
      .find((declaration) => declaration.name.getText() === 'values')!.initializer as ts.ArrayLiteralExpression
  ).elements;
  const cheap = { session: helperSession, lending: new Set<string>(), cheap: true };

  it('reads a helper whose returns (or written return type, or the helper it calls) are text as data, from the syntax alone', () => {
    expect(calls.slice(0, 3).map((call) => originOf(call, 0, cheap))).toEqual(['borrowed', 'borrowed', 'borrowed']);
  });

  it('leaves to the checker a helper that may return something else, an async one, and a method of another object', () => {
    expect(calls.slice(3).map((call) => originOf(call, 0, cheap))).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

describe('fieldFilledWithMadeFunctions', () => {
  const RECORDS = `
type Off = () => void;
declare function listen(event: string): Off;
declare const handler: Off;
const off = listen('a');
const pushed: Off[] = [];
pushed.push(listen('b'));
const mixed: Off[] = [listen('c')];
mixed.push(handler);
export const stored = [
  { off: listen('a') },
  { off },
  { off: () => {} },
  { off: handler },
  { off: handler.bind(undefined) },
  { offs: [listen('a'), listen('b')] },
  { offs: pushed },
  { offs: [] },
  { offs: mixed },
  { other: listen('a') },
];
`;
  const records = inMemoryProgram(new Map([['/project/records.ts', RECORDS]]));
  const recordSession = sessionOf(records);
  const stored = records
    .getSourceFile('/project/records.ts')!
    .statements.filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .find((declaration) => declaration.name.getText() === 'stored')!.initializer as ts.ArrayLiteralExpression;
  const each = (field: string, list: boolean, from: number, to: number): boolean[] =>
    stored.elements.slice(from, to).map((record) => fieldFilledWithMadeFunctions([record], field, list, recordSession));

  it('is true for a cleanup function a call made, written there or kept in a local', () => {
    expect(each('off', false, 0, 2)).toEqual([true, true]);
  });

  it('is false for a function written in place, handed in or bound', () => {
    expect(each('off', false, 2, 5)).toEqual([false, false, false]);
  });

  it('is true for a list of them written out or pushed into a local, false for an empty list or one also given a handler', () => {
    expect(each('offs', true, 5, 9)).toEqual([true, true, false, false]);
  });

  it('asks every record: one without the field, or none at all, says no', () => {
    expect(each('off', false, 9, 10)).toEqual([false]);
    expect(fieldFilledWithMadeFunctions([], 'off', false, recordSession)).toBe(false);
    expect(fieldFilledWithMadeFunctions(stored.elements.slice(0, 3), 'off', false, recordSession)).toBe(false);
  });
});
