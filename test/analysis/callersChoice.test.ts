// Code that runs only when the caller asks for it through an argument: a release there leaves the
// values to that caller.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { runsOnlyAtCallersChoice } from '../../src/analysis/syntax/callersChoice.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
declare function shouldStop(): boolean;
class Frames {
  private owns = false;
  private frames: { stop(): void }[] = [];
  byParameter(force: boolean) { if (force) this.frames[0].stop(); }
  byOption(options: boolean | { texture?: boolean }) {
    const destroy = typeof options === 'boolean' ? options : options?.texture;
    if (destroy) this.frames.forEach((frame) => frame.stop());
  }
  byAnd(force?: boolean) { force && this.frames[1].stop(); }
  byState() { if (this.owns) this.frames[2].stop(); }
  byCall() { if (shouldStop()) this.frames[3].stop(); }
  onTheOtherSide(force: boolean) { if (force) return; else this.frames[4].stop(); }
  unguarded() { this.frames[5].stop(); }
}
`;

/** Each `….stop()` call of the source, by the method it sits in. */
function stopCalls(program: ts.Program): Map<string, ts.CallExpression> {
  const file = program.getSourceFile('/project/frames.ts')!;
  const calls = new Map<string, ts.CallExpression>();
  const visit = (node: ts.Node, method: string): void => {
    const name = ts.isMethodDeclaration(node) && ts.isIdentifier(node.name) ? node.name.text : method;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'stop') calls.set(name, node);
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(file, '');
  return calls;
}

describe('runsOnlyAtCallersChoice', () => {
  const program = inMemoryProgram(new Map([['/project/frames.ts', SOURCE]]));
  const session = sessionOf(program);
  const calls = stopCalls(program);
  const choice = (method: string): boolean => runsOnlyAtCallersChoice(calls.get(method)!, session);

  it('is true under a parameter, a const made from one (also inside a callback), and on the right of `&&`', () => {
    expect(choice('byParameter')).toBe(true);
    expect(choice('byOption')).toBe(true);
    expect(choice('byAnd')).toBe(true);
  });

  it("is false under the object's own state or a call, on the other side of the test, and without one", () => {
    expect(choice('byState')).toBe(false);
    expect(choice('byCall')).toBe(false);
    expect(choice('onTheOtherSide')).toBe(false);
    expect(choice('unguarded')).toBe(false);
  });
});
