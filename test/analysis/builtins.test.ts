// Node's handles are known by the module that declares them. Newer @types/node declares each module
// as `node:timers` and re-exports it as `timers`; a program on such types must still see a `Timeout`
// as the builtin timer (released by clearTimeout()), not as a type with a `close()` method.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { ResourceOracle } from '../../src/analysis/resources/oracle.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

/** Shaped like @types/node 24+ (only the members used here): the `node:` module declares, the bare one re-exports. */
const NODE_TYPES = `
declare module 'node:timers' {
  global {
    namespace NodeJS {
      interface Timeout {
        close(): this;
        ref(): this;
        unref(): this;
        hasRef(): boolean;
        refresh(): this;
      }
    }
    function setTimeout(callback: () => void, ms?: number): NodeJS.Timeout;
    function clearTimeout(timeout: NodeJS.Timeout | undefined): void;
  }
}
declare module 'timers' {
  export * from 'node:timers';
}
declare module 'node:net' {
  class Socket {
    write(data: string): boolean;
    end(): this;
    destroy(): this;
  }
}
declare module 'net' {
  export * from 'node:net';
}
`;

const MAIN = `
import { Socket } from 'net';
export const timer = setTimeout(() => {}, 10);
export const socket = new Socket();
`;

function program(): ts.Program {
  return inMemoryProgram(
    new Map([
      ['/project/node.d.ts', NODE_TYPES],
      ['/project/main.ts', MAIN],
    ]),
  );
}

function typeOfExport(p: ts.Program, name: string): ts.Type {
  const file = p.getSourceFile('/project/main.ts')!;
  let found: ts.VariableDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return p.getTypeChecker().getTypeAtLocation(found!.name);
}

describe('builtin resources declared as node: modules', () => {
  const p = program();
  const oracle = new ResourceOracle(sessionOf(p), { resources: [], nameRules: true, inference: true });

  it('a Timeout declared in node:timers is the builtin timer, released by clearTimeout()', () => {
    const resource = oracle.resourceOf(typeOfExport(p, 'timer'));
    expect(resource?.origin).toBe('builtin');
    expect(resource?.release).toMatchObject({ kind: 'function', functions: expect.arrayContaining(['clearTimeout']) });
  });

  it('a Socket declared in node:net is the builtin socket, released by destroy()', () => {
    const resource = oracle.resourceOf(typeOfExport(p, 'socket'));
    expect(resource?.origin).toBe('builtin');
    expect(resource?.release).toMatchObject({ kind: 'method', methods: expect.arrayContaining(['destroy']) });
  });
});
