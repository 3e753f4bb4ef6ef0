// The call a statement makes: the head of a promise chain, or the one call a promise's executor makes.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { callMadeBy } from '../../src/analysis/syntax/expressions.js';

/** The call each expression statement of `text` makes, by the statement's text. */
function callsMade(text: string): Record<string, string | undefined> {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  const found: Record<string, string | undefined> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isSourceFile(node.parent)) found[node.getText()] = callMadeBy(node.expression)?.getText();
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('callMadeBy', () => {
  it('reads a call, awaited or voided, and the head of its promise chain', () => {
    expect(callsMade('s.close();\nawait s.stop();\nvoid w.end().catch(() => {});')).toEqual({
      's.close();': 's.close()',
      'await s.stop();': 's.stop()',
      'void w.end().catch(() => {});': 'w.end()',
    });
  });

  it("reads the one call a promise's executor makes, as an expression or a single statement", () => {
    expect(
      callsMade(
        'await new Promise((resolve) => s.close(() => resolve()));\nawait new Promise<void>((resolve, reject) => {\n  s.close((e) => (e ? reject(e) : resolve()));\n});',
      ),
    ).toEqual({
      'await new Promise((resolve) => s.close(() => resolve()));': 's.close(() => resolve())',
      'await new Promise<void>((resolve, reject) => {\n  s.close((e) => (e ? reject(e) : resolve()));\n});': 's.close((e) => (e ? reject(e) : resolve()))',
    });
  });

  it('reads nothing from an executor with more than one statement, from another class, or from a handed executor', () => {
    expect(
      callsMade(
        'await new Promise((resolve) => {\n  log();\n  s.close(resolve);\n});\nawait new Task((resolve) => s.close(resolve));\nawait new Promise(executor);',
      ),
    ).toEqual({
      'await new Promise((resolve) => {\n  log();\n  s.close(resolve);\n});': undefined,
      'await new Task((resolve) => s.close(resolve));': undefined,
      'await new Promise(executor);': undefined,
    });
  });
});
