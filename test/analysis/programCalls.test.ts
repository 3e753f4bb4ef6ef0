// Who calls a function a module exports: every call the program's modules make, under its own name,
// an import alias or a namespace import — and no answer once any module hands it on as a value.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';
import { callsAcrossProgram, callsOfMethodAcrossProgram } from '../../src/analysis/syntax/programCalls.js';

const HELPERS = `
export function forget(map: Map<string, object>, key: string): void { map.delete(key); }
export const clearAll = (map: Map<string, object>): void => { map.clear(); };
export function handedOn(map: Map<string, object>): void { map.clear(); }
export function neverCalled(map: Map<string, object>): void { map.clear(); }
export function typedOnly(map: Map<string, object>): void { map.clear(); }
function own(map: Map<string, object>): void { map.clear(); }
export function callsOwn(): void { own(new Map()); forget(new Map(), 'here'); }
`;

const CALLERS = `
import { forget, clearAll as wipe, handedOn, typedOnly } from './helpers.js';
import * as helpers from './helpers.js';
const byName = new Map<string, object>();
export function a(): void { forget(byName, 'a'); }
export function b(): void { helpers.forget(byName, 'b'); wipe(byName); }
export const hooks = [handedOn];
export type Typed = typeof typedOnly;
export function c(): void { typedOnly(byName); }
`;

/** Unrelated code that spells the same names: another function called `forget`, a property named `clearAll`. */
const OTHER = `
function forget(key: string): void { void key; }
export function d(): void { forget('d'); const o = { clearAll: () => {} }; o.clearAll(); }
`;

function program(): ts.Program {
  return inMemoryProgram(
    new Map([
      ['/project/helpers.ts', HELPERS],
      ['/project/callers.ts', CALLERS],
      ['/project/other.ts', OTHER],
    ]),
  );
}

function functionNamed(p: ts.Program, name: string): ts.FunctionLikeDeclaration {
  const file = p.getSourceFile('/project/helpers.ts')!;
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (ts.isVariableStatement(statement)) {
      const [declaration] = statement.declarationList.declarations;
      if (declaration && ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer as ts.ArrowFunction;
    }
  }
  throw new Error(`no function ${name}`);
}

describe('callsAcrossProgram', () => {
  const p = program();
  const session = sessionOf(p);
  const callsOf = (name: string): string[] | undefined =>
    callsAcrossProgram(functionNamed(p, name), session)?.map((call) => `${call.getSourceFile().fileName}: ${call.getText()}`);

  it('finds the calls in every module, under an import alias and through a namespace import, and none of a namesake', () => {
    expect(callsOf('forget')).toEqual([
      "/project/helpers.ts: forget(new Map(), 'here')",
      "/project/callers.ts: forget(byName, 'a')",
      "/project/callers.ts: helpers.forget(byName, 'b')",
    ]);
    expect(callsOf('clearAll')).toEqual(['/project/callers.ts: wipe(byName)']);
  });

  it('answers nothing for a function handed on as a value, or never called', () => {
    expect(callsOf('handedOn')).toBeUndefined();
    expect(callsOf('neverCalled')).toBeUndefined();
  });

  it('does not take a type query for a use', () => {
    expect(callsOf('typedOnly')).toEqual(['/project/callers.ts: typedOnly(byName)']);
  });

  it('finds the calls of an unexported function in its own module', () => {
    expect(callsOf('own')).toEqual(['/project/helpers.ts: own(new Map())']);
  });
});

const FEATURES = `
export interface Registrar { register(id: string): void }
export class Watchers<T> {
  registerRaw(id: string, value: T): void { void id; void value; }
  handedOn(id: string): void { void id; }
  viaAny(id: string): void { void id; }
  destructured(id: string): void { void id; }
}
export class Listeners implements Registrar {
  register(id: string): void { void id; }
  overridden(id: string): void { void id; }
}
export class LoudListeners extends Listeners {
  override overridden(id: string): void { super.overridden(id); }
}
`;

const FEATURE_USERS = `
import { Watchers, Listeners, LoudListeners, type Registrar } from './features.js';
const watchers = new Watchers<number>();
export function a(): void { watchers.registerRaw('a', 1); (watchers as Watchers<number>).registerRaw('b', 2); }
export const later = watchers.handedOn;
export function b(loose: any): void { loose.viaAny('x'); }
export function c(): void { const { destructured } = watchers; destructured('y'); }
export function d(r: Registrar, l: Listeners): void { r.register('r'); l.register('l'); }
export function e(l: LoudListeners): void { l.overridden('o'); }
/** Another class's method of the same name is not a call of this one. */
class Elsewhere { registerRaw(id: string): void { void id; } }
new Elsewhere().registerRaw('c');
`;

describe('callsOfMethodAcrossProgram', () => {
  const p = inMemoryProgram(
    new Map([
      ['/project/features.ts', FEATURES],
      ['/project/users.ts', FEATURE_USERS],
    ]),
  );
  const session = sessionOf(p);
  const methodOf = (className: string, name: string): ts.MethodDeclaration => {
    const file = p.getSourceFile('/project/features.ts')!;
    const owner = file.statements.find(
      (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === className,
    )!;
    return owner.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === name)!;
  };
  const callsOf = (className: string, name: string): string[] | undefined =>
    callsOfMethodAcrossProgram(methodOf(className, name), session)?.map((call) => call.getText());

  it('finds the calls on instances of a generic class, also through a cast, and none of a namesake in another class', () => {
    expect(callsOf('Watchers', 'registerRaw')).toEqual(["watchers.registerRaw('a', 1)", "(watchers as Watchers<number>).registerRaw('b', 2)"]);
  });

  it('answers nothing when a call cannot be counted: handed on, called on `any`, destructured', () => {
    expect(callsOf('Watchers', 'handedOn')).toBeUndefined();
    expect(callsOf('Watchers', 'viaAny')).toBeUndefined();
    expect(callsOf('Watchers', 'destructured')).toBeUndefined();
  });

  it('answers nothing when the method may also be reached through an interface the class implements or a subclass that overrides it', () => {
    expect(callsOf('Listeners', 'register')).toBeUndefined();
    expect(callsOf('Listeners', 'overridden')).toBeUndefined();
  });
});
