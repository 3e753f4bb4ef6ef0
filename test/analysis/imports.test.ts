// Names read from a module outside the program's own code: no callee with a body can hide behind
// them, so a call through one is settled without typing its chain.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { importedNames, isNamedFromOutside } from '../../src/analysis/syntax/imports.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const AMBIENT = `
declare module 'host' {
  export namespace window { function open(): void; }
  export function watch(): void;
  export default function start(): void;
}
`;

const HELPERS = `
export namespace window { export function open(): void {} }
export function watch(): void {}
`;

const MAIN = `
import * as host from 'host';
import start, { watch } from 'host';
import * as helpers from './helpers.js';
import { watch as watchHere } from './helpers.js';
import required = require('host');

host.window.open();
watch();
start();
required.watch();
helpers.window.open();
watchHere();
export function shadowed(host: { window: { open(): void } }): void {
  host.window.open();
}
const local = { open(): void {} };
local.open();
`;

function calleesOfMain(): { text: string; outside: boolean }[] {
  const program = inMemoryProgram(
    new Map([
      ['/project/ambient.d.ts', AMBIENT],
      ['/project/helpers.ts', HELPERS],
      ['/project/main.ts', MAIN],
    ]),
  );
  const session = sessionOf(program);
  const found: { text: string; outside: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) found.push({ text: node.expression.getText(), outside: isNamedFromOutside(node.expression, session) });
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile('/project/main.ts')!);
  return found;
}

describe('isNamedFromOutside', () => {
  const callees = calleesOfMain();
  const outside = (text: string): boolean[] => callees.filter((callee) => callee.text === text).map((callee) => callee.outside);

  it('is true for a chain read from a namespace, named, default or required import of a declared module', () => {
    expect(outside('host.window.open')).toEqual([true, false]);
    expect(outside('watch')).toEqual([true]);
    expect(outside('start')).toEqual([true]);
    expect(outside('required.watch')).toEqual([true]);
  });

  it('is false for the program own modules, a parameter that shadows the import, and a local object', () => {
    expect(outside('helpers.window.open')).toEqual([false]);
    expect(outside('watchHere')).toEqual([false]);
    expect(outside('local.open')).toEqual([false]);
  });
});

describe('importedNames', () => {
  it('names every value a module binds by import, not its types nor its own declarations', () => {
    const file = ts.createSourceFile(
      '/project/main.ts',
      `import flags, { config, type Shape, debug as log } from './flags.js';
import * as os from 'node:os';
import type { Other } from './other.js';
import required = require('host');
const local = 1;
export function run() { return [flags, config, log, os, required, local]; }`,
      ts.ScriptTarget.ES2022,
      true,
    );
    expect([...importedNames(file)].sort()).toEqual(['config', 'flags', 'log', 'os', 'required']);
  });
});
