// Helper summaries are answers of the program, not of the order questions come in: a summary
// computed inside a recursion, or deeper in a chain of helpers, is not the one asked at the top.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { releasedSlots } from '../../../src/analysis/flow/index.js';
import { sessionOf } from '../../../src/analysis/session.js';
import { inMemoryProgram } from '../inMemoryProgram.js';
import { OPTIONS } from './harness.js';

// `a` hands the meter to `b` on one path only; `b` stops it on one path and hands it back to `a`
// on the other. Neither releases it on every path.
const SOURCE = `
interface Meter { stop(): void }
export function a(meter: Meter, n: number): void { if (n > 0) b(meter, n - 1); }
export function b(meter: Meter, n: number): void { if (n > 0) a(meter, n - 1); else meter.stop(); }
`;

function helpers(): { a: ts.FunctionDeclaration; b: ts.FunctionDeclaration; session: ReturnType<typeof sessionOf> } {
  const program = inMemoryProgram(new Map([['/project/helpers.ts', SOURCE]]));
  const functions = program.getSourceFile('/project/helpers.ts')!.statements.filter(ts.isFunctionDeclaration);
  return { a: functions[0]!, b: functions[1]!, session: sessionOf(program) };
}

describe('helper summaries', () => {
  it('answer a helper in a recursion the same whether or not another helper of it was asked first', () => {
    const fresh = helpers();
    const alone = releasedSlots(fresh.b, 0, OPTIONS, fresh.session);
    const after = helpers();
    releasedSlots(after.a, 0, OPTIONS, after.session);
    expect(releasedSlots(after.b, 0, OPTIONS, after.session)).toEqual(alone);
    expect(alone).toEqual([]);
  });

  it('find neither helper releasing the meter on every path', () => {
    const { a, b, session } = helpers();
    expect([releasedSlots(a, 0, OPTIONS, session), releasedSlots(b, 0, OPTIONS, session)]).toEqual([[], []]);
  });

  it('keep apart options that differ only in the methods limited to a record’s fields', () => {
    const program = inMemoryProgram(
      new Map([['/project/stopper.ts', 'interface Meter { stop(): void }\nexport function halt(meter: Meter): void { meter.stop(); }\n']]),
    );
    const halt = program.getSourceFile('/project/stopper.ts')!.statements.find(ts.isFunctionDeclaration)!;
    const session = sessionOf(program);
    // On a record, `stop` releases only a field: `record.stop()` calls a callback.
    const onRecords = { ...OPTIONS, releases: { ...OPTIONS.releases, fieldMethods: new Set(['stop']) } };
    expect(releasedSlots(halt, 0, onRecords, session)).toEqual([]);
    expect(releasedSlots(halt, 0, OPTIONS, session)).toEqual(['*']);
  });
});
