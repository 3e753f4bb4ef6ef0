// Paths that hand a failure to the caller's callback: the callback form of a `throw`.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { AnalysisSession } from '../../src/analysis/session.js';
import { handsFailureToCaller } from '../../src/analysis/syntax/failurePaths.js';
import { inMemoryProgram } from './inMemoryProgram.js';

/** The answer for each call statement of the module, and each call returned, by its text. */
function answers(text: string, options: ts.CompilerOptions = {}): Record<string, boolean> {
  const program = inMemoryProgram(new Map([['/project/calls.ts', text]]), options);
  const session = new AnalysisSession(program);
  const found: Record<string, boolean> = {};
  const visit = (node: ts.Node): void => {
    const call = (ts.isExpressionStatement(node) || ts.isReturnStatement(node)) && node.expression;
    if (call && ts.isCallExpression(call)) found[`${ts.isReturnStatement(node) ? 'return ' : ''}${call.getText()}`] = handsFailureToCaller(call, session);
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
export function chained(load: () => Promise<void>): Promise<void> {
  return load().catch((cause: Error) => {
    if (cause.message === 'retry') return Promise.reject(cause);
    Promise.reject(new HttpError(503));
    return Promise.resolve();
  });
}
export function shadowedPromise(): unknown {
  const Promise = { reject: (reason: string) => reason };
  return Promise.reject('not a failure');
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
    expect(found['return Promise.reject(cause)']).toBe(true);
  });

  it('is false for a local function, a value that may be null, no error at all, or a parameter a local hides', () => {
    const found = answers(CALLS);
    expect(found['log(error)']).toBe(false);
    expect(found['callback(null, 1)']).toBe(false);
    expect(found['callback(lastError ?? null)']).toBe(false);
    expect(found["callback(new Error('local'))"]).toBe(false);
  });

  it('is false for a rejected promise not returned, or the `reject` of a local `Promise`', () => {
    const found = answers(CALLS);
    expect(found['Promise.reject(new HttpError(503))']).toBe(false);
    expect(found["return Promise.reject('not a failure')"]).toBe(false);
    expect(found['return Promise.resolve()']).toBe(false);
  });

  it('without strict null checks, only a new error counts: a name typed `Error` may still be null there', () => {
    const found = answers(CALLS, { strict: false, strictNullChecks: false });
    expect(found['callback(error)']).toBe(false);
    expect(found['report(new HttpError(500))']).toBe(true);
  });
});
