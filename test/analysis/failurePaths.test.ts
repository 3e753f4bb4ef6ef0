// Paths that hand a failure to the caller's callback: the callback form of a `throw`.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { AnalysisSession } from '../../src/analysis/session.js';
import { handsFailureToCaller } from '../../src/analysis/syntax/failurePaths.js';
import { inMemoryProgram } from './inMemoryProgram.js';

/** The answer for each call statement of the module, by its text. */
function answers(text: string, options: ts.CompilerOptions = {}): Record<string, boolean> {
  const program = inMemoryProgram(new Map([['/project/calls.ts', text]]), options);
  const session = new AnalysisSession(program);
  const found: Record<string, boolean> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression))
      found[node.expression.getText()] = handsFailureToCaller(node.expression, session);
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile('/project/calls.ts')!);
  return found;
}

const CALLS = `
declare class HttpError extends Error { constructor(status: number); }
declare function connect(done: (error: Error | null) => void): void;
declare let lastError: Error | undefined;
export function open(callback: (error: Error | null, value?: number) => void, report: (error: Error) => void) {
  const log = (error: Error) => console.log(error);
  connect((error) => {
    if (error) {
      callback(error);
      log(error);
      return;
    }
    callback(null, 1);
    report(new HttpError(500));
    callback(lastError ?? null);
  });
  connect((failure) => callback(failure));
  try {
    JSON.parse('');
  } catch (thrown) {
    report(thrown as Error);
    callback(thrown as Error, 2);
  }
}
export function shadowed(callback: (error: Error) => void) {
  {
    const callback = (error: Error) => console.log(error);
    callback(new Error('local'));
  }
}
export function rejected(): Promise<void> {
  return new Promise((resolve, reject) => {
    connect((error) => (error ? reject(error) : resolve()));
    reject(new HttpError(404));
  });
}
`;

describe('handsFailureToCaller', () => {
  it('is true for a parameter called with an error: one tested truthy, a new error, a caught value', () => {
    const found = answers(CALLS);
    expect(found['callback(error)']).toBe(true);
    expect(found['report(new HttpError(500))']).toBe(true);
    expect(found['reject(new HttpError(404))']).toBe(true);
    expect(found['callback(thrown as Error, 2)']).toBe(true);
  });

  it('is false for a local function, a value that may be null, no error at all, or a parameter a local hides', () => {
    const found = answers(CALLS);
    expect(found['log(error)']).toBe(false);
    expect(found['callback(null, 1)']).toBe(false);
    expect(found['callback(lastError ?? null)']).toBe(false);
    expect(found["callback(new Error('local'))"]).toBe(false);
  });

  it('without strict null checks, only a new error counts: a name typed `Error` may still be null there', () => {
    const found = answers(CALLS, { strict: false, strictNullChecks: false });
    expect(found['callback(error)']).toBe(false);
    expect(found['report(new HttpError(500))']).toBe(true);
  });
});
