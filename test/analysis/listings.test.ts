// Lists of every value of a container written as one array, and methods returning one, read from their text.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { flattenedSource, listingReturnedBy } from '../../src/analysis/syntax/listings.js';

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
}

/** Every call in `text` whose callee is named `name`, with what `read` says of it, as text. */
function readCalls(text: string, name: string, read: (call: ts.CallExpression) => ts.Expression | undefined): (string | undefined)[] {
  const found: (string | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name) found.push(read(node)?.getText());
    ts.forEachChild(node, visit);
  };
  visit(parse(text));
  return found;
}

describe('flattenedSource', () => {
  it('reads the lists put in one list by concat over an empty start or by flat()', () => {
    const text = `function f(m: Map<string, number[]>) {
  const a = ([] as number[]).concat(...m.values());
  let all: number[] = [];
  all = all.concat(...m.values());
  const b = [...m.values()].flat();
}`;
    expect(readCalls(text, 'concat', flattenedSource)).toEqual(['m.values()', 'm.values()']);
    expect(readCalls(text, 'flat', flattenedSource)).toEqual(['[...m.values()]']);
  });

  it('reads nothing from a concat onto a list that holds more, or without a spread', () => {
    const text = `function f(m: Map<string, number[]>, extra: number[]) {
  const a = extra.concat(...m.values());
  let all: number[] = [1];
  all = all.concat(...m.values());
  let other: number[] = [];
  other.push(2);
  const c = [].concat(m.get('a') ?? []);
  let later: number[] = [];
  later = later.concat(...m.values());
  later = [3];
}`;
    expect(readCalls(text, 'concat', flattenedSource)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

/** What listingReturnedBy reads at every `this.<name>()` call in `text`, by method name. */
function listingsAtThisCalls(text: string): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword)
      found[node.expression.name.text] = listingReturnedBy(node)?.getText();
    ts.forEachChild(node, visit);
  };
  visit(parse(text));
  return found;
}

describe('listingReturnedBy', () => {
  it('reads the one value a method without parameters returns, directly or through a local given it once', () => {
    const text = `class Projects {
  private byFolder = new Map<string, number[]>();
  all(): number[] { let list: number[] = []; list = list.concat(...this.byFolder.values()); return list; }
  copy() { return [...this.byFolder.values()]; }
  use() { return [this.all(), this.copy()]; }
}`;
    expect(listingsAtThisCalls(text)).toEqual({ all: 'list.concat(...this.byFolder.values())', copy: '[...this.byFolder.values()]' });
  });

  it('reads nothing from a method that returns in two places, takes arguments, or gives its local two values', () => {
    const text = `class Projects {
  private byFolder = new Map<string, number[]>();
  either(flag = false) { if (flag) return [...this.byFolder.values()]; return []; }
  twice() { let list = [...this.byFolder.values()]; list = [1, 2]; return list; }
  some(folder: string) { return this.byFolder.get(folder) ?? []; }
  use() { return [this.either(), this.twice(), this.some('a')]; }
}`;
    expect(listingsAtThisCalls(text)).toEqual({ either: undefined, twice: undefined, some: undefined });
  });
});
