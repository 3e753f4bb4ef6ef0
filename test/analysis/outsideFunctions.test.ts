// A search of a body that leaves the functions written in it unread: their `return` or `delete` is theirs.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findOutsideFunctions, someOutsideFunctions } from '../../src/analysis/syntax/expressions.js';

/** The body of the first function of `text`. */
function bodyOf(text: string): ts.Block {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  return (file.statements[0] as ts.FunctionDeclaration).body!;
}

describe('findOutsideFunctions', () => {
  const returns = (node: ts.Node): boolean => ts.isReturnStatement(node);

  it('finds a node of the body, nested in blocks and expressions', () => {
    const body = bodyOf('function f(x: number) { if (x) { for (;;) { return x; } } }');
    expect(findOutsideFunctions(body, returns)?.getText()).toBe('return x;');
  });

  it('does not read callbacks, nested declarations, or a root that is itself a function', () => {
    const body = bodyOf('function f(xs: number[]) { xs.forEach((x) => { return x; }); function g() { return 1; } }');
    expect(someOutsideFunctions(body, returns)).toBe(false);
    expect(someOutsideFunctions(body.statements[1]!, returns)).toBe(false);
  });

  it('reads the functions a caller says run with the body, and leaves a skipped node unread', () => {
    const body = bodyOf('function f() { new Promise((resolve) => { return resolve(1); }); const g = () => 2; }');
    const onlyArrowsOutsidePromises = (node: ts.Node): boolean => ts.isArrowFunction(node) && !ts.isNewExpression(node.parent);
    expect(someOutsideFunctions(body, returns, onlyArrowsOutsidePromises)).toBe(true);
    expect(someOutsideFunctions(body, (node) => (ts.isExpressionStatement(node) ? 'skip' : returns(node)), onlyArrowsOutsidePromises)).toBe(false);
  });
});
