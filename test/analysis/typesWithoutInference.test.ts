// What a value is, read from declarations instead of the checker's inference at the site: the class
// a `new` of a non-generic class makes, and literals that are data. Each answer must be what the
// checker would say, or no answer.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { isTextOrFlagLiteral } from '../../src/analysis/syntax/expressions.js';
import { isTextOrFlag } from '../../src/analysis/syntax/names.js';
import { typeOfPlainNew } from '../../src/analysis/syntax/writtenTypes.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
class Plain { constructor(readonly n: number) {} }
class Box<T> { constructor(readonly value: T) {} }
export class Holder {
  plain = new Plain(1);
  generic = new Box(1);
  map = new Map<string, number>();
}
const UNCACHEABLE = 'no-store';
let changing = 'a';
changing = String(Date.now());
export const names = [UNCACHEABLE, changing];
export const values = ['text', \`a\${1}b\`, \`plain\`, true, false, 0, -1, null, undefined, Holder, 1 + 1];
`;

describe('types read without inference', () => {
  const program = inMemoryProgram(new Map([['/project/holder.ts', SOURCE]]));
  const session = sessionOf(program);
  const { checker } = session;
  const file = program.getSourceFile('/project/holder.ts')!;
  const initializers = new Map<string, ts.Expression>();
  let values: readonly ts.Expression[] = [];
  let names: readonly ts.Expression[] = [];
  file.forEachChild(function visit(node: ts.Node): void {
    if (ts.isPropertyDeclaration(node) && node.initializer) initializers.set(node.name.getText(), node.initializer);
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'values') values = (node.initializer as ts.ArrayLiteralExpression).elements;
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'names') names = (node.initializer as ts.ArrayLiteralExpression).elements;
    node.forEachChild(visit);
  });
  it("reads a non-generic class's `new` as the checker types it, and leaves generic classes and Map to the checker", () => {
    const plain = initializers.get('plain')!;
    expect(typeOfPlainNew(plain, checker)).toBe(checker.getTypeAtLocation(plain));
    expect(typeOfPlainNew(initializers.get('generic')!, checker)).toBeUndefined();
    expect(typeOfPlainNew(initializers.get('map')!, checker)).toBeUndefined();
  });

  it('knows strings and booleans written out as data, and nothing else (a number may be a timer id)', () => {
    expect(values.map(isTextOrFlagLiteral)).toEqual([true, true, true, true, true, false, false, false, false, false, false]);
  });

  it('knows a name given such a literal once as data, and not one given something else later', () => {
    expect(names.map((name) => isTextOrFlag(name, session))).toEqual([true, false]);
  });
});
