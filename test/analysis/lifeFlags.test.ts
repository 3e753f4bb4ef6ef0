// Flags a class keeps about its own life, read from its own bodies.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { lifeFlagOf } from '../../src/analysis/resources/lifeFlags.js';
import { AnalysisSession } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const RELEASES = new Set(['detach', 'dispose']);

/** What each `value.<flag>` read in `probe(value: Doc)` says of the value's life, by flag name. */
function flags(classBody: string): Record<string, string | undefined> {
  const text = `class Doc {\n${classBody}\n}\nexport function probe(value: Doc) { return [value.a, value.b, value.c]; }\n`;
  const program = inMemoryProgram(new Map([['/project/doc.ts', text]]));
  const session = new AnalysisSession(program);
  const found: Record<string, string | undefined> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'value') {
      found[node.name.text] = lifeFlagOf(node, RELEASES, session);
    }
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile('/project/doc.ts')!);
  return found;
}

describe('lifeFlagOf', () => {
  it('a field (or the field a getter returns) the releases set false and something else sets true is live; one they set true is finished', () => {
    expect(
      flags(`  private _a = false;
  b = false;
  c?: boolean;
  get a() { return this._a; }
  constructor(on: boolean) { if (on) this._a = true; }
  detach() { this._a = false; this.b = true; this.c = true; }
  dispose() { this.detach(); this._a = false; this.b = true; this.c = true; }`),
    ).toEqual({ a: 'live', b: 'finished', c: 'finished' });
  });

  it('says nothing when a release of the family leaves the flag alone, one writes both answers, another method writes the ended answer, or a write is not a literal', () => {
    expect(
      flags(`  private _a = false;
  b = false;
  c = false;
  get a() { return this._a; }
  attach() { this._a = true; this.c = true; }
  detach() { this._a = false; this.b = true; this.b = false; this.c = false; }
  dispose() { this._a = false; this.b = true; }
  pause() { this._a = false; }`),
    ).toEqual({ a: undefined, b: undefined, c: undefined });
    expect(
      flags(`  a = false;
  b = false;
  c = true;
  attach(on: boolean) { this.a = on; }
  detach() { this.a = false; this.c = false; }
  dispose() { this.a = false; this.c = false; }`),
    ).toEqual({ a: undefined, b: undefined, c: undefined });
  });

  it('a live flag needs something to set it: a field only the releases write is no flag of life', () => {
    expect(
      flags(`  a = false;
  b = false;
  c = false;
  detach() { this.a = false; }
  dispose() { this.a = false; }`),
    ).toEqual({ a: undefined, b: undefined, c: undefined });
  });

  it('a handle the constructor always fills and only a release empties is live while it is there', () => {
    expect(
      flags(`  a: object | null;
  b: object | null;
  c: object | null = null;
  constructor(t: object, on: boolean) { this.a = t; if (on) this.b = t; }
  swap(t: object) { this.a = t; }
  dispose() { this.a = null; this.b = null; this.c = null; }`),
    ).toEqual({ a: 'live', b: undefined, c: undefined });
    expect(
      flags(`  a: object | undefined;
  b: object | undefined;
  c: object | undefined;
  constructor(t: object) { this.a = t; this.b = t; this.c = t; }
  unload() { this.a = undefined; }
  dispose() { this.a = undefined; }
  reset() { this.c = undefined; }`),
    ).toEqual({ a: undefined, b: undefined, c: undefined });
  });
});
