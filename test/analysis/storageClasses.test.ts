// The program's own generic storage classes, read from their text: which methods are a built-in
// container's methods under another name.
import { describe, expect, it } from 'vitest';

import { storageClasses } from '../../src/analysis/containers/storageClasses.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

/** Each storage class of the program by name: its kind and its own names for dropping, inserting, reading and listing. */
function read(source: string): Record<string, unknown> {
  const session = sessionOf(inMemoryProgram(new Map([['/project/store.ts', source]])));
  const found: Record<string, unknown> = {};
  for (const [declaration, storage] of storageClasses(session).byDeclaration) {
    const { protocol } = storage;
    found[declaration.name!.text] = {
      kind: protocol.kind,
      valueParameter: storage.valueParameterIndex,
      drops: Object.fromEntries(Object.entries(protocol.drops).map(([own, drop]) => [own, drop.operation])),
      inserts: Object.keys(protocol.inserts),
      reads: protocol.reads,
      readAt: protocol.readAt?.('c', 'k'),
      values: protocol.values('c'),
    };
  }
  return found;
}

describe('storageClasses', () => {
  it("reads a generic class's methods that only hand their parameters to its one container field as that container's methods", () => {
    const found = read(`export class PeerRepository<T> {
  private readonly repository: Map<string, T> = new Map<string, T>();
  public values(): T[] { return [...this.repository.values()]; }
  public get(key: string): T | undefined { return this.repository.get(key); }
  public set(key: string, value: T): void { this.repository.set(key, value); }
  public forget(key: string): void { this.repository.delete(key); }
  public forgetAll(): void { this.repository.clear(); }
}
export class Registry<K, V> {
  private items = new Map<K, V>();
  register(id: K, item: V) { this.items.set(id, item); }
  unregister(id: K) { return this.items.delete(id); }
}
export class Bag<T> {
  private list: T[] = [];
  add(item: T) { this.list.push(item); }
  pop() { return this.list.pop(); }
}`);
    expect(found).toEqual({
      PeerRepository: {
        kind: 'Map',
        valueParameter: 0,
        drops: { set: 'set', forget: 'delete', forgetAll: 'clear' },
        inserts: ['set'],
        reads: ['get'],
        readAt: 'c.get(k)',
        values: 'c.values()',
      },
      Registry: {
        kind: 'Map',
        valueParameter: 1,
        drops: { register: 'set', unregister: 'delete' },
        inserts: ['register'],
        reads: [],
        readAt: undefined,
        values: '',
      },
      Bag: { kind: 'Array', valueParameter: 0, drops: { pop: 'pop' }, inserts: ['add'], reads: [], readAt: undefined, values: '' },
    });
  });

  it('reads nothing from a class that releases, checks or changes what it passes on, holds concrete values, holds two containers, or extends another', () => {
    const found = read(`interface Socket { close(): void }
export class Releasing<T extends { close(): void }> {
  private byId = new Map<string, T>();
  remove(id: string) { this.byId.get(id)?.close(); this.byId.delete(id); }
}
export class Checking<T> {
  private byId = new Map<string, T>();
  remove(id: string) { if (id) this.byId.delete(id); }
}
export class Changing<T> {
  private byId = new Map<string, T>();
  remove(id: string) { this.byId.delete(id.trim()); }
}
export class Concrete {
  private byId = new Map<string, Socket>();
  remove(id: string) { this.byId.delete(id); }
}
export class Two<T> {
  private byId = new Map<string, T>();
  private byName = new Map<string, T>();
  remove(id: string) { this.byId.delete(id); }
}
export class Hidden<T> {
  private byId = new Map<string, T>();
  private remove(id: string) { this.byId.delete(id); }
}
class Base {}
export class Derived<T> extends Base {
  private byId = new Map<string, T>();
  remove(id: string) { this.byId.delete(id); }
}`);
    expect(found).toEqual({});
  });
});
