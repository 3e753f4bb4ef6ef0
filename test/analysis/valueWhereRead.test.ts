// The value a local holds where it is read, when that is its initializer for certain.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { AnalysisSession } from '../../src/analysis/session.js';
import { valueWhereRead } from '../../src/analysis/syntax/names.js';
import { inMemoryProgram } from './inMemoryProgram.js';

/** For each `probe(x)` call in `body`: the text of the value `x` holds there, or undefined. */
function valuesAtProbes(body: string): (string | undefined)[] {
  const text = `declare function probe(value: unknown): void;\ndeclare const m: Map<string, object>;\nexport function f(k: string, ks: string[]) {\n${body}\n}\n`;
  const program = inMemoryProgram(new Map([['/project/f.ts', text]]));
  const session = new AnalysisSession(program);
  const found: (string | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'probe') {
      found.push(valueWhereRead(node.arguments[0] as ts.Identifier, session)?.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile('/project/f.ts')!);
  return found;
}

describe('valueWhereRead', () => {
  it('is the initializer of a `let` read before its other values, in the block that declares it (a loop body included)', () => {
    expect(valuesAtProbes(`  for (const key of ks) {\n    let x = m.get(key);\n    if (probe(x)) {} else { x = {}; }\n  }`)).toEqual(['m.get(key)']);
    expect(valuesAtProbes(`  const c = m.get(k);\n  probe(c);`)).toEqual(['m.get(k)']);
  });

  it('is unknown after another value is given, in a loop that brings a later value back, in a closure, or with `+=`', () => {
    expect(valuesAtProbes(`  let x = m.get(k);\n  x = {};\n  probe(x);`)).toEqual([undefined]);
    expect(valuesAtProbes(`  let x = m.get(k);\n  while (probe(x)) { x = m.get(k + '!'); }`)).toEqual([undefined]);
    expect(valuesAtProbes(`  let x = m.get(k);\n  ks.forEach(() => probe(x));\n  x = {};`)).toEqual([undefined]);
    expect(valuesAtProbes(`  let n = 1;\n  probe(n);\n  n += 1;`)).toEqual([undefined]);
  });
});
