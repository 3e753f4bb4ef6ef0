// A class's own methods that take a value out of one of its containers and hand it back.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { containerTakenBy, isTakeHandedBack, lendsWhatItReturns } from '../../src/analysis/containers/takers.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
class Cache {
  pop() { const entry = this.oldest; delete this.entries[entry.key]; return entry.value; }
  take(key: string) { const found = this.byKey.get(key); this.byKey.delete(key); return found; }
  shiftOne() { return this.queue.shift(); }
  removeAt(i: number) { return this.list.splice(i, 1)[0]; }
  forget(key: string) { return this.byKey.delete(key); }
  keyOnly(key: string) { this.byKey.delete(key); return key; }
  twoTakes() { this.a.pop(); return this.b.pop(); }
  other() { return 1; }
  use() {
    const a = this.pop(); const b = this.take('k'); const c = this.shiftOne(); const d = this.removeAt(0);
    const e = this.forget('k'); const f = this.keyOnly('k'); const g = this.twoTakes(); const h = this.other();
  }
}
`;

const program = inMemoryProgram(new Map([['/project/cache.ts', SOURCE]]));
const session = sessionOf(program);
const file = program.getSourceFile('/project/cache.ts')!;
const owner = file.statements.find(ts.isClassDeclaration)!;
const method = (name: string): ts.MethodDeclaration =>
  owner.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === name)!;
const initializers = new Map<string, ts.Expression>();
method('use').body!.forEachChild(function visit(node: ts.Node): void {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) initializers.set(node.name.text, node.initializer);
  node.forEachChild(visit);
});
const takenBy = (local: string): string | undefined => containerTakenBy(initializers.get(local)!, owner);
/** The first drop in a method's body. */
const takeIn = (name: string): ts.Node => {
  let found: ts.Node | undefined;
  method(name).body!.forEachChild(function visit(node: ts.Node): void {
    if (!found && (ts.isDeleteExpression(node) || (ts.isCallExpression(node) && /\.(delete|pop|shift|splice)$/.test(node.expression.getText())))) found = node;
    node.forEachChild(visit);
  });
  return found!;
};

describe('containerTakenBy', () => {
  it('names the container a method takes a value out of and returns, whole or by a field of it', () => {
    expect(['a', 'b', 'c', 'd'].map(takenBy)).toEqual(['this.entries', 'this.byKey', 'this.queue', 'this.list']);
  });

  it('answers nothing for a method returning a boolean, the key, one of two takes, or no take at all', () => {
    expect(['e', 'f', 'g', 'h'].map(takenBy)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('isTakeHandedBack', () => {
  it('is true at the take when the returns cover what is owed', () => {
    expect(isTakeHandedBack(takeIn('pop'), 'this.entries', ['value'], session)).toBe(true);
    expect(isTakeHandedBack(takeIn('take'), 'this.byKey', ['*'], session)).toBe(true);
  });

  it('is false when a field the returns leave out is owed, for another container, or for a boolean answer', () => {
    expect(isTakeHandedBack(takeIn('pop'), 'this.entries', ['value', 'timer'], session)).toBe(false);
    expect(isTakeHandedBack(takeIn('pop'), 'this.other', ['value'], session)).toBe(false);
    expect(isTakeHandedBack(takeIn('forget'), 'this.byKey', ['*'], session)).toBe(false);
  });
});

const POOLS = `
class Made {}
class Pool {
  lend(key: string) { let made = this.free[key].pop(); if (!made) made = new Made(); return made; }
  lendFirst() { return this.idle.shift(); }
  giveBack(key: string, made: Made) { this.free[key].push(made); }
  park(made: Made) { this.idle.push(made); }
  lendOrMake() { const made = this.idle.pop(); return made ?? new Made(); }
}
class Stock {
  lend() { const made = this.free.pop(); return made ?? new Made(); }
  lendOther() { const made = this.free.pop(); return new Made(); }
  refill(count: number) { for (let i = 0; i < count; i++) this.free.push(new Made()); }
}
`;
const poolProgram = inMemoryProgram(new Map([['/project/pools.ts', POOLS]]));
const poolSession = sessionOf(poolProgram);
const poolMethod = (owner: string, name: string): ts.MethodDeclaration => {
  const declared = poolProgram
    .getSourceFile('/project/pools.ts')!
    .statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === owner)!;
  return declared.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === name)!;
};

describe('lendsWhatItReturns', () => {
  it('is true of a method handing out what it pops from its own lists, in a class whose other method pushes back a value it is handed', () => {
    expect(lendsWhatItReturns(poolMethod('Pool', 'lend'), poolSession)).toBe(true);
    expect(lendsWhatItReturns(poolMethod('Pool', 'lendFirst'), poolSession)).toBe(true);
    expect(lendsWhatItReturns(poolMethod('Pool', 'lendOrMake'), poolSession)).toBe(true);
  });

  it('is false when nothing is ever handed back, when a return is not the taken value, or for the method that takes values back', () => {
    expect(lendsWhatItReturns(poolMethod('Stock', 'lend'), poolSession)).toBe(false);
    expect(lendsWhatItReturns(poolMethod('Stock', 'lendOther'), poolSession)).toBe(false);
    expect(lendsWhatItReturns(poolMethod('Pool', 'giveBack'), poolSession)).toBe(false);
  });
});
