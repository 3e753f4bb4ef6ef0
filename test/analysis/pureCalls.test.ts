// Calls that compute a value from their arguments alone, read from the called function's own text.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isPureComputation } from '../../src/analysis/syntax/pureCalls.js';

/** Every call in `text` whose callee is a name or `this.<name>`, by its text: whether it is a pure computation. */
function pureCalls(text: string): Record<string, boolean> {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  const found: Record<string, boolean> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.parent && ts.isVariableDeclaration(node.parent)) found[node.getText()] = isPureComputation(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('isPureComputation', () => {
  it('reads an own method or a module function that returns an expression of its parameters, given arguments that run nothing', () => {
    expect(
      pureCalls(`
function joined(a: string, b: { id: string }) { return a + ':' + b.id; }
const arrow = (a: string) => a;
class Links {
  private keyOf(data: { id: string; uri: string }): string { return \`\${data.id};;\${data.uri}\`; }
  use(d: { id: string; uri: string }, name: string) {
    const k1 = this.keyOf(d);
    const k2 = joined(name, d);
    const k3 = this.keyOf(next(d));
  }
}
declare function next<T>(value: T): T;`),
    ).toEqual({ 'this.keyOf(d)': true, 'joined(name, d)': true, 'this.keyOf(next(d))': false });
  });

  it('reads nothing through a body that reads the object, calls, counts, has more than a return, or a callee declared twice or not at all', () => {
    expect(
      pureCalls(`
function twice(a: string): string;
function twice(a: string, b?: string) { return a + b; }
function logged(a: string) { console.log(a); return a; }
function outer(a: string) { return a + shared; }
const shared = 'x';
class Links {
  private count = 0;
  private prefix = 'p';
  private scoped(id: string) { return this.prefix + id; }
  private counted(id: string) { return id + this.count++; }
  private called(id: string) { return id.toLowerCase(); }
  use(id: string) {
    const a = this.scoped(id);
    const b = this.counted(id);
    const c = this.called(id);
    const d = logged(id);
    const e = outer(id);
    const f = twice(id);
    const g = missing(id);
  }
}
declare function missing(a: string): string;`),
    ).toEqual({
      'this.scoped(id)': false,
      'this.counted(id)': false,
      'this.called(id)': false,
      'logged(id)': false,
      'outer(id)': false,
      'twice(id)': false,
      'missing(id)': false,
    });
  });
});
