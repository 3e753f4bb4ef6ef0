// The `const` a name is where it is read, found in the blocks around it: a long function may declare the name again in another block.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { constInScope } from '../../src/analysis/syntax/names.js';

/** For each `use(x)` call of `text`, the initializer of the `const` its argument names, or undefined. */
function resolved(text: string): (string | undefined)[] {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  const found: (string | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'use' && ts.isIdentifier(node.arguments[0]!))
      found.push(constInScope(node.arguments[0])?.initializer?.getText());
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('constInScope', () => {
  it('finds the const of the block around the read, or of a block further out, declared before it', () => {
    expect(resolved('function f() {\n  const a = 1;\n  if (x) {\n    const a = 2;\n    use(a);\n  }\n  use(a);\n}')).toEqual(['2', '1']);
  });

  it('finds nothing declared after the read, by let, or outside the function the read is in', () => {
    expect(resolved('const b = 0;\nfunction f() {\n  use(a);\n  const a = 1;\n  let c = 2;\n  use(c);\n  use(b);\n}')).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
