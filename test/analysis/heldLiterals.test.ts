// Literals that make nothing, read from the syntax alone: inference need not ask the checker for the
// type of `{ ...this.payload, ...payload }` to know that storing it acquires nothing.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isLiteralOfHeldValues } from '../../src/analysis/resources/acquisitions.js';

const SOURCE = `
declare function connect(): unknown;
class Channel {
  [key: string]: unknown;
  constructor(topic: string, params: { config: object; socket: object }) {
    const local = connect();
    this.a = { ...this.payload, ...params.config };
    this.b = { ack: false, self: true, topic, retries: -1, name: \`x\${topic}\`, on: () => {} };
    this.c = [params.socket, this.other, , ...params.list];
    this.d = { nested: { deeper: [this.x, null, undefined] } };
    this.e = { socket: connect() };
    this.f = [local];
    this.g = { local };
    this.h = [new Set()];
    this.i = { ...connect() };
  }
}`;

describe('literals of values already held', () => {
  const file = ts.createSourceFile('/project/channel.ts', SOURCE, ts.ScriptTarget.Latest, true);
  const assigned = new Map<string, ts.Expression>();
  file.forEachChild(function visit(node: ts.Node): void {
    if (ts.isBinaryExpression(node) && ts.isPropertyAccessExpression(node.left)) assigned.set(node.left.name.text, node.right);
    node.forEachChild(visit);
  });
  const verdict = (name: string): boolean => isLiteralOfHeldValues(assigned.get(name)!);

  it('knows spreads and parts read off this, off a parameter, or written out as constants or functions', () => {
    expect(['a', 'b', 'c', 'd'].map(verdict)).toEqual([true, true, true, true]);
  });

  it('leaves a literal that calls or constructs, or that holds a local, to the checker', () => {
    expect(['e', 'f', 'g', 'h', 'i'].map(verdict)).toEqual([false, false, false, false, false]);
  });
});
