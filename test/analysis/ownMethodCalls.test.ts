// The calls of a method only its own class (and, when protected, the subclasses written beside it) can reach.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { callsOfOwnMethod, ownMethodCalls } from '../../src/analysis/syntax/names.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
declare const emitter: { on(event: string, listener: () => void): void };
export class Base {
  private stopTimer() {}
  protected closeAll() {}
  private onClose() {}
  open() {}
  run() { this.stopTimer(); this.closeAll(); emitter.on('close', this.onClose); }
}
export class Child extends Base {
  go() { this.closeAll(); }
  static Inner = class extends Base { again() { this.closeAll(); } };
}
export class Stranger {
  closeAll() {}
  go() { this.closeAll(); }
}
`;

const program = inMemoryProgram(new Map([['/project/classes.ts', SOURCE]]));
const session = sessionOf(program);
const base = program
  .getSourceFile('/project/classes.ts')!
  .statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'Base')!;
const method = (name: string): ts.MethodDeclaration =>
  base.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === name)!;
const callers = (calls: readonly ts.CallExpression[] | undefined): string[] =>
  (calls ?? []).map((call) => {
    let node: ts.Node = call;
    while (!ts.isMethodDeclaration(node)) node = node.parent;
    return node.name.getText();
  });

describe('ownMethodCalls', () => {
  it("finds a private method's calls in its class", () => {
    expect(callers(callsOfOwnMethod(method('stopTimer'), session))).toEqual(['run']);
  });

  it("finds a protected method's calls in its class and in the subclasses of the file, not in other classes", () => {
    expect(callers(ownMethodCalls(method('closeAll'), session)?.calls)).toEqual(['run', 'go', 'again']);
  });

  it('gives no calls for a method also handed on, nor for a public one', () => {
    expect(ownMethodCalls(method('onClose'), session)?.otherUse).toBe(true);
    expect(callsOfOwnMethod(method('onClose'), session)).toBeUndefined();
    expect(ownMethodCalls(method('open'), session)).toBeUndefined();
  });
});
