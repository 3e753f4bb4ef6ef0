// What a parent sees of an expression: the outermost parentheses, `!`, `as`, `satisfies` or type
// assertion around it, the other direction of skipOuter.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { skipOuter, withOuter } from '../../src/analysis/syntax/expressions.js';

/** The text of `withOuter` of each call `take()` in `text`, and whether skipOuter of it is that call again. */
function outerOfTake(text: string): { outer: string; back: boolean }[] {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  const found: { outer: string; back: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'take') {
      const outer = withOuter(node);
      found.push({ outer: outer.getText(), back: ts.isExpression(outer) && skipOuter(outer) === node });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('withOuter', () => {
  it('climbs every wrapper skipOuter skips, and skipOuter comes back to the expression', () => {
    expect(outerOfTake('const a = ((take()!) as Meter) satisfies Meter;\nconst b = <Meter>(take());')).toEqual([
      { outer: '((take()!) as Meter) satisfies Meter', back: true },
      { outer: '<Meter>(take())', back: true },
    ]);
  });

  it('stops at anything else: a call, an await, an assignment', () => {
    expect(outerOfTake('use(take());\nawait take();\nw = (take());')).toEqual([
      { outer: 'take()', back: true },
      { outer: 'take()', back: true },
      { outer: '(take())', back: true },
    ]);
  });
});
