// Generated pathological inputs for the stress run, written to `<outDir>/gen/` with their own
// tsconfig. Every file keeps resources (timers, sockets, watchers, classes with stop()) in Maps,
// Sets, arrays and object maps, with visible insertions of values it creates, so that the
// plugin's analysis runs on it rather than bailing out at the first type check.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function genTsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'ESNext.Disposable', 'ESNext.Decorators', 'DOM'],
      types: ['node'],
      strict: false,
      noImplicitAny: false,
      noEmit: true,
      skipLibCheck: true,
      jsx: 'preserve',
      allowUnreachableCode: true,
      allowUnusedLabels: true,
    },
    include: ['**/*.ts', '**/*.tsx'],
  };
}

/** Resource types shared by the generated files (each file is a module with its own copy). */
const PRELUDE = `import { createServer, type Socket } from 'node:net';
import { watch, type FSWatcher } from 'node:fs';
import { Worker } from 'node:worker_threads';

export class Meter {
  private timer = setInterval(() => this.tick(), 1000);
  count = 0;
  tick(): void { this.count++; }
  stop(): void { clearInterval(this.timer); }
}
export class Session implements Disposable {
  constructor(readonly id: string) {}
  [Symbol.dispose](): void {}
}
export class Conn { close(): Promise<void> { return Promise.resolve(); } }
export interface Entry { timer: NodeJS.Timeout; meter: Meter; label: string }
declare const someKey: string;
declare const cond: boolean;
`;

const lines = (...parts) => parts.flat(Infinity).join('\n');

// ---------------------------------------------------------------------------------------------
// The 20,000-line file: blocks of Map/Set/array/object-map operations with and without release.

function registryBlock(i) {
  return `
/** Block ${i}. */
export class Registry${i} {
  private meters = new Map<string, Meter>();
  private timers = new Set<NodeJS.Timeout>();
  private sockets: Socket[] = [];
  private watchers: Record<string, FSWatcher> = {};
  private entries = new Map<number, Entry>();
  add(key: string, n: number): void {
    this.meters.set(key, new Meter());
    this.timers.add(setInterval(() => {}, ${1000 + i}));
    this.sockets.push(createServer().listen() as unknown as Socket);
    this.watchers[key] = watch('.');
    this.entries.set(n, { timer: setTimeout(() => {}, 5), meter: new Meter(), label: key });
  }
  remove${i % 2 === 0 ? 'Leaky' : 'Clean'}(key: string, n: number): void {
    ${i % 2 === 0 ? '' : 'this.meters.get(key)?.stop();'}
    this.meters.delete(key);
    ${i % 3 === 0 ? 'const e = this.entries.get(n); if (e) { clearTimeout(e.timer); }' : ''}
    this.entries.delete(n);
    ${i % 2 === 0 ? '' : 'this.watchers[key]?.close();'}
    delete this.watchers[key];
  }
  replace(key: string): void {
    ${i % 4 === 0 ? 'this.meters.get(key)?.stop();' : ''}
    this.meters.set(key, new Meter());
  }
  reset(): void {
    ${i % 5 === 0 ? 'for (const t of this.timers) clearInterval(t);' : ''}
    this.timers.clear();
    ${i % 2 === 0 ? 'for (const s of this.sockets) s.destroy();' : ''}
    this.sockets.length = 0;
    this.sockets.splice(0);
    this.meters.forEach((m) => m.stop());
    this.meters.clear();
  }
  swap(): void {
    this.meters = new Map();
  }
}
const moduleMeters${i} = new Map<string, Meter>();
export function track${i}(k: string): void {
  moduleMeters${i}.set(k, new Meter());
  if (k.length > ${i % 7}) moduleMeters${i}.get(k)?.stop();
  moduleMeters${i}.delete(k);
}
`;
}

function bigFile(targetLines) {
  const parts = [PRELUDE];
  let count = PRELUDE.split('\n').length - 1;
  for (let i = 0; ; i++) {
    const block = registryBlock(i);
    const blockLines = block.split('\n').length - 1;
    if (count + blockLines > targetLines) break;
    parts.push(block);
    count += blockLines;
  }
  // Pad with comment lines to exactly `targetLines` lines.
  while (count < targetLines) {
    parts.push(`// padding ${count}\n`);
    count++;
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Scaling series: the same shape at growing sizes, to catch super-linear analysis.

/** One function body with n drop statements (and releases on some paths). */
function bodyScale(n) {
  const body = [];
  for (let i = 0; i < n; i++) {
    const k = `'k${i % 50}'`;
    switch (i % 6) {
      case 0:
        body.push(`  meters.delete(${k});`);
        break;
      case 1:
        body.push(`  meters.get(${k})?.stop();`, `  meters.delete(${k});`);
        break;
      case 2:
        body.push(`  if (cond) meters.get(${k})?.stop();`, `  meters.set(${k}, new Meter());`);
        break;
      case 3:
        body.push(`  const m${i} = meters.get(${k});`, `  if (m${i}) { m${i}.stop(); meters.delete(${k}); }`);
        break;
      case 4:
        body.push(`  for (const t of timers) if (cond) clearInterval(t);`, `  timers.clear();`);
        break;
      default:
        body.push(`  if (someKey === ${k}) { meters.delete(${k}); } else { meters.get(${k})?.stop(); meters.delete(${k}); }`);
    }
  }
  return lines(
    PRELUDE,
    `const meters = new Map<string, Meter>([['a', new Meter()]]);`,
    `const timers = new Set([setInterval(() => {}, 1)]);`,
    `export function big(): void {`,
    body,
    `}`,
    '',
  );
}

/** n module-level containers, each with a function that drops from it. */
function modulesScale(n) {
  const out = [PRELUDE];
  for (let i = 0; i < n; i++) {
    out.push(
      `const c${i} = new Map<string, Meter>();`,
      `export function put${i}(k: string) { c${i}.set(k, new Meter()); }`,
      `export function drop${i}(k: string) { ${i % 2 ? `c${i}.get(k)?.stop(); ` : ''}c${i}.delete(k); }`,
    );
  }
  return lines(out, '');
}

/** A chain of n helpers; the last one releases. Drops call the first. */
function helperChainScale(n) {
  const out = [PRELUDE, 'const meters = new Map<string, Meter>();', 'export function put(k: string) { meters.set(k, new Meter()); }'];
  for (let i = 0; i < n; i++) out.push(`function release${i}(m: Meter | undefined): void { ${i === n - 1 ? 'm?.stop();' : `release${i + 1}(m);`} }`);
  for (let i = 0; i < Math.min(n, 200); i++) out.push(`export function drop${i}(k: string) { release${i}(meters.get(k)); meters.delete(k); }`);
  return lines(out, '');
}

/** n drops of n different keys in one body of a class method (many candidates, many facts). */
function keysScale(n) {
  const out = [
    PRELUDE,
    'export class Many {',
    '  private meters = new Map<string, Meter>();',
    '  add(k: string) { this.meters.set(k, new Meter()); }',
    '  dropAll(): void {',
  ];
  for (let i = 0; i < n; i++)
    out.push(i % 2 ? `    this.meters.get('key${i}')?.stop();\n    this.meters.delete('key${i}');` : `    this.meters.delete('key${i}');`);
  out.push('  }', '}', '');
  return lines(out);
}

/** A switch of n cases (with fallthrough) and an else-if free flat body. */
function switchScale(n) {
  const out = [
    PRELUDE,
    'const meters = new Map<number, Meter>();',
    'export function put(k: number) { meters.set(k, new Meter()); }',
    'export function drop(k: number, t: number): void {',
    '  switch (t) {',
  ];
  for (let i = 0; i < n; i++) {
    out.push(`    case ${i}:`);
    if (i % 3 === 0) out.push(`      meters.get(k)?.stop();`);
    if (i % 3 !== 2) out.push(`      meters.delete(k);`, `      break;`);
    else out.push('      // falls through');
  }
  out.push('    default:', '      meters.delete(k);', '  }', '}', '');
  return lines(out);
}

/** A loop nest of moderate depth with n sequential loops over containers. */
function loopsScale(n) {
  const out = [
    PRELUDE,
    'const meters = new Map<string, Meter>();',
    'const list: Meter[] = [];',
    'export function put(k: string) { meters.set(k, new Meter()); list.push(new Meter()); }',
    'export function sweep(): void {',
  ];
  for (let i = 0; i < n; i++) {
    out.push(
      `  outer${i}: for (const [k, m] of meters) {`,
      `    for (const other of list) { if (other === m) continue outer${i}; if (cond) break outer${i}; }`,
      `    if (m.count > ${i}) { m.stop(); meters.delete(k); } else if (cond) { meters.delete(k); }`,
      `  }`,
      `  while (list.length > ${i}) { const x = list.pop(); x?.stop(); }`,
    );
  }
  out.push('}', '');
  return lines(out);
}

// ---------------------------------------------------------------------------------------------
// Types: recursive, mutually recursive, huge unions, any.

const RECURSIVE = `${PRELUDE}
type T<X> = { next: T<X>; value: X; stop(): void };
type List<X> = { head: X; tail: List<X> | null };
type Tree<X> = { value: X; children: Tree<X>[]; timer: NodeJS.Timeout };
type Expand<X> = { a: Expand<X[]>; timer: NodeJS.Timeout };            // grows on every expansion
type A<X> = { b: B<X>; timer: NodeJS.Timeout };
type B<X> = { a: A<X[]>; meter: Meter };                               // mutual, and growing
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type DeepRecord<N extends unknown[] = []> = N['length'] extends 20 ? Meter : { t: NodeJS.Timeout; d: DeepRecord<[...N, 0]> };
type Rec = { timer: NodeJS.Timeout; self: Rec; others: Map<string, Rec> };
type Cyclic = Map<string, Cyclic> & { stop(): void };
type Fix<F> = F extends (x: infer X) => unknown ? Fix<X> : F;

interface Parent { children: Map<string, Child>; stop(): void }
interface Child { parent: Parent; siblings: Set<Child>; timer: NodeJS.Timeout }
interface Self extends Disposable { self: Self; map: Map<string, Self> }

export class TreeNode {
  readonly children = new Map<string, TreeNode>();
  parent?: TreeNode;
  private timer = setInterval(() => {}, 10);
  add(k: string): TreeNode { const c = new TreeNode(); c.parent = this; this.children.set(k, c); return c; }
  remove(k: string): void { this.children.delete(k); }
  removeClean(k: string): void { this.children.get(k)?.stop(); this.children.delete(k); }
  stop(): void { clearInterval(this.timer); for (const c of this.children.values()) c.stop(); this.children.clear(); }
}
export class Graph<N extends Graph<N>> {
  readonly edges = new Map<string, N>();
  stop(): void {}
  link(k: string, n: N): void { this.edges.set(k, n); }
  unlink(k: string): void { this.edges.delete(k); }
}

const ts1 = new Map<string, T<number>>();
const lists = new Map<string, List<Meter>>();
const trees = new Map<string, Tree<Meter>>();
const expands = new Map<string, Expand<number>>();
const as = new Map<string, A<string>>();
const bs = new Set<B<string>>();
const jsons = new Map<string, Json>();
const deep = new Map<string, DeepRecord>();
const recs: Record<string, Rec> = {};
const cyc = new Map<string, Cyclic>();
const parents = new Map<string, Parent>();
const children = new Set<Child>();
const selves: Self[] = [];
const fixes = new Map<string, Fix<(x: (y: Meter) => void) => void>>();

declare function make<X>(): X;
export function fill(k: string): void {
  ts1.set(k, make<T<number>>() ?? ({ next: null, value: 1, stop() {} } as any));
  lists.set(k, { head: new Meter(), tail: null });
  trees.set(k, { value: new Meter(), children: [], timer: setInterval(() => {}, 1) });
  expands.set(k, { a: null as any, timer: setTimeout(() => {}, 1) });
  as.set(k, { b: null as any, timer: setTimeout(() => {}, 1) });
  bs.add({ a: null as any, meter: new Meter() });
  jsons.set(k, { a: [1, 'x', null] });
  deep.set(k, { t: setTimeout(() => {}, 1), d: null as any });
  recs[k] = { timer: setTimeout(() => {}, 1), self: null as any, others: new Map() };
  cyc.set(k, Object.assign(new Map(), { stop() {} }));
  parents.set(k, { children: new Map(), stop() {} });
  children.add({ parent: null as any, siblings: new Set(), timer: setInterval(() => {}, 1) });
  selves.push({ self: null as any, map: new Map(), [Symbol.dispose]() {} });
  fixes.set(k, new Meter());
}
export function drop(k: string, c: Child, b: B<string>): void {
  ts1.delete(k); ts1.get(k)?.next.next.next.stop(); ts1.set(k, make());
  lists.delete(k);
  trees.get(k)?.children.forEach((t) => clearInterval(t.timer));
  trees.delete(k);
  expands.get(k)?.a.a.a.a.a.timer;
  expands.delete(k);
  as.get(k)?.b.a.b.a.timer;
  as.delete(k); bs.delete(b); bs.clear();
  jsons.delete(k);
  deep.delete(k);
  recs[k]?.others.clear();
  delete recs[k];
  cyc.get(k)?.get(k)?.get(k)?.stop();
  cyc.delete(k);
  parents.get(k)?.children.get(k)?.parent.children.clear();
  parents.delete(k);
  children.delete(c); c.siblings.clear();
  selves.splice(0, 1); selves.length = 0;
  fixes.delete(k);
}
export function walk(t: Tree<Meter>, seen = new Set<Tree<Meter>>()): void {
  if (seen.has(t)) return;
  seen.add(t);
  for (const c of t.children) walk(c, seen);
  trees.delete(String(t.value.count));
}
`;

const MUTUAL = `${PRELUDE}
// Helpers that call each other: summaries must not recurse for ever.
const meters = new Map<string, Meter>();
export function put(k: string) { meters.set(k, new Meter()); }
function ping(m: Meter | undefined, n: number): void { if (n > 0) pong(m, n - 1); else m?.stop(); }
function pong(m: Meter | undefined, n: number): void { if (n > 0) ping(m, n - 1); }
function self(m: Meter | undefined): void { self(m); }
function a(m: Meter | undefined): void { b(m); }
function b(m: Meter | undefined): void { c(m); }
function c(m: Meter | undefined): void { a(m); }
const arrow1 = (m?: Meter): void => arrow2(m);
const arrow2 = (m?: Meter): void => arrow1(m);
export function drop1(k: string) { ping(meters.get(k), 3); meters.delete(k); }
export function drop2(k: string) { self(meters.get(k)); meters.delete(k); }
export function drop3(k: string) { a(meters.get(k)); meters.delete(k); }
export function drop4(k: string) { arrow1(meters.get(k)); meters.delete(k); }
export function drop5(k: string) { const m = meters.get(k); meters.delete(k); drop5(k); m?.stop(); }

export class Ring {
  private items = new Map<string, Meter>();
  add(k: string) { this.items.set(k, new Meter()); }
  private one(k: string): void { this.two(k); }
  private two(k: string): void { this.one(k); this.items.delete(k); }
  private release(k: string): void { this.items.get(k)?.stop(); this.release(k); }
  remove(k: string): void { this.release(k); this.items.delete(k); this.one(k); }
  stop(): void { for (const m of this.items.values()) m.stop(); this.items.clear(); this.stop(); }
}

// Closures that capture each other and the containers.
export function makeCycle() {
  const local = new Map<string, Meter>();
  let f: (k: string) => void = () => {};
  const g = (k: string): void => { local.delete(k); f(k); };
  f = (k: string): void => { local.get(k)?.stop(); g(k); };
  local.set('x', new Meter());
  return { f, g };
}

// Generic recursion through constraints.
interface Node<N extends Node<N>> { next?: N; stop(): void }
class Linked implements Node<Linked> { next?: Linked; stop(): void {} }
const linked = new Map<string, Linked>();
export function link(k: string) { linked.set(k, new Linked()); linked.get(k)!.next = new Linked(); }
export function unlink(k: string) { linked.get(k)?.next?.next?.next?.stop(); linked.delete(k); }
function generic<N extends Node<N>>(map: Map<string, N>, k: string): void { map.delete(k); }
export function useGeneric(k: string) { generic(linked, k); }
`;

function hugeUnion(n) {
  const members = [];
  for (let i = 0; i < n; i++) {
    members.push(
      i % 3 === 0
        ? `{ kind: 'k${i}'; stop(): void }`
        : i % 3 === 1
          ? `{ kind: 'k${i}'; dispose(): void; timer: NodeJS.Timeout }`
          : `{ kind: 'k${i}'; close(): void }`,
    );
  }
  const mixed = [];
  for (let i = 0; i < n; i++) mixed.push(i % 10 === 0 ? `{ tag: ${i}; stop(): void }` : `{ tag: ${i}; data: string }`);
  const literals = Array.from({ length: n * 2 }, (_, i) => `'lit${i}'`);
  const enumMembers = Array.from({ length: n }, (_, i) => `  M${i} = ${i},`);
  const classes = Array.from({ length: 200 }, (_, i) => `class R${i} { stop(): void {} }`);
  return lines(
    PRELUDE,
    `export type AllStop = ${members.join('\n  | ')};`,
    `export type Mixed = ${mixed.join('\n  | ')};`,
    `export type Lit = ${literals.join(' | ')};`,
    `export type Inter = ${Array.from({ length: 300 }, (_, i) => `{ p${i}: number }`).join(' & ')} & { stop(): void };`,
    `export enum Big {`,
    enumMembers,
    `}`,
    classes,
    `export type Classes = ${Array.from({ length: 200 }, (_, i) => `R${i}`).join(' | ')};`,
    `const all = new Map<Lit, AllStop>();`,
    `const mixed = new Map<string, Mixed>();`,
    `const inter = new Map<Big, Inter>();`,
    `const cls = new Set<Classes>();`,
    `const recordOfUnion: { [k: string]: AllStop | undefined } = {};`,
    `declare function pick<X>(): X;`,
    `export function fill(k: Lit, e: Big): void {`,
    `  all.set(k, { kind: 'k0', stop() {} });`,
    `  mixed.set(k, { tag: 0, stop() {} });`,
    `  inter.set(e, Object.assign(pick<Inter>(), { stop() {} }));`,
    `  cls.add(new R0());`,
    `  recordOfUnion[k] = { kind: 'k0', stop() {} };`,
    `}`,
    `export function drop(k: Lit, e: Big, c: Classes): void {`,
    `  all.delete(k);`,
    `  const v = all.get(k); if (v && v.kind === 'k0') v.stop(); all.delete(k);`,
    `  all.set(k, { kind: 'k3', stop() {} });`,
    `  mixed.delete(k); mixed.clear();`,
    `  inter.get(e)?.stop(); inter.delete(e); inter.delete(Big.M${n - 1});`,
    `  cls.delete(c); cls.clear();`,
    `  delete recordOfUnion[k];`,
    `  switch (k) {`,
    Array.from({ length: 100 }, (_, i) => `    case 'lit${i}': ${i % 2 ? 'all.get(k)?.kind; ' : ''}all.delete(k);${i % 3 ? ' break;' : ''}`),
    `  }`,
    `}`,
    '',
  );
}

const ANY = `${PRELUDE}
// \`any\` everywhere: containers, values, keys, receivers, casts.
const a: any = new Map();
const b = new Map<any, any>();
const c = new Map<string, any>();
const d: Map<string, any> | any = new Map();
const e: any[] = [];
const f: Record<string, any> = {};
const g = new Set<any>();
let h: any;
declare const anyKey: any;
declare function anyFn(...args: any[]): any;
export function fill(k: any): void {
  a.set(k, new Meter()); b.set(k, new Meter()); c.set(k, setInterval(() => {}, 1));
  d.set(k, new Meter()); e.push(new Meter()); f[k] = new Meter(); g.add(new Meter());
  h = new Map([[k, new Meter()]]);
}
export function drop(k: any, x: any): any {
  a.delete(k); a.clear(); a.set(k, anyFn()); (a as any).delete(k); (<any>a).delete(k);
  b.delete(anyKey); b.set(anyKey, anyFn()); b.clear();
  c.delete(k); c.get(k)?.stop?.(); c.delete(k as any);
  d.delete(k); d?.clear?.();
  e.splice(0); e.splice(anyKey, 1); e.length = 0; e.pop(); e.shift(); e[k] = anyFn();
  delete f[k]; f[k] = x; delete f[anyKey as string];
  g.delete(x); g.clear();
  h.delete(k); h = new Map(); h.clear();
  x.delete(k); x.clear(); x.set(k, x); x.y.z.delete(k); x[k].delete(k); x?.[k]?.delete?.(k);
  anyFn().delete(k); anyFn()[k] = 1; delete anyFn()[k];
  (x as Map<string, Meter>).delete(k);
  (a as Map<string, Meter>).delete(k);
  (f as Record<string, Meter>)[k] = new Meter();
  return x.delete(k);
}
export class AnyBox {
  private m: any = new Map<string, Meter>();
  private n = new Map<string, Meter>() as any;
  private o = new Map<string, Meter>() as unknown as Map<string, any>;
  private p = new Map<string, Meter>() as Map<any, Meter>;
  add(k: string) { this.m.set(k, new Meter()); this.n.set(k, new Meter()); this.o.set(k, new Meter()); this.p.set(k, new Meter()); }
  remove(k: any) { this.m.delete(k); this.n.delete(k); this.o.delete(k); this.p.delete(k); this.p.get(k)?.stop(); this.p.delete(k); }
  untyped(k, v) { this.p.set(k, v); this.p.delete(k); }
}
export function untypedParams(map, key, value) { map.set(key, value); map.delete(key); map.clear(); }
export const arrow = (m, k) => { m.delete(k); return m.clear(); };
`;

// ---------------------------------------------------------------------------------------------
// Syntax TypeScript accepts but rarely sees.

const SYNTAX_DECORATORS = `${PRELUDE}
function logged<This, Args extends unknown[], R>(target: (this: This, ...args: Args) => R, _ctx: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>) { return target; }
function field<T>(_t: undefined, _ctx: ClassFieldDecoratorContext<unknown, T>) { return (v: T) => v; }
function sealed<C extends abstract new (...args: any) => any>(target: C, _ctx: ClassDecoratorContext<C>) { return target; }
function acc<This, V>(t: ClassAccessorDecoratorTarget<This, V>, _c: ClassAccessorDecoratorContext<This, V>) { return t; }
const factory = (_n: number) => logged;

@sealed
export class Decorated {
  @field private meters = new Map<string, Meter>();
  @acc accessor timers = new Set<NodeJS.Timeout>();
  @field static registry: Record<string, Meter> = {};
  @logged add(k: string): void { this.meters.set(k, new Meter()); this.timers.add(setInterval(() => {}, 1)); Decorated.registry[k] = new Meter(); }
  @logged @factory(1) remove(k: string): void { this.meters.delete(k); this.timers.clear(); delete Decorated.registry[k]; }
  @(factory(2)) clean(k: string): void { this.meters.get(k)?.stop(); this.meters.delete(k); }
  @logged static wipe(): void { Decorated.registry = {}; }
}
export default @sealed class {
  @field m = new Map<string, Meter>();
  @logged x(k: string) { this.m.set(k, new Meter()); this.m.delete(k); }
}
`;

const SYNTAX_USING = `${PRELUDE}
const sessions = new Map<string, Session>();
const conns = new Map<string, AsyncDisposable & { close(): Promise<void> }>();
declare function openConn(): AsyncDisposable & { close(): Promise<void> };
export function put(k: string) { sessions.set(k, new Session(k)); conns.set(k, openConn()); }
export function scoped(k: string): void {
  using s = sessions.get(k) ?? new Session(k);
  sessions.delete(k);
  using _ = new Session('tmp'), __ = new Session('tmp2');
  for (using x of [new Session('a')]) sessions.set('a', x);
}
export async function asyncScoped(k: string): Promise<void> {
  await using c = conns.get(k) ?? openConn();
  conns.delete(k);
  for await (using x of [openConn()]) conns.set('k', x);
  { await using inner = openConn(); conns.set(k, inner); }
  const stack = new DisposableStack();
  stack.use(sessions.get(k));
  sessions.delete(k);
  stack.dispose();
  const astack = new AsyncDisposableStack();
  astack.defer(async () => { await conns.get(k)?.close(); conns.delete(k); });
  await astack.disposeAsync();
}
export function disposeAll(): void {
  for (const s of sessions.values()) s[Symbol.dispose]();
  sessions.clear();
  conns.clear();
}
`;

const SYNTAX_DECLARATIONS = `${PRELUDE}
// Overloads, enums, namespaces, declaration merging.
export function drop(k: string): void;
export function drop(k: number, force: boolean): void;
export function drop(k: string | number, force?: boolean): void {
  if (typeof k === 'number') { if (force) byNumber.get(k)?.stop(); byNumber.delete(k); return; }
  Registry.items.delete(k);
}
const byNumber = new Map<number, Meter>();
export const enum Kind { A = 1, B = A << 1, C = A | B, D = C << 2 }
export enum Color { Red = 'red', Green = 'green' }
export declare enum Ambient { X, Y }
export enum Color { Blue = 'blue' }
export namespace Registry {
  export const items = new Map<string, Meter>();
  export function add(k: string) { items.set(k, new Meter()); byNumber.set(k.length, new Meter()); }
  export namespace Inner.Deeper.Deepest {
    export const timers: NodeJS.Timeout[] = [setInterval(() => {}, 1)];
    export function reset() { timers.length = 0; timers.splice(0, timers.length); }
  }
  export enum Nested { One }
}
export namespace Registry {
  export function remove(k: string) { items.delete(k); Inner.Deeper.Deepest.reset(); }
  export function clean(k: string) { items.get(k)?.stop(); items.delete(k); }
}
export function Registry2(k: string): void { Registry2.map.delete(k); }
export namespace Registry2 { export const map = new Map<string, Meter>([['a', new Meter()]]); }
export interface Pool { byKind: Map<Kind, Meter> }
export class Pool { constructor() { this.byKind = new Map([[Kind.A, new Meter()]]); } }
export interface Pool { stop(): void }
Pool.prototype.stop = function (this: Pool) { for (const m of this.byKind.values()) m.stop(); this.byKind.clear(); };
export class Pool2 { byColor = new Map<Color, Meter>(); evict(c: Color) { this.byColor.delete(c); this.byColor.delete(Color.Red); } fill() { this.byColor.set(Color.Green, new Meter()); } }
declare global { interface Map<K, V> { evictAll?(): void } var globalMeters: Map<string, Meter> | undefined }
globalThis.globalMeters = new Map([['g', new Meter()]]);
globalThis.globalMeters?.delete('g');
declare module 'node:net' { interface Socket { tag?: string } }
export type { Socket };
export abstract class Base<T extends { stop(): void }> {
  protected abstract readonly store: Map<string, T>;
  abstract make(): T;
  put(k: string) { this.store.set(k, this.make()); }
  evict(k: string) { this.store.delete(k); }
  evictClean(k: string) { this.store.get(k)?.stop(); this.store.delete(k); }
}
export class Concrete extends Base<Meter> { protected readonly store = new Map<string, Meter>(); make() { return new Meter(); } override evict(k: string) { super.evict(k); this.store.delete(k); } }
`;

const SYNTAX_CLASSES = `${PRELUDE}
export class Fancy {
  static #instances = new Map<string, Fancy>();
  static { Fancy.#instances.set('boot', new Fancy()); Fancy.#instances.delete('old'); }
  static { for (const f of Fancy.#instances.values()) f.stop(); Fancy.#instances.clear(); }
  #meters = new Map<string, Meter>();
  #timers: NodeJS.Timeout[] = [];
  #byIndex: { [index: number]: Meter } = {};
  [key: string]: unknown;
  declare readonly brand: 'fancy';
  get meters(): Map<string, Meter> { return this.#meters; }
  set meters(value: Map<string, Meter>) { this.#meters = value; }
  get ['computed' + 'Name']() { return this.#timers; }
  static get all() { return Fancy.#instances; }
  #add(k: string) { this.#meters.set(k, new Meter()); this.#timers.push(setTimeout(() => {}, 1)); this.#byIndex[k.length] = new Meter(); }
  add(k: string) { this.#add(k); }
  remove(k: string) {
    this.#meters.delete(k);
    this.meters.delete(k);
    this['meters'].delete(k);
    this.#timers.splice(this.#timers.indexOf(this.#timers[0]!), 1);
    delete this.#byIndex[k.length];
    this.#byIndex[0] = new Meter();
  }
  removeClean(k: string) { this.#meters.get(k)?.stop(); this.#meters.delete(k); this.#timers.forEach(clearTimeout); this.#timers.length = 0; }
  swap() { this.#meters = new Map(); this.meters = new Map(); }
  #stopAll() { for (const m of this.#meters.values()) m.stop(); }
  stop() { this.#stopAll(); this.#meters.clear(); }
  has(k: string) { return #meters in this && this.#meters.has(k); }
  static create(this: void): Fancy { return new Fancy(); }
}
const sym = Symbol('s');
const keyName = 'dyn';
export const objectMaps = {
  [sym]: new Map<string, Meter>(),
  [keyName]: new Set<Meter>(),
  ['literal' as const]: [] as Meter[],
  [\`tpl\${1}\`]: {} as Record<string, Meter>,
  get lazy() { return new Map<string, Meter>(); },
  method() { this[sym].delete('x'); this[keyName].clear(); this.literal.length = 0; },
};
objectMaps[sym].set('a', new Meter());
objectMaps[sym].delete('a');
objectMaps[keyName].add(new Meter());
objectMaps.dyn.clear();
objectMaps.lazy.delete('x');
export class Indexed { [k: string]: Meter | ((k: string) => void); drop(k: string) { delete this[k]; } }
export const timersByName: { [name: string]: NodeJS.Timeout } = {};
timersByName.a = setInterval(() => {}, 1);
export function dropTimer(name: string) { delete timersByName[name]; clearInterval(timersByName[name]); delete timersByName[name]; timersByName[name] = setInterval(() => {}, 2); }
export const satisfied = { a: new Map<string, Meter>() } satisfies Record<string, Map<string, Meter>>;
satisfied.a.set('k', new Meter());
(satisfied.a satisfies Map<string, Meter>).delete('k');
(satisfied as { a: Map<string, Meter> }).a!.delete('k')!;
satisfied.a!.delete!('k');
satisfied?.a?.delete?.('k');
`;

const SYNTAX_CONTROL = `${PRELUDE}
const meters = new Map<string, Meter>();
const list: Meter[] = [];
const timers = new Set<NodeJS.Timeout>();
export function put(k: string) { meters.set(k, new Meter()); list.push(new Meter()); timers.add(setInterval(() => {}, 1)); }
export function labels(keys: string[][]): void {
  outer: for (const row of keys) {
    inner: for (const k of row) {
      if (k === '') continue outer;
      if (k === '!') break outer;
      if (k === '?') continue inner;
      block: { if (k === '#') break block; meters.get(k)?.stop(); }
      meters.delete(k);
    }
  }
  loop: do { if (list.length === 0) break loop; list.pop()?.stop(); } while (true);
  lbl: while (list.length) { list.shift(); continue lbl; }
  a: b: c: for (;;) { meters.clear(); break a; }
}
export function fallthrough(k: string, n: number): number {
  switch (n) {
    case 0: meters.get(k)?.stop();
    // falls through
    case 1: meters.delete(k); break;
    case 2: { meters.delete(k); }
    case 3: return meters.delete(k) ? 1 : 0;
    case 4: throw new Error(String(meters.delete(k)));
    default:
    case 5: meters.set(k, new Meter());
  }
  return -1;
}
export function tryFinally(k: string): boolean {
  try {
    if (k) return meters.delete(k);
    meters.get(k)?.stop();
  } catch (e: unknown) {
    meters.delete(k);
    return false;
  } finally {
    if (k === 'x') { meters.clear(); }
    try { meters.delete(k); } finally { meters.get(k)?.stop(); }
  }
  try { meters.delete(k); } catch { /* no binding */ } finally { return true; }
}
export function* gen(k: string): Generator<Meter | undefined, void, string> {
  const m = meters.get(k);
  const next = yield m;
  meters.delete(next);
  yield* [meters.get(k)];
  meters.delete(k);
  m?.stop();
}
export async function* agen(k: string): AsyncGenerator<void> {
  for await (const t of (async function* () { yield* timers; })()) { clearInterval(t); timers.delete(t); yield; }
  await Promise.all([...meters.values()].map(async (m) => m.stop()));
  meters.clear();
}
export async function asyncArrow(): Promise<void> {
  const f = async (k: string) => { await null; meters.delete(k); };
  await f('a');
  list.splice(0, list.length).forEach((m) => m.stop());
  list.length = 0;
  for (const [k, m] of meters.entries()) { if (m.count) meters.delete(k); else { m.stop(); meters.delete(k); } }
  for (const k in Object.fromEntries(meters)) meters.delete(k);
  meters.forEach((m, k, self) => { self.delete(k); m.stop(); });
  [...meters.keys()].forEach((k) => meters.delete(k));
  let i = 0; while (i++ < 10) { if (i % 2) continue; meters.delete(String(i)); }
  do meters.delete('x'); while (false);
  for (let j = 0, n = list.length; j < n; j++) list.splice(j, 1)[0]?.stop();
  const { a = meters.get('a'), ...rest } = Object.fromEntries(meters); a?.stop(); meters.delete('a'); void rest;
  const [first, , third = new Meter()] = list; first?.stop(); list.shift(); void third;
  (meters.delete('x'), meters.delete('y'));
  void meters.delete('z');
  meters.delete('q') || meters.get('q')?.stop();
  meters.get('r')?.stop() ?? meters.delete('r');
  cond ? meters.delete('s') : meters.get('s')?.stop();
  (cond && meters.delete('t'));
  meters.set('u', meters.get('u') ?? new Meter());
  meters.set('v', new Meter()).set('w', new Meter()).delete('v');
  const tag = (s: TemplateStringsArray, ...v: unknown[]) => v; tag\`\${meters.delete('tpl')}\`;
  new.target; import.meta;
  label: { break label; }
}
export function conditionalReturns(k: string): void {
  const m = meters.get(k);
  if (!m) return;
  if (m.count > 10) { meters.delete(k); return; }
  else if (m.count > 5) { m.stop(); } else { return void meters.delete(k); }
  meters.delete(k);
}
export class Reassign {
  private meters = new Map<string, Meter>([['a', new Meter()]]);
  private list = [new Meter()];
  private byName: Record<string, Meter> = { a: new Meter() };
  reset() { this.meters = new Map(); this.list = []; this.byName = {}; }
  resetClean() { this.meters.forEach((m) => m.stop()); this.meters = new Map(); }
  resetFrom(other: Map<string, Meter>) { this.meters = other; this.list = [...this.list.filter((m) => m.count)]; }
}
export let moduleList: Meter[] = [new Meter()];
export function resetModule() { moduleList = []; moduleList = moduleList.filter(Boolean); }
`;

const JSX = `${PRELUDE.replace("import { Worker } from 'node:worker_threads';\n", '')}
declare global { namespace JSX { interface IntrinsicElements { [name: string]: any } } }
const meters = new Map<string, Meter>();
export function View({ k }: { k: string }) {
  meters.set(k, new Meter());
  return <div onClick={() => meters.delete(k)} data-x={meters.get(k)?.stop()}>{[...meters.keys()].map((key) => <span key={key}>{String(meters.delete(key))}</span>)}<>{meters.clear()}</></div>;
}
export const Generic = <T,>(p: { m: Map<string, T & Meter> }) => <b>{p.m.delete('a') ? 1 : 0}</b>;
`;

/** Files that are valid for TypeScript but otherwise odd: empty, comments only, BOM/CRLF, long line, unicode. */
function oddFiles() {
  const longLine = `${PRELUDE}const meters = new Map<string, Meter>([['a', new Meter()]]);\nexport function long() { ${Array.from({ length: 3000 }, (_, i) => `meters.delete('k${i}');`).join(' ')} }\nexport const str = '${'x'.repeat(150_000)}';\n`;
  return {
    'odd-empty.ts': '',
    'odd-comments-only.ts': '// nothing here\n/* meters.delete(k) */\n/** @deprecated */\n',
    'odd-bom-crlf.ts':
      `\uFEFF${PRELUDE}const meters = new Map<string, Meter>([['a', new Meter()]]);\r\nexport function f(k: string) {\r\n  meters.delete(k);\r\n}\r\n`
        .replace(/\n/g, '\r\n')
        .replace(/\r\r\n/g, '\r\n'),
    'odd-long-line.ts': longLine,
    'odd-unicode.ts': `${PRELUDE}const метры = new Map<string, Meter>([['ключ', new Meter()]]);\nconst 計時器 = new Set([setInterval(() => {}, 1)]);\nexport function 删除(键: string) { метры.delete(键); 計時器.clear(); const \\u0061bc = 1; void abc; const ℮x = 2; void ℮x; }\nexport const emoji = '😀'.repeat(1000);\n`,
    'odd-shebang.ts': `#!/usr/bin/env node\n${PRELUDE}const meters = new Map<string, Meter>([['a', new Meter()]]);\nmeters.delete('a');\nawait Promise.resolve(meters.clear());\n`,
    'odd-script-no-exports.ts': `const scriptMeters = new Map<string, { stop(): void }>([['a', { stop() {} }]]);\nscriptMeters.delete('a');\nvar hoisted = new Set<NodeJS.Timeout>([setInterval(() => {}, 1)]);\nhoisted.clear();\nfunction hoistedFn() { hoisted.clear(); }\n`,
    'odd-type-only.ts': `export type M = Map<string, { stop(): void }>;\nexport interface I { m: M }\ndeclare const x: I;\nexport declare function f(): void;\n`,
  };
}

/** Intentionally invalid: must count as a parser error, never as a rule crash. */
const SYNTAX_ERROR = `${PRELUDE}
const meters = new Map<string, Meter>();
export function broken(k: string) {
  meters.delete(k;
}
`;

/** Writes every generated file; returns the files to lint. */
export function generatePathological(outDir) {
  const dir = path.join(outDir, 'gen');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  const write = (name, text, extra = {}) => {
    const abs = path.join(dir, name);
    const scale = /^(.*)-scale-(\d+)\.tsx?$/.exec(name);
    if (scale) Object.assign(extra, { series: `gen/${scale[1]}`, n: Number(scale[2]) });
    writeFileSync(abs, text);
    files.push({ abs, group: 'gen', kind: 'generated', ...extra });
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(genTsconfig(), null, 2)}\n`);

  write('big-20000-lines.ts', bigFile(20_000));
  // Each series doubles; the run skips the larger sizes of a series once one size hangs.
  for (const n of [250, 500, 1000, 2000]) write(`body-scale-${n}.ts`, bodyScale(n));
  for (const n of [125, 250, 500, 1000]) write(`modules-scale-${n}.ts`, modulesScale(n));
  for (const n of [50, 100, 200, 400]) write(`helper-chain-scale-${n}.ts`, helperChainScale(n));
  for (const n of [250, 500, 1000, 2000]) write(`keys-scale-${n}.ts`, keysScale(n));
  for (const n of [250, 500, 1000, 2000]) write(`switch-scale-${n}.ts`, switchScale(n));
  for (const n of [25, 50, 100]) write(`loops-scale-${n}.ts`, loopsScale(n));
  write('types-recursive.ts', RECURSIVE);
  write('types-mutual-recursion.ts', MUTUAL);
  write('types-huge-union.ts', hugeUnion(1500));
  write('types-any-everywhere.ts', ANY);
  write('syntax-decorators.ts', SYNTAX_DECORATORS);
  write('syntax-using.ts', SYNTAX_USING);
  write('syntax-declarations.ts', SYNTAX_DECLARATIONS);
  write('syntax-classes.ts', SYNTAX_CLASSES);
  write('syntax-control-flow.ts', SYNTAX_CONTROL);
  write('syntax-jsx.tsx', JSX);
  for (const [name, text] of Object.entries(oddFiles())) write(name, text);
  write('syntax-error.ts', SYNTAX_ERROR, { expect: 'parser-error' });
  return { project: dir, files };
}
