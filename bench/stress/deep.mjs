// Nesting as deep as the parser accepts. For each kind of nesting, a parser-only probe
// (@typescript-eslint/parser, no type information, no rules) doubles the depth until the
// parser fails, then bisects to the deepest depth it accepts. The type-aware run then lints a ladder
// of depths up to and one step past that limit, each file with a drop of a resource at the innermost
// level so that the plugin's analysis walks the whole nest.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import { genTsconfig } from './generate.mjs';

const PRELUDE = `export class Meter { private t = setInterval(() => {}, 1000); stop(): void { clearInterval(this.t); } }
export const meters = new Map<string, Meter>([['a', new Meter()]]);
export const list: Meter[] = [new Meter()];
declare const cond: boolean;
declare function g(x: unknown): unknown;
`;

const rep = (text, n) => text.repeat(n);
const range = (n) => Array.from({ length: n }, (_, i) => i);
/** The drop at the innermost level, as an expression. */
const DROP = `meters.delete(k)`;
const fn = (body) => `${PRELUDE}export function f(k: string): unknown {\n${body}\nreturn undefined;\n}\n`;
const afn = (body) => `${PRELUDE}export async function f(k: string): Promise<unknown> {\n${body}\nreturn undefined;\n}\n`;

/** Each kind builds a whole file for a nesting depth d. */
export const KINDS = {
  // statements
  block: (d) => fn(`${rep('{ ', d)}meters.get(k)?.stop(); ${DROP};${rep(' }', d)}`),
  if: (d) => fn(`${rep('if (cond) { ', d)}${DROP};${rep(' }', d)}`),
  'else-if': (d) =>
    fn(
      `${range(d)
        .map((i) => `if (k === '${i}') { ${i % 2 ? 'meters.get(k)?.stop(); ' : ''}${DROP}; }`)
        .join(' else ')} else { ${DROP}; }`,
    ),
  for: (d) =>
    fn(
      `${range(d)
        .map((i) => `for (const x${i} of list) { if (x${i} === list[0]) continue; `)
        .join('')}${DROP};${rep(' }', d)}`,
    ),
  while: (d) => fn(`${rep('while (cond) { ', d)}${DROP}; break;${rep(' }', d)}`),
  try: (d) => fn(`${rep('try { ', d)}${DROP};${rep(' } finally { meters.get(k)?.stop(); }', d)}`),
  labeled: (d) =>
    fn(
      `${range(d)
        .map((i) => `l${i}: { if (cond) break l${i}; `)
        .join('')}${DROP};${rep(' }', d)}`,
    ),
  switch: (d) => fn(`${rep("switch (k) { case 'a': ", d)}${DROP};${rep(' }', d)}`),
  iife: (d) => fn(`${rep('(() => { ', d)}${DROP};${rep(' })();', d)}`),
  functions: (d) =>
    fn(
      `${range(d)
        .map((i) => `function h${i}() { `)
        .join('')}${DROP};${range(d)
        .reverse()
        .map((i) => ` } h${i}();`)
        .join('')}`,
    ),
  'class-in-method': (d) =>
    fn(
      `${range(d)
        .map((i) => `new (class C${i} { m() { `)
        .join('')}${DROP};${rep(' } })().m();', d)}`,
    ),
  namespace: (d) =>
    `${PRELUDE}declare const k: string;\n${range(d)
      .map((i) => `namespace N${i} { `)
      .join('')}${DROP};${rep(' }', d)}\n`,
  // expressions
  paren: (d) => fn(`return ${rep('(', d)}${DROP}${rep(')', d)};`),
  call: (d) => fn(`return ${rep('g(', d)}${DROP}${rep(')', d)};`),
  ternary: (d) => fn(`return ${rep(`cond ? meters.get(k)?.stop() : `, d)}${DROP};`),
  arrow: (d) => fn(`return ${rep('() => ', d)}${DROP};`),
  'arrow-block': (d) => fn(`return ${rep('() => { return ', d)}${DROP};${rep(' }', d)};`),
  'binary-or': (d) =>
    fn(
      `return ${range(d)
        .map(() => DROP)
        .join(' || ')};`,
    ),
  'string-concat': (d) =>
    fn(
      `return ${range(d)
        .map((i) => `'s${i}'`)
        .join(' + ')} + ${DROP};`,
    ),
  comma: (d) =>
    fn(
      `return (${range(d)
        .map(() => DROP)
        .join(', ')});`,
    ),
  'method-chain': (d) => fn(`return meters${rep(".set('a', new Meter())", d)}.delete(k);`),
  'optional-chain': (d) =>
    `${PRELUDE}type Self = { a: Self; m: Map<string, Meter> };\ndeclare const o: Self | undefined;\nexport function f(k: string) { return o${rep('?.a', d)}?.m.delete(k); }\n`,
  array: (d) => fn(`return ${rep('[', d)}${DROP}${rep(']', d)};`),
  object: (d) => fn(`return ${rep('{ a: ', d)}${DROP}${rep(' }', d)};`),
  template: (d) => fn(`return ${rep('`${', d)}${DROP}${rep('}`', d)};`),
  await: (d) => afn(`return ${rep('await ', d)}${DROP};`),
  unary: (d) => fn(`return ${rep('!', d)}${DROP};`),
  assignment: (d) => fn(`let v: unknown;\n${rep('v = ', d)}${DROP};\nreturn v;`),
  // types
  'generic-map': (d) =>
    `${PRELUDE}type Deep = ${rep('Map<string, ', d)}Meter${rep('>', d)};\nconst deep: Deep = new Map();\nexport function f(k: string) { deep.set(k, new Map() as any); deep.delete(k); }\n`,
  'array-type': (d) =>
    `${PRELUDE}const deep: Meter${rep('[]', d)} = [] as any;\nexport function f() { deep.push(new Meter() as any); deep.splice(0); deep.length = 0; }\n`,
  'object-type': (d) =>
    `${PRELUDE}type Deep = ${rep('{ a: ', d)}Meter${rep(' }', d)};\nconst deep = new Map<string, Deep>();\nexport function f(k: string) { deep.set(k, {} as Deep); deep.delete(k); }\n`,
  'conditional-type': (d) =>
    `${PRELUDE}type Deep<X> = ${range(d)
      .map((i) => `X extends ${i} ? Meter : `)
      .join('')}Meter;\nconst deep = new Map<string, Deep<3>>();\nexport function f(k: string) { deep.set(k, new Meter()); deep.delete(k); }\n`,
};

const PROBE_LIMIT = 16_384;

/**
 * Deepest depth the parser accepts for each kind: parseForESLint with the options ESLint passes
 * (it converts to ESTree and runs scope analysis too), no types, no rules. The limit moves by a few
 * percent with the JIT's frame sizes, so the bisection stops within 2.5%.
 */
export function probeParserDepths(parser) {
  const kinds = [];
  for (const [kind, build] of Object.entries(KINDS)) {
    let failMessage = null;
    const accepts = (d) => {
      try {
        parser.parseForESLint(build(d), {
          filePath: 'probe.ts',
          range: true,
          loc: true,
          tokens: true,
          comment: true,
          ecmaVersion: 'latest',
          sourceType: 'module',
        });
        return true;
      } catch (error) {
        failMessage = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return false;
      }
    };
    let ok = 0;
    let fail = null;
    for (let d = 128; d <= PROBE_LIMIT; d *= 2) {
      if (accepts(d)) ok = d;
      else {
        fail = d;
        break;
      }
    }
    if (fail !== null) {
      while (fail - ok > Math.max(1, Math.floor(ok / 40))) {
        const mid = Math.floor((ok + fail) / 2);
        if (accepts(mid)) ok = mid;
        else fail = mid;
      }
      accepts(fail); // keep the message of the first failing depth
    }
    kinds.push({ kind, maxOk: ok, firstFail: fail, limit: PROBE_LIMIT, failMessage: fail === null ? null : failMessage });
  }
  return { kinds };
}

/** TypeScript's own parser must take the file, or the whole project would fail to load. */
function typescriptParses(text) {
  try {
    ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the ladder of depths for each kind: the lower rungs to `<outDir>/deep/<kind>/`, the rungs
 * at the parser's limit to `<outDir>/deep/<kind>-edge/`, each folder its own project, so that a file
 * on which TypeScript itself overflows while loading a program cannot take the other depths with it.
 */
export function generateDeep(outDir, probe) {
  const dir = path.join(outDir, 'deep');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  const projects = new Set();
  const skipped = [];
  for (const p of probe.kinds) {
    const build = KINDS[p.kind];
    const top = p.maxOk;
    // Small depths show how the analysis grows; the top of the ladder straddles the parser's limit.
    const depths = new Set([5, 10, 20, Math.floor(top / 4), Math.floor(top / 2), top]);
    if (p.firstFail !== null) depths.add(Math.floor(p.firstFail * 1.1));
    for (const d of [...depths].filter((x) => x > 0).sort((a, b) => a - b)) {
      const text = build(d);
      // Keep a margin: tsserver parses on a deeper stack, and with colder code, than this probe.
      if (!typescriptParses(build(Math.ceil(d * 1.5)))) {
        skipped.push({ kind: p.kind, depth: d });
        continue;
      }
      const project = path.join(dir, d >= top ? `${p.kind}-edge` : p.kind);
      if (!projects.has(project)) {
        mkdirSync(project, { recursive: true });
        writeFileSync(path.join(project, 'tsconfig.json'), `${JSON.stringify({ ...genTsconfig(), include: ['*.ts'] }, null, 2)}\n`);
        projects.add(project);
      }
      const abs = path.join(project, `${p.kind}-${String(d).padStart(5, '0')}.ts`);
      writeFileSync(abs, text);
      files.push({ abs, group: 'deep', kind: 'deep', series: `deep/${p.kind}`, n: d, maybeParserError: true });
    }
  }
  probe.skippedForTypeScript = skipped;
  return { project: dir, files };
}
