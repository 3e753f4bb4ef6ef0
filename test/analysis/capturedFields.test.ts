// Variables a callback captured that name fields of the record its outer function stored at the key it removes.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { capturedFieldsAt } from '../../src/analysis/drops/keys.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
interface Pending { resolve: () => void; timer: ReturnType<typeof setTimeout> }
const pending = new Map<number, Pending>();
export function stored(id: number, resolve: () => void) {
  const timer = setTimeout(() => {}, 10);
  pending.set(id, { resolve, timer });
  return () => { pending.delete(id); };
}
export function renamed(id: number, resolve: () => void) {
  const handle = setTimeout(() => {}, 10);
  pending.set(id, { resolve, timer: handle });
  return () => { pending.delete(id); };
}
export function givenAnother(id: number, resolve: () => void) {
  let timer = setTimeout(() => {}, 10);
  pending.set(id, { resolve, timer });
  timer = setTimeout(() => {}, 20);
  return () => { pending.delete(id); };
}
export function shadowed(id: number, resolve: () => void) {
  const timer = setTimeout(() => {}, 10);
  pending.set(id, { resolve, timer });
  return () => { const timer = 0; pending.delete(id); return timer; };
}
export function otherKey(id: number, other: number, resolve: () => void) {
  const timer = setTimeout(() => {}, 10);
  pending.set(other, { resolve, timer });
  return () => { pending.delete(id); };
}
`;

describe('capturedFieldsAt', () => {
  const program = inMemoryProgram(new Map([['/project/pending.ts', SOURCE]]));
  const session = sessionOf(program);
  const file = program.getSourceFile('/project/pending.ts')!;
  /** The fields named at the one delete of each exported function, by the function's name. */
  const byFunction = new Map<string, readonly { name: string; slot: string }[] | undefined>();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'delete')
        byFunction.set(statement.name!.text, capturedFieldsAt(node, 'pending', node.arguments[0]!, new Set(['timer']), session));
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }

  it('names the captured variable stored as the record field, under its own name or another', () => {
    expect(byFunction.get('stored')).toEqual([{ name: 'timer', slot: 'timer' }]);
    expect(byFunction.get('renamed')).toEqual([{ name: 'handle', slot: 'timer' }]);
  });

  it('names nothing for a variable given another value after the store, one the callback declares itself, or a record stored under another key', () => {
    expect(byFunction.get('givenAnother')).toBeUndefined();
    expect(byFunction.get('shadowed')).toBeUndefined();
    expect(byFunction.get('otherKey')).toBeUndefined();
  });
});
