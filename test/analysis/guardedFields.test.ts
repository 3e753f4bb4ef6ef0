// Fields a file fills only under a flag of the same object, read from the file's text alone.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { guardedFieldsOf } from '../../src/analysis/syntax/guardedFields.js';

const guarded = (text: string) => guardedFieldsOf(ts.createSourceFile('/project/file.ts', text, ts.ScriptTarget.ES2022, true));

const REQUEST = `interface Request { noResponse: boolean; quiet: boolean; timer: NodeJS.Timeout | null; retry: NodeJS.Timeout | null }`;

describe('guardedFieldsOf', () => {
  it('finds a field filled only under a flag, with the value the flag has there (through `!`, in the else branch, past another if)', () => {
    const found = guarded(`${REQUEST}
export function arm(request: Request, later: boolean) {
  if (!request.noResponse) { if (later) request.timer = setTimeout(() => {}, 1); }
  if (request.quiet) {} else request.retry = setTimeout(() => {}, 1);
  request.timer = null;
}`);
    expect(Object.fromEntries(found)).toEqual({ noResponse: [{ field: 'timer', filledWhen: false }], quiet: [{ field: 'retry', filledWhen: false }] });
  });

  it('finds nothing for a field also filled with no flag asked, or in an object literal', () => {
    const found = guarded(`${REQUEST}
export function arm(request: Request, other: Request) {
  if (!request.noResponse) request.timer = setTimeout(() => {}, 1);
  other.timer = setTimeout(() => {}, 1);
  const made = { retry: setTimeout(() => {}, 1) };
  if (request.quiet) request.retry = setTimeout(() => {}, 1);
  void made;
}`);
    expect(found.size).toBe(0);
  });

  it('finds nothing where the flag and the field are not members of one type the file declares', () => {
    const found = guarded(`import type { Request } from './request.js';
export function arm(request: Request) {
  if (!request.noResponse) request.timer = setTimeout(() => {}, 1);
}`);
    expect(found.size).toBe(0);
  });

  it('finds a field given only in literals made with one flag, `true` or `false`, that nothing assigns', () => {
    const SUBSCRIPTION = `interface Subscription { subscribed: boolean; topic: string; source?: EventSource }`;
    const made = (more = '') => `${SUBSCRIPTION}
export function open(topic: string, hub: string | null): Subscription {
  if (hub === null) return { subscribed: false, topic };
  return { subscribed: true, topic, source: new EventSource(hub) };
}${more}`;
    expect(Object.fromEntries(guarded(made()))).toEqual({ subscribed: [{ field: 'source', filledWhen: true }] });
    // The flag assigned later, or a second flag in the literal: its first value says nothing for good.
    expect(guarded(made('\nexport function pause(s: Subscription) { s.subscribed = false; }')).size).toBe(0);
    expect(guarded(made().replace('{ subscribed: true, topic,', '{ subscribed: true, live: true, topic,')).size).toBe(0);
  });

  it('finds a field every record is made with beside another that never holds a falsy value and that nothing assigns or deletes', () => {
    const SUBSCRIPTION = `interface Subscription { topic: string; source?: EventSource; listener?: (event: MessageEvent) => void }`;
    const made = (listener: string, more = '') => `${SUBSCRIPTION}
export function open(topic: string, hub: string): Subscription {
  const listener = ${listener};
  return { topic, source: new EventSource(hub), listener };
}${more}`;
    // `topic` too is given only in that literal: where either is missing, so is it.
    expect(Object.fromEntries(guarded(made('(event: MessageEvent) => console.log(event)')))).toEqual({
      listener: [
        { field: 'topic', filledWhen: true },
        { field: 'source', filledWhen: true },
      ],
      source: [
        { field: 'topic', filledWhen: true },
        { field: 'listener', filledWhen: true },
      ],
    });
    // A shorthand of a value that may be falsy, or a field deleted later, is no sign; a field also filled apart has none.
    expect(guarded(made('Math.random() > 0.5 ? undefined : (event: MessageEvent) => console.log(event)')).has('listener')).toBe(false);
    expect(guarded(made('() => {}', '\nexport function quiet(s: Subscription) { delete s.listener; }')).has('listener')).toBe(false);
    expect(
      guarded(made('() => {}', '\nexport function reopen(s: Subscription, hub: string) { s.source = new EventSource(hub); }'))
        .get('listener')
        ?.some((guarded) => guarded.field === 'source'),
    ).toBe(false);
  });
});
