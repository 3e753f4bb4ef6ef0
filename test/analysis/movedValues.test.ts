// A value a function takes out of one container of its class and puts into another: where it came from.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { movedFrom, removedAs } from '../../src/analysis/containers/movedValues.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const POOL = `
declare class Worker { terminate(): void }
export class Pool {
  private idle: Worker[] = [];
  private busy = new Set<Worker>();
  private byId = new Map<string, Worker>();
  private owners = new Map<Worker, string>();
  private byName: Record<string, Worker> = {};
  give(w: Worker) { this.busy.delete(w); this.idle.push(w); }
  giveKeyed(w: Worker) { this.owners.delete(w); this.idle.push(w); }
  giveLate(w: Worker) { this.idle.push(w); this.busy.delete(w); }
  adopt(w: Worker) { this.idle.push(w); }
  release(id: string) { const w = this.byId.get(id); if (!w) return; this.byId.delete(id); this.idle.push(w); }
  releaseNamed(id: string) { const w = this.byName[id]; delete this.byName[id]; this.idle.push(w); }
  copy(id: string) { const w = this.byId.get(id); if (!w) return; this.idle.push(w); }
  otherKey(id: string, other: string) { const w = this.byId.get(id); if (!w) return; this.byId.delete(other); this.idle.push(w); }
  inCallback(w: Worker) { setTimeout(() => this.busy.delete(w)); this.idle.push(w); }
}
`;

describe('movedFrom', () => {
  const program = inMemoryProgram(new Map([['/project/pool.ts', POOL]]));
  const file = program.getSourceFile('/project/pool.ts')!;
  const session = sessionOf(program);
  const cls = file.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'Pool')!;
  /** Where the value `name()` pushes into `this.idle` came from: the container's text and what it was there. */
  const moved = (name: string, cheap = false): string | undefined => {
    const method = cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText(file) === name)!;
    let value: ts.Expression | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(file) === 'this.idle.push') value = node.arguments[0];
      ts.forEachChild(node, visit);
    };
    visit(method);
    const found = movedFrom(value!, session);
    // Removed by value: a Set's value or a Map's key, which only the checker tells (`removedAs`).
    const of = !found?.byValue ? 'values' : cheap ? '?' : removedAs(found.container, session);
    return found && `${found.container.getText(file)} ${of}`;
  };

  it('finds a parameter removed by value from a Set, or as a key of a Map, before it is stored', () => {
    expect(moved('give')).toBe('this.busy values');
    expect(moved('giveKeyed')).toBe('this.owners keys');
  });

  it('leaves the container kind to the checker when asked from the syntax alone', () => {
    expect(moved('give', true)).toBe('this.busy ?');
  });

  it('finds a value read and removed at one key', () => {
    expect(moved('release')).toBe('this.byId values');
    expect(moved('releaseNamed')).toBe('this.byName values');
  });

  it('finds nothing removed after the store, never removed, removed at another key, or removed in a callback', () => {
    expect([moved('giveLate'), moved('adopt'), moved('copy'), moved('otherKey'), moved('inCallback')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
