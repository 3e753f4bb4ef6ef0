// Whether an assignment's target is declared like a container, read from written types where a
// property path starts at an annotated parameter or local — and the same answer the checker gives.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isDeclaredLikeContainer } from '../../src/analysis/containers/types.js';
import { AnalysisSession } from '../../src/analysis/session.js';
import { skipOuter } from '../../src/analysis/syntax/expressions.js';
import { declaredMemberSymbol } from '../../src/analysis/syntax/writtenTypes.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
interface CallOptions { otherArgs?: { [key: string]: any }; timers?: Record<string, number>; list: number[] }
export function viaParameter(options: CallOptions) {
  options.timers!['a'] = 1;
  options.otherArgs!.headers['b'] = 2;
}
export function viaLocal(given: unknown) {
  let options: CallOptions;
  options = given as CallOptions;
  options.timers!['c'] = 3;
  options.otherArgs!.headers['d'] = 4;
}
export function shadowed(options: CallOptions, many: { otherArgs: { headers: Record<string, number> } }[]) {
  void options;
  for (const options of many) options.otherArgs.headers['e'] = 5;
}
declare function makeOptions(): CallOptions;
export function unannotated() {
  const options = makeOptions();
  options.timers!['f'] = 6;
}
export function parsed(text: string) {
  const bag = JSON.parse(text);
  bag.timers['g'] = 7;
}
class Holder {
  element: { classList: Record<string, number> } | undefined;
  private readonly byName = new Map<string, number>();
  fill(): void {
    this.element!.classList['k'] = 11;
    const arrow = () => { this.element!.classList['l'] = 12; };
    void arrow;
    void this.byName;
  }
  static make(this: { element: { classList: Record<string, number> } }): void {
    this.element.classList['m'] = 13;
  }
}
void Holder;
declare function modify(change: (colors: { ansi: number[] }) => void): void;
export function viaCallback(): void {
  modify((colors) => colors.ansi['n' as unknown as number] = 14);
  modify((colors: { ansi: Record<string, number> }) => colors.ansi['o'] = 15);
}
export function asserted(info) {
  (info as CallOptions).timers!['h'] = 8;
  (<CallOptions>info).otherArgs!.headers['i'] = 9;
  (info as const).timers['j'] = 10;
}
`;

describe('isDeclaredLikeContainer', () => {
  const program = inMemoryProgram(new Map([['/project/options.ts', SOURCE]]));
  const checker = program.getTypeChecker();
  const targets = new Map<string, ts.Expression>();
  program.getSourceFile('/project/options.ts')!.forEachChild(function visit(node: ts.Node): void {
    const key = ts.isBinaryExpression(node) && ts.isElementAccessExpression(node.left) ? skipOuter(node.left.argumentExpression) : undefined;
    if (key && ts.isStringLiteral(key)) targets.set(key.text, (node as ts.BinaryExpression & { left: ts.ElementAccessExpression }).left.expression);
    node.forEachChild(visit);
  });
  const session = new AnalysisSession(program);
  const declared = (key: string): boolean => isDeclaredLikeContainer(targets.get(key)!, session);

  it('reads a member through the written type of a parameter or a local', () => {
    expect([declared('a'), declared('c')]).toEqual([true, true]);
  });

  it('answers no for a member the written type does not declare (an index signature)', () => {
    expect([declared('b'), declared('d')]).toEqual([false, false]);
  });

  it('leaves a loop variable that hides the parameter, and an unannotated local, to the checker', () => {
    expect([declared('e'), declared('f')]).toEqual([true, true]);
  });

  it('finds the member of an unannotated local in the type of its declaration, and leaves a member that type lacks to the checker', () => {
    const member = (key: string) => declaredMemberSymbol(skipOuter(targets.get(key)!) as ts.PropertyAccessExpression, checker);
    expect(member('f')?.getName()).toBe('timers');
    expect(member('f')?.getDeclarations()?.[0]?.getSourceFile().fileName).toBe('/project/options.ts');
    expect(member('g')).toBeUndefined();
    expect(member('b')).toBeNull();
  });

  it('reads a member through the type an assertion writes, as the checker would at the site', () => {
    const member = (key: string) => declaredMemberSymbol(skipOuter(targets.get(key)!) as ts.PropertyAccessExpression, checker);
    expect(member('h')?.getName()).toBe('timers');
    expect(member('h')).toBe(checker.getSymbolAtLocation((skipOuter(targets.get('h')!) as ts.PropertyAccessExpression).name));
    expect(member('i')).toBeNull();
    expect(member('j')).toBeUndefined();
    expect([declared('h'), declared('i')]).toEqual([true, false]);
  });

  it('reads a member of `this` through the class declared around it, in its methods and their arrow functions, as the checker would at the site', () => {
    const member = (key: string) => declaredMemberSymbol(skipOuter(targets.get(key)!) as ts.PropertyAccessExpression, checker);
    for (const key of ['k', 'l']) {
      expect(member(key)?.getName()).toBe('classList');
      expect(member(key)).toBe(checker.getSymbolAtLocation((skipOuter(targets.get(key)!) as ts.PropertyAccessExpression).name));
    }
    // A static method's `this` is the class itself (here a declared `this` parameter): left to the checker.
    expect(member('m')).toBeUndefined();
  });

  it('answers no for a member of a callback parameter without a written type, and reads one that has it', () => {
    expect([declared('n'), declared('o')]).toEqual([false, true]);
  });
});
