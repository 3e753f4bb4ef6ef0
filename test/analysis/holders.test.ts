// A record's field that names the class holding such records is a reference back to that holder:
// never the record's to release, and never inferred to find out.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getResourceOracle } from '../../src/analysis/resources/oracle.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
declare function setInterval(fn: () => void, ms: number): number;
declare function clearInterval(id: number): void;
class Ticker {
  private readonly id = setInterval(() => {}, 1000);
  stop(): void { clearInterval(this.id); }
}
export class Core {
  private readonly ticker = new Ticker();
  private readonly entities: Record<string, Entity | undefined> = {};
  stop(): void { this.ticker.stop(); }
}
export interface Entity { readonly client: Core; readonly name: string }
export interface Lease { readonly ticker: Ticker; readonly name: string }
`;

describe('records that point back at their holder', () => {
  const program = inMemoryProgram(new Map([['/project/core.ts', SOURCE]]));
  const session = sessionOf(program);
  const oracle = getResourceOracle(session, { resources: [], nameRules: true, inference: true });
  const file = program.getSourceFile('/project/core.ts')!;
  const typeOf = (name: string): ts.Type => {
    const declaration = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
    return session.checker.getTypeAtLocation(declaration.name);
  };

  it('leaves out a field whose class keeps such records: the record owes nothing', () => {
    expect(oracle.resourceOf(typeOf('Entity'))).toBeUndefined();
  });

  it('keeps a field whose class keeps no such record', () => {
    const lease = oracle.resourceOf(typeOf('Lease'));
    expect(lease?.release.kind === 'fields' && lease.release.fields.map((field) => field.name)).toEqual(['ticker']);
  });
});
