// The declaration with a body a call runs: a method of the local or parameter it is called on (also
// one narrowed from `undefined`), a function, an arrow kept in a const — and nothing for a method only
// a declaration file declares, or a key an index signature gives.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { resolveCallee } from '../../src/analysis/flow/index.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
export class Doc {
  revert(): void {}
  onDidRevert = (listener: () => void): void => { listener(); };
}
declare class Outside { close(): void }
declare function make(): Doc;
function helper(): void {}
const arrow = (): void => {};
export function calls(given: Doc, maybe: Doc | undefined, bag: { [name: string]: () => void }, outside: Outside) {
  const made = make();
  made.revert();
  given.onDidRevert(() => {});
  if (maybe) maybe.revert();
  helper();
  arrow();
  bag.anything();
  outside.close();
}
`;

describe('resolveCallee', () => {
  const program = inMemoryProgram(new Map([['/project/doc.ts', SOURCE]]));
  const session = sessionOf(program);
  const calls = new Map<string, ts.CallExpression>();
  program.getSourceFile('/project/doc.ts')!.forEachChild(function visit(node: ts.Node): void {
    if (ts.isCallExpression(node)) calls.set(node.expression.getText(), node);
    node.forEachChild(visit);
  });
  const resolved = (callee: string): string | undefined => {
    const declaration = resolveCallee(calls.get(callee)!, session);
    if (!declaration) return undefined;
    const named = ts.isArrowFunction(declaration) ? declaration.parent : declaration;
    return (named as ts.NamedDeclaration).name?.getText();
  };

  it('finds a method of the local or parameter it is called on', () => {
    expect([resolved('made.revert'), resolved('given.onDidRevert'), resolved('maybe.revert')]).toEqual(['revert', 'onDidRevert', 'revert']);
  });

  it('finds a function and an arrow kept in a const', () => {
    expect([resolved('helper'), resolved('arrow')]).toEqual(['helper', 'arrow']);
  });

  it('finds nothing with a body for a key of an index signature or a method a declaration declares', () => {
    expect([resolved('bag.anything'), resolved('outside.close')]).toEqual([undefined, undefined]);
  });
});
