// The dataflow engine's semantics, snippet by snippet, without ESLint: for every `// drop` line,
// which slots are still owed on some normal path (`[]`: released or handed on on every path).
// Release vocabulary: methods stop/close/terminate/kill, functions clearTimeout/clearInterval.
import { describe, expect, it } from 'vitest';

import { judge } from './harness.js';

interface Row {
  name: string;
  code: string;
  /** Owed slots of each `// drop` line, in source order. */
  owed: string[][];
}

const PRELUDE = `
interface Meter { stop(): void }
interface Slot { timer: number; worker: Meter }
declare const meters: Map<string, Meter>;
declare const slots: Map<string, Slot>;
declare const byId: Record<string, Meter>;
declare const stack: Meter[];
declare function log(...values: unknown[]): void;
declare function keep(value: unknown): void;
declare function make(): Meter;
declare function check(): boolean;
interface Proc { readonly pid?: number; kill(): void }
declare const procs: Map<string, Proc>;
declare function treeKill(pid: number, signal?: string | number): void;
declare const process: { kill(pid: number, signal?: string | number): void };
`;

/** VS Code's `dispose(arg)`: one value, or each element of an array, told apart by `Array.isArray`. */
const DISPOSE_EITHER = `function disposeEither(arg: Meter | Meter[] | undefined) {
  if (!arg) return arg;
  if (Array.isArray(arg)) { for (const m of arg) m.stop(); return []; }
  arg.stop();
  return arg;
}`;

function table(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(row.name, () => {
        const judged = judge(PRELUDE + row.code);
        expect(judged.map((entry) => entry.owed)).toEqual(row.owed);
      });
    }
  });
}

table('straight-line code', [
  {
    name: 'a key found empty, then given a value, owes it when deleted',
    code: `function f(k: string) { if (meters.has(k)) return; meters.set(k, make()); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a second pop() takes the next value, owed although the first one taken was released',
    code: `function f() { const first = stack.pop(); // drop\n first?.stop(); const m = stack.pop(); // drop\n log(m); }`,
    owed: [[], ['*']],
  },
  {
    name: 'two values taken from a list, each released',
    code: `function f() { const a = stack.shift(); // drop\n const b = stack.shift(); // drop\n a?.stop(); b?.stop(); }`,
    owed: [[], []],
  },
  {
    name: 'released through a chained call of a method declared to return this',
    code: `interface Emitter { quiet(): this; stop(): void }\ndeclare const emitters: Map<string, Emitter>;\nfunction f(k: string) { emitters.get(k)?.quiet().stop(); emitters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a chained call of a method declared to return another value of the type releases that one',
    code: `interface Emitter { next(): Emitter; stop(): void }\ndeclare const emitters: Map<string, Emitter>;\nfunction f(k: string) { emitters.get(k)?.next().stop(); emitters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  { name: 'a delete without a release owes the value', code: `function f(k: string) { meters.delete(k); // drop\n}`, owed: [['*']] },
  { name: 'released through get() before the delete', code: `function f(k: string) { meters.get(k)?.stop(); meters.delete(k); // drop\n}`, owed: [[]] },
  {
    name: 'released through an alias after the delete',
    code: `function f(k: string) { const old = meters.get(k); meters.delete(k); // drop\n old?.stop(); }`,
    owed: [[]],
  },
  {
    name: 'released through an alias after a delete made on one branch only',
    code: `function f(k: string) { const old = meters.get(k); if (check()) meters.delete(k); // drop\n old?.stop(); }`,
    owed: [[]],
  },
  {
    name: 'an alias released after the join pays the drop it names, but not for what it named on the other branch',
    code: `function f(k: string, j: string) { let old = meters.get(k); if (check()) { meters.delete(k); // drop\n } else { old = meters.get(j); } old?.stop(); meters.delete(j); // drop\n}`,
    owed: [[], ['*']],
  },
  {
    name: 'a release after the join under another test leaves the drop owed',
    code: `function f(k: string) { const old = meters.get(k); if (check()) meters.delete(k); // drop\n if (check()) old?.stop(); }`,
    owed: [['*']],
  },
  {
    name: 'an alias of another key releases nothing here',
    code: `function f(k: string, j: string) { meters.get(j)?.stop(); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'handed on: returned after the delete',
    code: `function f(k: string) { const old = meters.get(k); meters.delete(k); // drop\n return old; }`,
    owed: [[]],
  },
  {
    name: 'handed on: passed to a function that may keep it',
    code: `function f(k: string) { const old = meters.get(k); meters.delete(k); // drop\n keep(old); }`,
    owed: [[]],
  },
  {
    name: 'only looked at: logging does not hand it on',
    code: `function f(k: string) { const old = meters.get(k); meters.delete(k); // drop\n log(old); }`,
    owed: [['*']],
  },
  { name: 'the object-map delete operator', code: `function f(k: string) { byId[k]?.stop(); delete byId[k]; // drop\n}`, owed: [[]] },
  { name: 'an assignment over a key owes what was there', code: `function f(k: string) { byId[k] = make(); // drop\n}`, owed: [['*']] },
]);

table('branches and tests', [
  {
    name: 'a name given what one drop takes on one branch and another on the other, released once after',
    code: `function f() { let m: Meter | undefined; if (check()) m = stack.pop(); // drop\n else m = stack.shift(); // drop\n m?.stop(); }`,
    owed: [[], []],
  },
  {
    name: 'a name given what one drop takes on one branch and another on the other, released on one branch only',
    code: `function f() { let m: Meter | undefined; if (check()) m = stack.pop(); // drop\n else m = stack.shift(); // drop\n if (check()) m?.stop(); }`,
    owed: [['*'], ['*']],
  },
  {
    name: 'released on one branch only',
    code: `function f(k: string, graceful: boolean) { if (graceful) meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'released on both branches',
    code: `function f(k: string) { if (check()) meters.get(k)?.stop(); else meters.get(k)!.stop(); meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a has() miss proves the place empty before set()',
    code: `function f(k: string) { if (!meters.has(k)) meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  { name: 'a has() hit proves nothing', code: `function f(k: string) { if (meters.has(k)) meters.set(k, make()); // drop\n}`, owed: [['*']] },
  {
    name: 'a has() miss through a local that spells the key proves the place empty',
    code: `function f(k: string) { const key = k; if (!meters.has(key)) meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a has() miss on the key proves empty the place a local spelling it names',
    code: `function f(k: string) { const key = k; if (!meters.has(k)) meters.set(key, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a local that spelled the key before it changed proves nothing',
    code: `function f(k: string, j: string) { const key = k; k = j; if (!meters.has(key)) meters.set(k, make()); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'an await after a has() miss lets another call fill a shared container: the set() owes',
    code: `async function f(k: string) { if (meters.has(k)) return; await Promise.resolve(); meters.set(k, make()); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'an await before the has() miss changes nothing',
    code: `async function f(k: string) { await Promise.resolve(); if (meters.has(k)) return; meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a container this function made is its own while it awaits',
    code: `async function f(k: string) { const own = new Map<string, Meter>(); if (own.has(k)) return; await Promise.resolve(); own.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a release before an await stays a release',
    code: `async function f(k: string) { meters.get(k)?.stop(); await Promise.resolve(); meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'an early return on a present key guards the set()',
    code: `function f(k: string) { if (meters.has(k)) return; meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'if (old) old.stop() before set()',
    code: `function f(k: string) { const old = meters.get(k); if (old) old.stop(); meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'old === undefined on the other side',
    code: `function f(k: string) { const old = meters.get(k); if (old !== undefined) old.stop(); meters.set(k, make()); // drop\n}`,
    owed: [[]],
  },
  {
    name: '&& short-circuit: released only when the left side holds',
    code: `function f(k: string) { check() && meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a conditional expression releasing on both sides',
    code: `function f(k: string) { check() ? meters.get(k)?.stop() : meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'two tests of the same unchanged parameter, one releasing on each answer, release on every path',
    code: `function f(k: string, g: boolean) { if (g) meters.get(k)?.stop(); if (!g) meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'the same parameter tested the same way twice releases on one answer only',
    code: `function f(k: string, g: boolean) { if (g) meters.get(k)?.stop(); if (g) log(k); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a name assigned between its two tests may answer differently',
    code: `function f(k: string, g: boolean) { if (g) meters.get(k)?.stop(); g = check(); if (!g) meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a let a closure can change is not trusted to answer the same',
    code: `function f(k: string) { let g = check(); const flip = () => { g = !g; }; if (g) meters.get(k)?.stop(); flip(); if (!g) meters.get(k)?.stop(); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a const tested on both answers across a loop of calls releases on every path',
    code: `const g = check();\nfunction f(k: string) { if (!g) meters.get(k)?.stop(); log(k); keep(k); if (g) { meters.get(k)?.stop(); } meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'released before the drop under one answer of a parameter, after it under the other: nothing is owed',
    code: `function f(k: string, force: boolean) { const m = meters.get(k); if (!force) m?.stop(); meters.delete(k); // drop\n if (force) m?.stop(); }`,
    owed: [[]],
  },
  {
    name: 'released before the drop under one answer only, and not after it: owed',
    code: `function f(k: string, force: boolean) { const m = meters.get(k); if (!force) m?.stop(); meters.delete(k); // drop\n if (!force) log(m); }`,
    owed: [['*']],
  },
  {
    name: 'the place compared equal to the value stored again holds it: storing it drops nothing',
    code: `function f(k: string) { const next = make(); if (meters.get(k) !== next) meters.get(k)?.stop(); meters.set(k, next); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a container that is not there drops nothing when it is reset',
    code: `class C { list: Meter[] | undefined; reset() { if (this.list) for (const m of this.list) m.stop(); this.list = undefined; // drop\n } }`,
    owed: [[]],
  },
  {
    name: 'a delete whose answer gates the release: false means nothing was removed',
    code: `function f(k: string) { const old = meters.get(k); if (meters.delete(k)) { // drop\n old?.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'a delete whose answer gates something else still drops the value when true',
    code: `function f(k: string) { if (meters.delete(k)) { // drop\n log(k); } }`,
    owed: [['*']],
  },
  {
    name: 'a delete answered false leaves an earlier drop of the same place owed',
    code: `function f(k: string) { meters.set(k, make()); // drop\n if (!meters.delete(k)) { // drop\n return; } meters.get(k)?.stop(); }`,
    owed: [['*'], ['*']],
  },
  {
    name: 'switch: the release falls through to the dropping case',
    code: `function f(k: string, s: number) { switch (s) { case 1: meters.get(k)?.stop(); case 2: meters.delete(k); // drop\n break; } }`,
    owed: [['*']],
  },
]);

table('loops', [
  {
    name: 'every value released in a for..of, then clear()',
    code: `function f() { for (const m of meters.values()) m.stop(); meters.clear(); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'some values released, then clear()',
    code: `function f() { for (const m of meters.values()) if (check()) m.stop(); meters.clear(); // drop\n}`,
    owed: [['*']],
  },
  { name: 'forEach releasing each value, then clear()', code: `function f() { meters.forEach((m) => m.stop()); meters.clear(); // drop\n}`, owed: [[]] },
  {
    name: 'entries released by key inside the loop, then clear()',
    code: `function f() { for (const [k, m] of meters) { m.stop(); } meters.clear(); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a drop inside a loop released in the same iteration',
    code: `function f(keys: string[]) { for (const k of keys) { meters.get(k)?.stop(); meters.delete(k); // drop\n } }`,
    owed: [[]],
  },
  {
    name: 'a break before the release leaves it owed',
    code: `function f(keys: string[]) { for (const k of keys) { meters.delete(k); // drop\n if (check()) break; } }`,
    owed: [['*']],
  },
  {
    name: 'labelled continue skips the release',
    code: `function f(keys: string[]) { outer: for (const k of keys) { const old = meters.get(k); meters.delete(k); // drop\n for (const j of keys) { if (j === k) continue outer; } old?.stop(); } }`,
    owed: [['*']],
  },
  {
    name: 'keys pushed once their value was released, then deleted from a second loop',
    code: `function f() { const ks: string[] = []; for (const [k, m] of meters) { if (check()) { m.stop(); ks.push(k); } } for (const k of ks) meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'keys pushed without releasing their value leave the second loop owing',
    code: `function f() { const ks: string[] = []; for (const [k, m] of meters) { if (check()) ks.push(k); else m.stop(); } for (const k of ks) meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a key list handed to another function is not trusted',
    code: `function f() { const ks: string[] = []; for (const [k, m] of meters) { if (check()) { m.stop(); ks.push(k); } } keep(ks); for (const k of ks) meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'from real code (vscode-go): an entry destructured inside the loop, its value stopped after its key is deleted',
    code: `function f() { for (const entry of meters) { const [key, meter] = entry; meters.delete(key); // drop\n meter.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'a value taken by an assignment in the loop test and released in the body owes nothing (the last test finds nothing taken)',
    code: `function f() { let m: Meter | undefined; while ((m = stack.pop())) { // drop\n m.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'a value taken by an assignment in the loop test and only logged is owed',
    code: `function f() { let m: Meter | undefined; while ((m = stack.pop())) { // drop\n log(m); } }`,
    owed: [['*']],
  },
  {
    name: 'an assignment in the loop test compared with undefined',
    code: `function f() { let m: Meter | undefined; while ((m = stack.shift()) !== undefined) { // drop\n m.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'taken before the loop and again at the end of each turn, released in each turn',
    code: `function f() { let m = stack.pop(); // drop\n while (m) { m.stop(); m = stack.pop(); // drop\n } }`,
    owed: [[], []],
  },
  {
    name: 'taken again at the end of each turn before the last one was released: both owe',
    code: `function f() { let m = stack.pop(); // drop\n while (m) { m = stack.pop(); // drop\n } }`,
    owed: [['*'], ['*']],
  },
  {
    name: 'a turn that breaks when nothing was taken and releases what was',
    code: `function f() { for (;;) { const m = stack.pop(); // drop\n if (!m) break; m.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'a turn that breaks when nothing was taken and only logs what was: the last test speaks of another value',
    code: `function f() { for (;;) { const m = stack.pop(); // drop\n if (!m) break; log(m); } }`,
    owed: [['*']],
  },
  {
    name: 'an entry destructured inside the loop, its key deleted and its value left running',
    code: `function f() { for (const entry of meters) { const [key, meter] = entry; meters.delete(key); // drop\n log(meter); } }`,
    owed: [['*']],
  },
]);

table('try, catch, finally, throw and return', [
  {
    name: 'released in finally',
    code: `function f(k: string) { const old = meters.get(k); try { meters.delete(k); // drop\n } finally { old?.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'released only in catch',
    code: `function f(k: string) { const old = meters.get(k); try { meters.delete(k); // drop\n } catch { old?.stop(); } }`,
    owed: [['*']],
  },
  {
    name: 'a release guarded against failure',
    code: `function f(k: string) { try { meters.get(k)?.stop(); } catch {} meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a path that throws owes nothing',
    code: `function f(k: string) { const old = meters.get(k); meters.delete(k); // drop\n if (!old) throw new Error('gone'); old.stop(); }`,
    owed: [[]],
  },
  {
    name: 'a return inside try runs the finally first',
    code: `function f(k: string) { const old = meters.get(k); try { meters.delete(k); // drop\n return; } finally { old?.stop(); } }`,
    owed: [[]],
  },
  {
    name: 'a Promise executor runs inline',
    code: `function f(k: string) { return new Promise<void>((resolve) => { meters.get(k)?.stop(); meters.delete(k); // drop\n resolve(); }); }`,
    owed: [[]],
  },
]);

table('records and field aliases', [
  {
    name: 'every field released',
    code: `function f(k: string) { const s = slots.get(k)!; clearTimeout(s.timer); s.worker.stop(); slots.delete(k); // drop timer,worker\n}`,
    owed: [[]],
  },
  {
    name: 'one field forgotten',
    code: `function f(k: string) { const s = slots.get(k)!; clearTimeout(s.timer); slots.delete(k); // drop timer,worker\n}`,
    owed: [['worker']],
  },
  {
    name: 'a destructured field released through its name',
    code: `function f(k: string) { const { timer, worker } = slots.get(k)!; clearTimeout(timer); worker.stop(); slots.delete(k); // drop timer,worker\n}`,
    owed: [[]],
  },
  {
    name: 'a parameter named like a field that a closed block destructured releases nothing of the record',
    code: `function f(k: string, timer: number) { { const { timer } = slots.get(k)!; log(timer); } clearTimeout(timer); slots.delete(k); // drop timer\n}`,
    owed: [['timer']],
  },
  {
    name: 'a field alias made on one branch only does not release on the other',
    code: `function f(k: string, timer: number) { if (check()) { const { timer: t } = slots.get(k)!; clearTimeout(t); } clearTimeout(timer); slots.delete(k); // drop timer\n}`,
    owed: [['timer']],
  },
  {
    name: 'a field read into a local before the delete and released after it (destructured or read by name)',
    code: `function f(k: string) { const { worker } = slots.get(k)!; slots.delete(k); // drop worker\n worker.stop(); }\nfunction g(k: string) { const s = slots.get(k)!; const w = s.worker; slots.delete(k); // drop worker\n w.stop(); }`,
    owed: [[], []],
  },
  {
    name: 'from real code (xterm.js): a let given the field of the value deleted on one branch, released after the join',
    code: `declare let active: Meter | null;\nfunction f(k: string) { const s = slots.get(k); let w = active; if (s) { w = s.worker; slots.delete(k); // drop worker\n } if (w) w.stop(); }`,
    owed: [[]],
  },
  {
    name: 'that let released after the join only under another test leaves the field owed',
    code: `declare let active: Meter | null;\nfunction f(k: string) { const s = slots.get(k); let w = active; if (s) { w = s.worker; slots.delete(k); // drop worker\n } if (check()) w?.stop(); }`,
    owed: [['worker']],
  },
  {
    name: 'a local read from another field releases nothing of the one owed',
    code: `function f(k: string) { const s = slots.get(k)!; const t = s.timer; slots.delete(k); // drop timer,worker\n clearTimeout(t); }`,
    owed: [['worker']],
  },
  {
    name: 'stored fields are known by name after set()',
    code: `function f(k: string, timer: number, worker: Meter) { slots.set(k, { timer, worker }); // drop timer,worker\n }`,
    owed: [['timer', 'worker']],
  },
]);

table('helpers', [
  {
    name: 'a helper handed to forEach that releases each value, then clear()',
    code: `function stopIt(m: Meter) { m.stop(); }\nfunction f() { meters.forEach(stopIt); meters.clear(); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a helper handed to forEach that only logs each value leaves them owed',
    code: `function look(m: Meter) { log(m); }\nfunction f() { meters.forEach(look); meters.clear(); // drop\n}`,
    owed: [['*']],
  },
  {
    name: "a helper handed to forEach that releases each record's fields",
    code: `function end(s: Slot) { clearTimeout(s.timer); s.worker.stop(); }\nfunction f() { slots.forEach(end); slots.clear(); // drop timer,worker\n}`,
    owed: [[]],
  },
  {
    name: "a helper handed to forEach that releases one of each record's fields leaves the other owed",
    code: `function end(s: Slot) { clearTimeout(s.timer); }\nfunction f() { slots.forEach(end); slots.clear(); // drop timer,worker\n}`,
    owed: [['worker']],
  },
  {
    name: 'a helper that releases its argument',
    code: `function stopIt(m: Meter | undefined) { m?.stop(); }\nfunction f(k: string) { stopIt(meters.get(k)); meters.delete(k); // drop\n}`,
    owed: [[]],
  },
  {
    name: 'a helper that releases only sometimes',
    code: `function maybeStop(m: Meter | undefined) { if (check()) m?.stop(); }\nfunction f(k: string) { maybeStop(meters.get(k)); meters.delete(k); // drop\n}`,
    owed: [['*']],
  },
  {
    name: 'a method that releases and removes by key, called through this',
    code: `class Registry { private meters = new Map<string, Meter>(); private drop(k: string) { this.meters.get(k)?.stop(); this.meters.delete(k); } replace(k: string) { this.drop(k); this.meters.set(k, make()); // drop\n } }`,
    owed: [[]],
  },
  {
    name: 'a helper telling an array from one value (Array.isArray) releases every element of the array, and the one value',
    code: `${DISPOSE_EITHER}\nfunction f(k: string) { disposeEither(meters.get(k)!); meters.delete(k); // drop\n disposeEither([...meters.values()]); meters.clear(); // drop\n}`,
    owed: [[], []],
  },
  {
    name: 'a helper that releases one value and returns an array as it came releases no element',
    code: `function stopOne(arg: Meter | Meter[]) { if (Array.isArray(arg)) return; arg.stop(); }\nfunction f(k: string) { stopOne(meters.get(k)!); meters.delete(k); // drop\n stopOne([...meters.values()]); meters.clear(); // drop\n}`,
    owed: [[], ['*']],
  },
  {
    name: 'a helper that releases every element of an array and leaves one value alone releases no single value',
    code: `function stopEach(arg: Meter | Meter[]) { if (!Array.isArray(arg)) return; for (const m of arg) m.stop(); }\nfunction f(k: string) { stopEach(meters.get(k)!); meters.delete(k); // drop\n stopEach([...meters.values()]); meters.clear(); // drop\n}`,
    owed: [['*'], []],
  },
  {
    name: 'a value deleted by key just before every value left is released was kept out of that release: it owes nothing',
    code: `function f(k: string) { meters.delete(k); // drop\n for (const m of meters.values()) m.stop(); }`,
    owed: [[]],
  },
  {
    name: 'a value read at its key before the delete is one the function treats as its own: still owed after every value left is released',
    code: `function f(k: string) { log(meters.get(k)); meters.delete(k); // drop\n for (const m of meters.values()) m.stop(); }`,
    owed: [['*']],
  },
  {
    name: 'the same with the entry read through a method of the object that looks the key up',
    code: `class Registry { private meters = new Map<string, Meter>(); private meterFor(k: string) { return this.meters.get(k); } private stopAll() { for (const m of this.meters.values()) m.stop(); this.meters.clear(); } keepOut(k: string) { log(this.meterFor(k)); this.meters.delete(k); // drop\n this.stopAll(); } }`,
    owed: [['*']],
  },
  {
    name: 'a value replaced at its key before every value is released is still owed',
    code: `function f(k: string) { meters.set(k, make()); // drop\n for (const m of meters.values()) m.stop(); }`,
    owed: [['*']],
  },
  {
    name: 'a method called through this that releases every value, after a delete by key',
    code: `class Registry { private meters = new Map<string, Meter>(); private stopAll() { for (const m of this.meters.values()) m.stop(); this.meters.clear(); } keepOut(k: string) { this.meters.delete(k); // drop\n this.stopAll(); } }`,
    owed: [[]],
  },
  {
    name: "a method of another object of the class releases that object's values, not this one's",
    code: `class Registry { private meters = new Map<string, Meter>(); peer?: Registry; stopAll(_k: string) { for (const m of this.meters.values()) m.stop(); this.meters.clear(); } drop(k: string) { this.peer?.stopAll(k); this.meters.delete(k); // drop\n } }`,
    owed: [['*']],
  },
  {
    name: 'a method that only starts an empty map (Object.create(null) or a new Map) releases nothing, after a delete by key',
    code: `class Registry { private meters: Record<string, Meter> = Object.create(null); private forget() { this.meters = Object.create(null); } keepOut(k: string) { delete this.meters[k]; // drop\n this.forget(); } }`,
    owed: [['*']],
  },
]);

table('processes', [
  {
    name: 'a process killed by its id is released; one without an id never started',
    code: `function f(k: string) { const p = procs.get(k); if (p?.pid) process.kill(p.pid); procs.delete(k); // drop
}`,
    owed: [[]],
  },
  {
    name: 'a kill-named function given the id releases the process',
    code: `function f(k: string) { const p = procs.get(k); if (p?.pid) treeKill(p.pid, 'SIGKILL'); procs.delete(k); // drop
}`,
    owed: [[]],
  },
  {
    name: 'signal 0 only asks whether the process is alive',
    code: `function f(k: string) { const p = procs.get(k); if (p?.pid) treeKill(p.pid, 0); procs.delete(k); // drop
}`,
    owed: [['*']],
  },
  {
    name: 'an id handed to a function that is not a kill releases nothing',
    code: `function f(k: string) { const p = procs.get(k); if (p?.pid) log(p.pid); procs.delete(k); // drop
}`,
    owed: [['*']],
  },
]);

table('lists of keys written out, and keys walked by forEach', [
  {
    name: 'a loop over a written list releases the value at each key it names',
    code: `function f(a: string, b: string) { for (const k of [a, b]) meters.get(k)?.stop(); meters.delete(a); // drop
 meters.delete(b); // drop
}`,
    owed: [[], []],
  },
  {
    name: 'a key the written list does not name is still owed',
    code: `function f(a: string, b: string) { for (const k of [a]) meters.get(k)?.stop(); meters.delete(b); // drop
}`,
    owed: [['*']],
  },
  {
    name: 'a loop that may break early is walked as any loop: the second key may be left',
    code: `function f(a: string, b: string) { for (const k of [a, b]) { if (check()) break; meters.get(k)?.stop(); } meters.delete(b); // drop
}`,
    owed: [['*']],
  },
  {
    name: 'forEach over a written list runs its callback once per key',
    code: `function f(a: string, b: string) { [a, b].forEach((k) => meters.get(k)?.stop()); meters.delete(b); // drop
}`,
    owed: [[]],
  },
  {
    name: 'forEach over the keys of an object map releases every value its turn releases',
    code: `function f(x: string) { Object.keys(byId).forEach((k) => byId[k].stop()); delete byId[x]; // drop
}`,
    owed: [[]],
  },
  {
    name: 'a turn that releases only under a test leaves the values it skips',
    code: `function f(x: string) { Object.keys(byId).forEach((k) => { if (check()) byId[k].stop(); }); delete byId[x]; // drop
}`,
    owed: [['*']],
  },
  {
    name: 'a helper that walks the key it is given, or every key when given none, releases the key given',
    code: `function clear(index?: string) { const keys = index !== undefined ? [index] : Object.keys(byId); keys.forEach((k) => byId[k].stop()); }
function f(x: string) { clear(x); byId[x] = make(); // drop
}`,
    owed: [[]],
  },
  {
    name: 'the same walked by a for…of loop',
    code: `function clear(index?: string) { const keys = index !== undefined ? [index] : Object.keys(byId); for (const k of keys) byId[k].stop(); }
function f(x: string) { clear(x); byId[x] = make(); // drop
}`,
    owed: [[]],
  },
  {
    name: 'a for…of side that walks another key leaves the one given',
    code: `function clear(index?: string, other?: string) { const keys = index !== undefined ? [other ?? ''] : Object.keys(byId); for (const k of keys) byId[k].stop(); }
function f(x: string) { clear(x); byId[x] = make(); // drop
}`,
    owed: [['*']],
  },
  {
    name: 'a list chosen by a test of a field, which may answer otherwise by the walk, is walked as any list',
    code: `declare const state: { index?: string };
function clear(index?: string) { const keys = state.index !== undefined ? [index!] : Object.keys(byId); keys.forEach((k) => byId[k].stop()); }
function f(x: string) { clear(x); byId[x] = make(); // drop
}`,
    owed: [['*']],
  },
]);
