#!/usr/bin/env node
// Stress run: every rule of the built plugin (`configs.all`), type-aware, over
//   (a) real TypeScript sources shipped by pinned devDependencies (rxjs, zod, @trpc/server, mobx and
//       part of effect), copied to bench/.out/stress/real/<package>/ with a generated tsconfig each;
//   (b) generated pathological inputs in bench/.out/stress/gen/ (a 20,000-line file, recursive and
//       mutually recursive types, huge unions, `any` everywhere, rarely seen syntax, scaling series)
//       and bench/.out/stress/deep/ (nesting ladders probed up to the parser's limit).
//
//   node bench/stress.mjs                  full run
//   node bench/stress.mjs --filter deep/   lint only files whose path (relative to bench/.out/stress) contains the text
//   node bench/stress.mjs --only gen       one part: real | gen | deep
//   node bench/stress.mjs --timeout 30     CPU seconds one file may take before it counts as a hang (default 30)
//   node bench/stress.mjs --jobs 2         child processes linting in parallel (default: 2)
//   node bench/stress.mjs --json out.json  also write every result as JSON
//   node bench/stress.mjs --verbose        print each file with its time as it is linted
//   STRESS_PLUGIN_URL=file:///…/x.js       another build of the plugin (default: ../dist/index.js)
//
// Each project is linted in a child process, file by file, so one crash never stops the run and a
// file that hangs is killed after --timeout (the deeper files of the same series are then skipped).
// A fatal message is a parser error (syntax, or the parser's own stack overflow); an exception thrown
// out of ESLint whose stack goes through the plugin's dist/ or that names a plugin rule is a rule
// crash; anything else thrown is listed as another error. Exit code 1 on any rule crash or hang,
// 2 when the run itself cannot start. Plain ESM JavaScript, so Node 20 runs it without a loader.
import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { generatePathological } from './stress/generate.mjs';
import { prepareRealSources } from './stress/real.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
export const outDir = path.join(here, '.out', 'stress');
const childScript = path.join(here, 'stress', 'child.mjs');
const defaultPluginUrl = new URL('../dist/index.js', import.meta.url).href;
const WARMUP_TIMEOUT_MS = 180_000;

function parseArgs(argv) {
  const args = { timeout: 30, jobs: Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--filter') args.filter = value();
    else if (a === '--only') args.only = value();
    else if (a === '--json') args.json = value();
    else if (a === '--timeout') args.timeout = Number(value());
    else if (a === '--jobs') args.jobs = Number(value());
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.only && !['real', 'gen', 'deep'].includes(args.only)) throw new Error('--only takes real, gen or deep');
  if (!(args.timeout > 0) || !(args.jobs >= 1)) throw new Error('--timeout and --jobs take positive numbers');
  return args;
}

const rel = (abs) => path.relative(outDir, abs).split(path.sep).join('/');

const CLOCK_TICKS = 100; // USER_HZ on Linux
/** User + system CPU time of a process in ms, or null where /proc is not available. */
function childCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * Runs jobs in child processes, at most `jobs` at a time. A lint job whose current file exceeds
 * `timeoutMs` is killed; its remaining files go back to the queue as a new job.
 */
async function runPool(initialJobs, { jobs, timeoutMs, pluginUrl, filterFiles, onFile, onEvent }) {
  const queue = [...initialJobs];
  const out = { entries: [], projectLoads: [], deep: null, failures: [] };
  let running = 0;

  return new Promise((resolveAll) => {
    const pump = () => {
      while (running < jobs && queue.length > 0) start(queue.shift());
      if (running === 0 && queue.length === 0) resolveAll(out);
    };
    const start = (job) => {
      running++;
      const child = fork(childScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: job.execArgv ?? [] });
      let current = null; // index of the file being linted
      let timer = null;
      let finished = false;
      /**
       * Fires once the child has used `ms` of CPU time since arming (read from /proc on Linux, so that a
       * machine busy with other work does not turn slow files into hangs); wall time elsewhere.
       */
      const arm = (ms, onFire) => {
        clearTimeout(timer);
        const cpu0 = childCpuMs(child.pid);
        const wall0 = Date.now();
        const poll = () => {
          const cpu = childCpuMs(child.pid);
          const used = cpu0 !== null && cpu !== null ? cpu - cpu0 : Date.now() - wall0;
          // A wall-time backstop: four times the budget, whatever the CPU says.
          if (used >= ms || Date.now() - wall0 >= 4 * ms) onFire();
          else timer = setTimeout(poll, Math.min(1000, ms / 10));
        };
        timer = setTimeout(poll, Math.min(1000, ms / 10));
      };
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        running--;
        pump();
      };
      /** The child died or hung on file `index`: record it, skip deeper files of its series, requeue the rest. */
      const abandon = (index, reason) => {
        const file = job.files[index];
        const entry = {
          ...file,
          lines: null,
          ms: 0,
          cpuMs: reason === 'timeout' ? timeoutMs : 0,
          parseMs: 0,
          rulesMs: 0,
          findings: 0,
          fatal: [],
          notices: [],
          [reason]: true,
        };
        out.entries.push(entry);
        onFile?.(entry);
        const rest = [];
        for (const next of job.files.slice(index + 1)) {
          if (reason === 'timeout' && file.series && next.series === file.series && next.n > file.n) {
            const skipped = {
              ...next,
              lines: null,
              ms: 0,
              cpuMs: 0,
              parseMs: 0,
              rulesMs: 0,
              findings: 0,
              fatal: [],
              notices: [],
              skipped: `after the timeout of ${rel(file.abs)}`,
            };
            out.entries.push(skipped);
            onFile?.(skipped);
          } else rest.push(next);
        }
        if (rest.length > 0) queue.unshift({ ...job, files: rest });
      };
      child.on('message', (message) => {
        switch (message.type) {
          case 'warmup-start':
            arm(WARMUP_TIMEOUT_MS, () => {
              out.failures.push({ project: rel(job.project), message: 'loading the project timed out' });
              child.kill('SIGKILL');
            });
            break;
          case 'warmup':
            clearTimeout(timer);
            out.projectLoads.push({ project: rel(job.project), ms: message.ms });
            break;
          case 'start':
            current = message.index;
            onEvent?.({ type: 'start', file: job.files[current] });
            arm(timeoutMs, () => {
              const index = current;
              current = null;
              abandon(index, 'timeout');
              child.kill('SIGKILL');
            });
            break;
          case 'file':
            clearTimeout(timer);
            current = null;
            out.entries.push(message.entry);
            onFile?.(message.entry);
            break;
          case 'deep':
            out.deep = message;
            if (filterFiles(message.files).length > 0) queue.unshift({ type: 'lint', project: message.project, files: filterFiles(message.files) });
            break;
          case 'error':
            out.failures.push({ project: job.project ? rel(job.project) : job.type, message: message.message });
            break;
          default:
            break;
        }
      });
      child.on('exit', (code, signal) => {
        if (current !== null) {
          // Died in the middle of a file (out of memory, a native crash): that file is a crash of its own.
          const index = current;
          current = null;
          abandon(index, 'died');
          out.entries[out.entries.length - 1].exit = signal ?? code;
        }
        finish();
      });
      child.send({ ...job, pluginUrl, outDir });
    };
    pump();
  });
}

/**
 * Copies dist/ (and package.json, which it reads) into the scratch folder and lints with the copy:
 * a rebuild during the run then cannot hand half-written files to a child process.
 */
function snapshotBuild() {
  const root = path.join(outDir, 'plugin');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(path.join(repoRoot, 'dist'), path.join(root, 'dist'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  cpSync(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'));
  return pathToFileURL(path.join(root, 'dist', 'index.js')).href;
}

export async function runStress(options = {}) {
  const started = performance.now();
  let pluginUrl = options.pluginUrl ?? process.env.STRESS_PLUGIN_URL ?? defaultPluginUrl;
  const pluginPath = fileURLToPath(pluginUrl);
  if (!existsSync(pluginPath)) throw new Error(`no plugin at ${pluginPath} (run \`npm run build\` first)`);
  if (pluginUrl === defaultPluginUrl) pluginUrl = snapshotBuild();
  const plugin = (await import(pluginUrl)).default;
  const namespace = plugin?.meta?.namespace ?? 'unstopped';
  if (!plugin?.configs?.all) throw new Error('the plugin has no `all` config');
  const ruleIds = Object.keys(plugin.configs.all.rules ?? {});

  mkdirSync(outDir, { recursive: true });
  const prepStarted = performance.now();
  const jobs = [];
  const log = options.log ?? ((line) => console.error(line));
  const filter = (files) => files.filter((f) => !options.filter || rel(f.abs).includes(options.filter));
  // The deep ladder needs the parser probe first; a child runs it and then queues the lint job.
  if (!options.only || options.only === 'deep') jobs.push({ type: 'deep' });
  if (!options.only || options.only === 'gen') {
    const gen = generatePathological(outDir);
    jobs.push({ type: 'lint', project: gen.project, files: filter(gen.files) });
  }
  if (!options.only || options.only === 'real') {
    const real = prepareRealSources(outDir, path.join(repoRoot, 'node_modules'));
    if (real.missing.length > 0) log(`warning: package sources not installed: ${real.missing.join(', ')}`);
    const byProject = real.projects.map((project) => ({
      type: 'lint',
      project,
      files: filter(real.files.filter((f) => f.abs.startsWith(project + path.sep))),
    }));
    // Biggest first, so that two children finish at about the same time.
    byProject.sort((a, b) => b.files.length - a.files.length);
    jobs.push(...byProject);
  }
  const prepMs = performance.now() - prepStarted;

  const pool = await runPool(
    jobs.filter((j) => j.type !== 'lint' || j.files.length > 0),
    {
      jobs: options.jobs ?? 2,
      timeoutMs: (options.timeout ?? 30) * 1000,
      pluginUrl,
      filterFiles: filter,
      onFile: options.onFile,
      onEvent: options.onEvent,
    },
  );

  const entries = pool.entries.map((e) => ({ ...e, file: rel(e.abs) }));
  entries.sort((a, b) => a.file.localeCompare(b.file));
  const linted = entries.filter((e) => !e.timeout && !e.died && !e.skipped);
  const parserErrors = [];
  const crashes = [];
  const otherErrors = [];
  for (const e of entries) {
    for (const f of e.fatal) {
      parserErrors.push({
        file: e.file,
        line: f.line,
        message: f.message,
        stackOverflow: /call stack/i.test(f.message),
        expected: e.expect === 'parser-error' || e.maybeParserError === true,
      });
    }
    if (e.thrown) (e.thrown.category === 'rule' ? crashes : otherErrors).push({ file: e.file, ...e.thrown });
    if (e.died) crashes.push({ file: e.file, rule: null, line: null, message: `the linting process died (exit ${e.exit})`, stackTop: [], pluginTop: [] });
  }
  const findings = linted.reduce((n, e) => n + e.findings, 0);
  return {
    plugin: { name: plugin?.meta?.name ?? null, version: plugin?.meta?.version ?? null, namespace, rules: ruleIds },
    probe: pool.deep ? { ...pool.deep.probe, ms: pool.deep.ms } : null,
    files: linted.length,
    lines: linted.reduce((n, e) => n + e.lines, 0),
    byGroup: summarizeBy(linted, (e) => e.group),
    findings,
    parserErrors,
    crashes,
    otherErrors,
    timeouts: entries.filter((e) => e.timeout),
    skipped: entries.filter((e) => e.skipped),
    notices: linted.reduce((n, e) => n + e.notices.length, 0),
    projectLoads: pool.projectLoads,
    failures: pool.failures,
    results: entries,
    timeoutSeconds: options.timeout ?? 30,
    prepMs,
    totalMs: performance.now() - started,
  };
}

function summarizeBy(results, key) {
  const out = {};
  for (const r of results) {
    const k = key(r);
    const s = (out[k] ??= { files: 0, lines: 0, ms: 0, findings: 0 });
    s.files++;
    s.lines += r.lines;
    s.ms += r.ms;
    s.findings += r.findings;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

export function formatReport(r) {
  const out = [];
  out.push(`${r.plugin.name ?? 'plugin'} ${r.plugin.version ?? ''} — rules on: ${r.plugin.rules.join(', ')}`);
  out.push(`Linted ${r.files} files, ${r.lines.toLocaleString('en')} lines (preparing inputs ${sec(r.prepMs)})`);
  for (const [group, s] of Object.entries(r.byGroup)) {
    out.push(
      `  ${group.padEnd(18)} ${String(s.files).padStart(5)} files ${String(s.lines).padStart(8)} lines ${sec(s.ms).padStart(9)}  ${s.findings} findings`,
    );
  }
  out.push(`Project loads (program creation, not counted per file): ${r.projectLoads.map((p) => `${p.project} ${sec(p.ms)}`).join(', ')}`);
  for (const f of r.failures) out.push(`  failure in ${f.project}: ${f.message}`);

  if (r.probe) {
    out.push('', `Nesting probe (parser only, ${sec(r.probe.ms)}): deepest depth accepted / first rejected; deepest linted with types and rules`);
    const deepest = new Map();
    for (const e of r.results) {
      if (e.group !== 'deep' || e.timeout || e.died || e.skipped || e.fatal.length > 0 || e.thrown) continue;
      deepest.set(e.series, Math.max(deepest.get(e.series) ?? 0, e.n));
    }
    for (const p of r.probe.kinds) {
      const linted = deepest.get(`deep/${p.kind}`) ?? 0;
      out.push(
        `  ${p.kind.padEnd(17)} ${String(p.maxOk).padStart(5)} / ${p.firstFail === null ? `none ≤ ${p.limit}` : String(p.firstFail).padStart(5)}   linted ${String(linted).padStart(5)}  ${p.failMessage ?? ''}`,
      );
    }
    if (r.probe.skippedForTypeScript?.length > 0) {
      out.push(
        `  not linted (TypeScript's own parser would overflow while loading the project): ${r.probe.skippedForTypeScript.map((s) => `${s.kind}@${s.depth}`).join(', ')}`,
      );
    }
  }

  const unexpected = r.parserErrors.filter((e) => !e.expected);
  out.push(
    '',
    `Parser errors: ${r.parserErrors.length} (${r.parserErrors.filter((e) => e.stackOverflow).length} stack overflows in the parser, ${r.parserErrors.filter((e) => e.expected).length} expected, ${unexpected.length} unexpected)`,
  );
  for (const e of unexpected) out.push(`  ${e.file}${e.line ? `:${e.line}` : ''}  ${e.message}`);

  out.push('', `Rule crashes: ${r.crashes.length}`);
  for (const c of r.crashes) {
    out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.rule ?? '(no rule id)'}  ${c.message}`);
    for (const f of c.pluginTop?.length > 0 ? c.pluginTop : (c.stackTop ?? [])) out.push(`      ${f}`);
  }
  if (r.otherErrors.length > 0) {
    out.push('', `Other errors (thrown outside the plugin's rules): ${r.otherErrors.length}`);
    for (const c of r.otherErrors) {
      out.push(`  ${c.file}${c.line ? `:${c.line}` : ''}  ${c.message}`);
      for (const f of c.stackTop) out.push(`      ${f}`);
    }
  }
  out.push('', `Hangs (a file over ${r.timeoutSeconds} s of CPU time, killed): ${r.timeouts.length}`);
  for (const t of r.timeouts) out.push(`  ${t.file}`);
  if (r.skipped.length > 0) out.push(`  skipped, deeper in the same series: ${r.skipped.map((s) => s.file).join(', ')}`);

  out.push('', `Findings: ${r.findings}${r.notices > 0 ? `  (other, non-rule messages: ${r.notices})` : ''}`);

  const timed = r.results.filter((e) => !e.skipped);
  out.push('', 'Slowest 10 files (CPU time of the linting process; wall time; of the wall time: parse incl. type program update, plugin rules):');
  for (const s of [...timed].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10)) {
    const wall = s.timeout ? 'killed' : `wall ${sec(s.ms).padStart(8)}  parse ${sec(s.parseMs).padStart(8)}  rules ${sec(s.rulesMs).padStart(8)}`;
    out.push(`  cpu ${sec(s.cpuMs).padStart(9)}  ${wall.padEnd(50)}  ${String(s.lines ?? '?').padStart(6)} lines  ${s.file}${s.timeout ? '  [hang]' : ''}`);
  }
  const perLine = linted(r)
    .filter((e) => e.lines >= 50)
    .sort((a, b) => b.rulesMs / b.lines - a.rulesMs / a.lines)
    .slice(0, 5);
  out.push('', 'Most rule time per line (files of 50+ lines):');
  for (const s of perLine)
    out.push(`  ${(s.rulesMs / s.lines).toFixed(2).padStart(7)} ms/line  rules ${sec(s.rulesMs).padStart(8)}  ${String(s.lines).padStart(6)} lines  ${s.file}`);

  const scaling = scalingReport(r.results);
  if (scaling.length > 0) {
    out.push('', 'Growth of rule time along each series (n^1 linear, n^2 quadratic; "hang" = killed):');
    for (const line of scaling) out.push(`  ${line}`);
  }
  out.push('', `Total time: ${sec(r.totalMs)}`);
  const failed = r.crashes.length + r.timeouts.length;
  out.push(failed === 0 ? 'OK: no rule crashes, no hangs.' : `FAIL: ${r.crashes.length} rule crash(es), ${r.timeouts.length} hang(s).`);
  return out.join('\n');
}

const linted = (r) => r.results.filter((e) => !e.timeout && !e.died && !e.skipped && !e.thrown && e.fatal.length === 0);

/**
 * For each series (scaling files and nesting ladders): rule time per size, and the growth exponent of
 * the last step (log of the time ratio over log of the size ratio between the two largest linted
 * sizes). A series is flagged when that exponent is above 1.5 and the largest size takes a second or
 * more, or when a size hangs. Nesting ladders are listed only when flagged.
 */
function scalingReport(results) {
  const series = new Map();
  for (const e of results) {
    if (!e.series || e.skipped || e.fatal.length > 0 || e.thrown) continue;
    if (!series.has(e.series)) series.set(e.series, []);
    series.get(e.series).push({ n: e.n, ms: e.timeout ? Infinity : e.rulesMs });
  }
  const lines = [];
  for (const [name, points] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    points.sort((a, b) => a.n - b.n);
    const finite = points.filter((p) => Number.isFinite(p.ms));
    const [prev, last] = finite.slice(-2);
    const exponent = prev && last && prev.ms > 0 && last.n > prev.n ? Math.log(last.ms / prev.ms) / Math.log(last.n / prev.n) : NaN;
    const hang = points.some((p) => !Number.isFinite(p.ms));
    const flagged = hang || (exponent > 1.5 && last.ms >= 1000);
    if (!name.startsWith('gen/') && !flagged) continue;
    const shown = points.length > 7 ? [...points.slice(0, 3), ...points.slice(-4)] : points;
    lines.push(
      `${name.padEnd(24)} ${shown.map((p) => `${p.n}: ${Number.isFinite(p.ms) ? `${p.ms.toFixed(0)} ms` : 'hang'}`).join('  ')}   last step n^${Number.isNaN(exponent) ? '?' : exponent.toFixed(1)}${flagged ? '  <-- super-linear' : ''}`,
    );
  }
  return lines;
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`stress: ${error.message}`);
    return 2;
  }
  if (args.help) {
    console.log(
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 24)
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return 0;
  }
  let result;
  try {
    let done = 0;
    result = await runStress({
      filter: args.filter,
      only: args.only,
      timeout: args.timeout,
      jobs: args.jobs,
      onFile: (entry) => {
        done++;
        const tag = entry.timeout
          ? ' [hang, killed]'
          : entry.died
            ? ' [process died]'
            : entry.skipped
              ? ' [skipped]'
              : entry.thrown
                ? ` [${entry.thrown.category} crash]`
                : entry.fatal?.length
                  ? ' [parser error]'
                  : '';
        if (args.verbose) console.error(`  ${(entry.cpuMs / 1000).toFixed(2).padStart(7)} s cpu  ${rel(entry.abs)}${tag}`);
        else if (entry.thrown?.category === 'rule' || entry.timeout || entry.died) console.error(`  ${rel(entry.abs)}${tag}`);
        else if (done % 100 === 0) console.error(`  … ${done} files`);
      },
    });
  } catch (error) {
    console.error(`stress: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  console.log(formatReport(result));
  if (args.json) writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  return result.crashes.length > 0 || result.timeouts.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
