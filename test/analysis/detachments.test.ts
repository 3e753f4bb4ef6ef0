// Which calls take a container's values back from what they listen to, as one walk of a class reads
// them: the calls' names and their receivers, and never an insertion named like one (`unshift`).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { detachmentsOfItsValues } from '../../src/analysis/containers/ownership.js';
import { sessionOf } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
interface Emitter { on(e: string, f: () => void): void; off(e: string, f: () => void): void }
interface Router { unroute(f: () => void): void }
declare function router(): Router;
export class Hub {
  readonly byEvent = new Map<string, () => void>();
  readonly routes: Record<string, () => void> = {};
  readonly queued: (() => void)[] = [];
  readonly log: (() => void)[] = [];
  constructor(private readonly emitter: Emitter) {}
  drop(key: string): void {
    const fn = this.byEvent.get(key);
    if (fn) this.emitter.off('change', fn);
    router().unroute(this.routes[key]);
    this.log.unshift(this.queued[0]!);
  }
  onlyIf(detach: boolean, key: string): void {
    if (detach) this.emitter.off('other', this.log[0]!);
  }
}
`;

describe('values taken back from what they listen to', () => {
  const program = inMemoryProgram(new Map([['/project/hub.ts', SOURCE]]));
  const session = sessionOf(program);
  const scope = program.getSourceFile('/project/hub.ts')!.statements.find(ts.isClassDeclaration)!;
  const of = (text: string) => detachmentsOfItsValues({ scope, text }, session);

  it('names the call and its receiver, for a value read into a local first', () => {
    expect(of('this.byEvent')).toEqual({ methods: new Set(['off']), receivers: new Set(['this.emitter']) });
  });

  it('keeps a receiver no text names as unnamed', () => {
    expect(of('this.routes')).toEqual({ methods: new Set(['unroute']), receivers: new Set([undefined]) });
  });

  it("does not read an insertion into another list (`unshift`) as taking a value back, nor a call that runs only at the caller's choice", () => {
    expect(of('this.queued')).toBeUndefined();
    expect(of('this.log')).toBeUndefined();
  });
});
