// What callers do with a value a function hands back: the first call in the program that throws the
// result away, and which functions give their callers a value at all.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { callDiscardingResult, isDroppedWhole, isResultUsed, returnsValue } from '../../src/analysis/drops/handedBack.js';
import type { DropSite } from '../../src/analysis/flow/index.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const PANES = `
export class Panes {
  private panes: object[] = [];
  remove(index: number): object { return this.panes.splice(index, 1)[0]!; }
  private take(): object | undefined { return this.panes.shift(); }
  kept(): object | undefined { return this.take(); }
  count(): number { return this.panes.length; }
  clearFirst(): void { const p = this.remove(0); void p; }
}
export function dropLast(panes: Panes): void {
  panes.count();
  panes.remove(panes.count() - 1);
}
`;

function find<T extends ts.Node>(file: ts.SourceFile, test: (node: ts.Node) => node is T, text: string): T {
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && test(node) && node.getText(file).startsWith(text)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error(`no ${text}`);
  return found;
}

describe('callDiscardingResult', () => {
  const program = inMemoryProgram(new Map([['/project/panes.ts', PANES]]));
  const file = program.getSourceFile('/project/panes.ts')!;
  const session = sessionOf(program);
  const method = (name: string) => find(file, (node): node is ts.MethodDeclaration => ts.isMethodDeclaration(node) && node.name.getText(file) === name, '');

  it('finds the call, in another function of the program, whose result is thrown away', () => {
    expect(callDiscardingResult(method('remove'), session)?.getText(file)).toBe('panes.remove(panes.count() - 1)');
  });

  it('finds none when every call keeps the result, or for a function nothing calls', () => {
    expect(callDiscardingResult(method('take'), session)).toBeUndefined();
    expect(callDiscardingResult(method('kept'), session)).toBeUndefined();
  });
});

describe('isResultUsed', () => {
  it('tells a thrown-away result from one returned or used', () => {
    const file = ts.createSourceFile('/project/f.ts', 'f(); await g(); const x = h(); function k() { return m(); }', ts.ScriptTarget.ES2022, true);
    const calls = ['f', 'g', 'h', 'm'].map((name) => find(file, ts.isCallExpression, `${name}(`));
    expect(calls.map(isResultUsed)).toEqual(['unused', 'unused', 'used', 'returned']);
  });
});

describe('returnsValue', () => {
  it('sees a returned value in the function itself, not in a callback inside it', () => {
    const file = ts.createSourceFile(
      '/project/f.ts',
      'function a() { return 1; } function b() { list.forEach((x) => { return x; }); return; } const c = () => list.shift();',
      ts.ScriptTarget.ES2022,
      true,
    );
    const functions = [
      find(file, ts.isFunctionDeclaration, 'function a'),
      find(file, ts.isFunctionDeclaration, 'function b'),
      find(file, ts.isArrowFunction, '() =>'),
    ];
    expect(functions.map(returnsValue)).toEqual([true, false, true]);
  });
});

describe('isDroppedWhole', () => {
  const owed = { unreleasedSlots: ['*'], owedAtDrop: true, releasedOnSomePath: false };
  const siteOf = (text: string): DropSite => {
    const file = ts.createSourceFile('/project/f.ts', text, ts.ScriptTarget.ES2022, true);
    return { node: find(file, ts.isCallExpression, text.slice(0, 6)) } as unknown as DropSite;
  };

  it('holds for a value owed on every path, taken out one at a time', () => {
    expect(isDroppedWhole(owed, siteOf('list.splice(i, 1)'))).toBe(true);
    expect(isDroppedWhole(owed, siteOf('map.delete(k)'))).toBe(true);
  });

  it('fails for a release made under a condition, a range of values, or nothing owed', () => {
    const test = ts.factory.createIdentifier('skip');
    expect(isDroppedWhole({ ...owed, missedWhen: { test, whenTrue: true } }, siteOf('map.delete(k)'))).toBe(false);
    expect(isDroppedWhole(owed, siteOf('list.splice(i, count)'))).toBe(false);
    expect(isDroppedWhole(owed, siteOf('list.splice(i)'))).toBe(false);
    expect(isDroppedWhole({ ...owed, unreleasedSlots: [] }, siteOf('map.delete(k)'))).toBe(false);
  });
});
