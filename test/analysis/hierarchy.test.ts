// The classes of the program that extend a class, directly or through others, across modules and
// import aliases — and not a class of another module that only shares the base's name.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { sessionOf } from '../../src/analysis/session.js';
import { baseClassOf, subclassesOf } from '../../src/analysis/syntax/hierarchy.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const BASES = `
export abstract class Atlas { dispose(): void {} }
export class Lonely {}
export class Root {}
`;

const ATLASES = `
import { Atlas as BaseAtlas } from './bases.js';
import * as bases from './bases.js';
export class NoneAtlas extends BaseAtlas {}
export class StaticAtlas extends NoneAtlas {}
export class DynamicAtlas extends bases.Atlas {}
export function make() { return class extends BaseAtlas {}; }
`;

/** Another module's class of the same name, and a class extending that one. */
const OTHER = `
class Atlas {}
export class Impostor extends Atlas {}
`;

/** More subclasses of one base than any family read. */
const MANY = `import { Root } from './bases.js';\n${Array.from({ length: 30 }, (_, i) => `export class Leaf${i} extends Root {}`).join('\n')}\n`;

function program(): ts.Program {
  return inMemoryProgram(
    new Map([
      ['/project/bases.ts', BASES],
      ['/project/atlases.ts', ATLASES],
      ['/project/other.ts', OTHER],
      ['/project/many.ts', MANY],
    ]),
  );
}

function classNamed(p: ts.Program, file: string, name: string): ts.ClassDeclaration {
  const found = p.getSourceFile(file)!.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  if (!found) throw new Error(`no class ${name}`);
  return found;
}

const names = (classes: readonly ts.ClassLikeDeclaration[]): (string | undefined)[] => classes.map((c) => c.name?.text).sort();

describe('subclassesOf', () => {
  const p = program();
  const session = sessionOf(p);

  it('finds subclasses under an import alias, through a namespace import, through another subclass and anonymous ones', () => {
    const found = subclassesOf(classNamed(p, '/project/bases.ts', 'Atlas'), session);
    expect(found).toHaveLength(4);
    expect(names(found)).toEqual(['DynamicAtlas', 'NoneAtlas', 'StaticAtlas', undefined]);
  });

  it('leaves out a class extending another class of the same name', () => {
    const found = subclassesOf(classNamed(p, '/project/bases.ts', 'Atlas'), session);
    expect(names(found)).not.toContain('Impostor');
    expect(names(subclassesOf(classNamed(p, '/project/other.ts', 'Atlas'), session))).toEqual(['Impostor']);
  });

  it('answers none for a class nothing extends, and for a base with more subclasses than a family read', () => {
    expect(subclassesOf(classNamed(p, '/project/bases.ts', 'Lonely'), session)).toEqual([]);
    expect(subclassesOf(classNamed(p, '/project/bases.ts', 'Root'), session)).toEqual([]);
  });
});

describe('baseClassOf', () => {
  const p = program();

  it('names the class a class extends, through an alias', () => {
    const base = baseClassOf(classNamed(p, '/project/atlases.ts', 'NoneAtlas'), p.getTypeChecker());
    expect(base).toBe(classNamed(p, '/project/bases.ts', 'Atlas'));
    expect(baseClassOf(classNamed(p, '/project/bases.ts', 'Lonely'), p.getTypeChecker())).toBeUndefined();
  });
});
