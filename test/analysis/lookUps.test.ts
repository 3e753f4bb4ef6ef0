// Methods that only look a key up in a container of their object, read from their own text.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { lookUpCall } from '../../src/analysis/syntax/lookUps.js';

const READS = new Set(['get']);

/** Every `this.<name>(…)` call of the class in `text`: the container and key it reads, as text, or undefined. */
function lookUps(text: string): Record<string, { container: string; key: string } | undefined> {
  const file = ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true);
  const found: Record<string, { container: string; key: string } | undefined> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const read = lookUpCall(node, READS);
      found[node.expression.name.text] = read && { container: read.container.getText(), key: read.key.getText() + (read.keyPath ?? '') };
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('lookUpCall', () => {
  it('reads through a method whose returns all read one container at one parameter (or return nothing), also through a const renaming it', () => {
    const found = lookUps(`class Projects {
  private byFolder = new Map<string, number[]>();
  private byName: Record<string, number> = {};
  forFolder(folder: string | undefined) { if (folder) return this.byFolder.get(folder); return undefined; }
  named(other: number, name: string) { if (isValid(name)) { const known = name as string; return this.byName[known]; } return null; }
  use(f: string) { return [this.forFolder(f), this.named(1, f + '!')]; }
}
declare function isValid(name: string): boolean;`);
    expect(found).toEqual({ forFolder: { container: 'this.byFolder', key: 'f' }, named: { container: 'this.byName', key: "f + '!'" } });
  });

  it('reads through a method whose key is read off its parameter (`this.connections.get(peer.ip)`), but not one that reads two different paths', () => {
    const found = lookUps(`class Connector {
  private connections = new Map<string, object>();
  connection(peer: { ip: string; port: number }) { return this.connections.get(peer.ip); }
  either(peer: { ip: string; port: number }, byPort: boolean) { return byPort ? this.connections.get(String(peer.port)) : this.connections.get(peer.ip); }
  sliced(peer: { ip: string }) { return this.connections.get(peer.ip.slice(1)); }
  use(p: { ip: string; port: number }) { return [this.connection(p), this.either(p, true), this.sliced(p)]; }
}`);
    expect(found).toEqual({ connection: { container: 'this.connections', key: 'p.ip' }, either: undefined, sliced: undefined });
  });

  it('reads nothing through a method that reads another key or container, writes, calls as a statement, or reassigns its key', () => {
    const found = lookUps(`class Projects {
  private byFolder = new Map<string, number[]>();
  private other = new Map<string, number[]>();
  private current = '';
  atCurrent(folder: string) { return this.byFolder.get(this.current); }
  eitherMap(folder: string, second: boolean) { return second ? undefined : folder ? this.byFolder.get(folder) : this.other.get(folder); }
  remembering(folder: string) { this.current = folder; return this.byFolder.get(folder); }
  logging(folder: string) { console.log(folder); return this.byFolder.get(folder); }
  normalized(folder: string) { folder = folder.trim(); return this.byFolder.get(folder); }
  use(f: string) { return [this.atCurrent(f), this.eitherMap(f, false), this.remembering(f), this.logging(f), this.normalized(f)]; }
}`);
    expect(found).toEqual({ atCurrent: undefined, eitherMap: undefined, remembering: undefined, logging: undefined, normalized: undefined });
  });

  it('reads through a get-or-create: the value looked up, made and stored when missing, then returned', () => {
    const found = lookUps(`class Groups {
  private byIndex = new Map<number, object>();
  private byName: Record<string, object> = {};
  groupFor(index: number) { let group = this.byIndex.get(index); if (group === undefined) { group = {}; this.byIndex.set(index, group); } return group; }
  named(name: string) { let group = this.byName[name]; if (!group) { group = {}; this.byName[name] = group; } return group; }
  use(i: number) { return [this.groupFor(i), this.named('a')]; }
}`);
    expect(found).toEqual({ groupFor: { container: 'this.byIndex', key: 'i' }, named: { container: 'this.byName', key: "'a'" } });
  });

  it('reads nothing through a get-or-create that stores under another key or stores something else; one that stores nothing reads the key', () => {
    const found = lookUps(`class Groups {
  private byIndex = new Map<number, object>();
  otherKey(index: number) { let group = this.byIndex.get(index); if (!group) { group = {}; this.byIndex.set(index + 1, group); } return group; }
  otherValue(index: number) { let group = this.byIndex.get(index); if (!group) { group = {}; this.byIndex.set(index, {}); } return group; }
  notStored(index: number) { let group = this.byIndex.get(index); if (!group) { group = {}; } return group; }
  use(i: number) { return [this.otherKey(i), this.otherValue(i), this.notStored(i)]; }
}`);
    // `notStored` hands back what the key holds whenever it holds something: a look-up with a fallback.
    expect(found).toEqual({ otherKey: undefined, otherValue: undefined, notStored: { container: 'this.byIndex', key: 'i' } });
  });

  it('reads through a look-up with a fallback for a missing value, after guards, at a key read from its parameter', () => {
    const found = lookUps(`class Engine {
  private sessions: Record<string, object> = {};
  private closed: Record<string, object> = {};
  getSession(token: { toString(): string }, activeOnly?: boolean) {
    if (!token) return null;
    const key = token.toString();
    let session = this.sessions[key];
    if (!activeOnly && !session) session = this.closed[key];
    return session;
  }
  anyway(token: { toString(): string }) {
    let session = this.sessions[token.toString()];
    if (Math.random() > 0.5) session = this.closed[token.toString()];
    return session;
  }
  sliced(token: string) {
    let session = this.sessions[token.slice(1)];
    if (!session) session = this.closed[token];
    return session;
  }
  use(t: { toString(): string }) { return [this.getSession(t), this.anyway(t), this.sliced('x')]; }
}`);
    expect(found).toEqual({ getSession: { container: 'this.sessions', key: 't.toString()' }, anyway: undefined, sliced: undefined });
  });
});
