// Containers that keep each value under one of its own fields: a delete by that field drops the value itself.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { valueNamedByOwnKey } from '../../src/analysis/containers/selfKeyed.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
interface Item { id: string; info: { name: string } }
export class Registry {
  private readonly byId = new Map<string, Item>();
  private readonly byName: Record<string, Item> = {};
  private readonly mixed = new Map<string, Item>();
  add(item: Item, key: string) {
    this.byId.set(item.id, item);
    this.byName[item.info.name] = item;
    this.mixed.set(item.id, item);
    this.mixed.set(key, item);
  }
  remove(found: Item) {
    this.byId.delete(found.id);
    delete this.byName[found.info.name];
    this.mixed.delete(found.id);
    this.byId.delete(found.info.name);
  }
}
`;

describe('valueNamedByOwnKey', () => {
  const program = inMemoryProgram(new Map([['/project/registry.ts', SOURCE]]));
  const session = sessionOf(program);
  const file = program.getSourceFile('/project/registry.ts')!;
  /** Each key removed in `remove`, with the container it is removed from. */
  const removals: { container: ts.Expression; key: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'delete')
      removals.push({ container: node.expression.expression, key: node.arguments[0]! });
    if (ts.isDeleteExpression(node) && ts.isElementAccessExpression(node.expression))
      removals.push({ container: node.expression.expression, key: node.expression.argumentExpression });
    ts.forEachChild(node, visit);
  };
  visit(file);
  const named = ({ container, key }: (typeof removals)[number]): string | undefined => valueNamedByOwnKey(key, container, session)?.text;

  it('names the value deleted by the field every insertion keys it by, through a deeper path too', () => {
    expect(named(removals[0]!)).toBe('found');
    expect(named(removals[1]!)).toBe('found');
  });

  it('names nothing where some insertion keys a value otherwise, or where the key is another field', () => {
    expect(named(removals[2]!)).toBeUndefined();
    expect(named(removals[3]!)).toBeUndefined();
  });
});
