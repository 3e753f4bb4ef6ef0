// A child process of the stress run: lints the files of one project, one by one, and reports each
// result over IPC, so that the parent can kill it when one file hangs and go on with the rest.
// A child also runs the parser-depth probe (so that it measures the stack of a process like the one
// that lints). Messages in: { type: 'lint', project, files, pluginUrl } | { type: 'deep', outDir }.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { generateDeep, probeParserDepths } from './deep.mjs';

Error.stackTraceLimit = 50;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const send = (message) => new Promise((resolve) => process.send(message, resolve));
const countLines = (text) => (text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
const shortPath = (frame) => frame.replace(`file://${repoRoot}${path.sep}`, '').replace(repoRoot + path.sep, '');
/** Stack frames with runs of the same frame (recursion) shown once, with a count. */
const collapse = (frames) =>
  frames
    .reduce((out, f) => {
      const last = out[out.length - 1];
      if (last && last.frame === f) last.count++;
      else out.push({ frame: f, count: 1 });
      return out;
    }, [])
    .map(({ frame, count }) => (count > 1 ? `${frame}  (x${count})` : frame));

/** Classifies an exception thrown out of `lintFiles`: a rule crash or another error. */
export function classifyThrown(error, namespace, pluginDir) {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? message) : message;
  const rule = /Rule: "([^"]+)"/.exec(message)?.[1] ?? null;
  const line = Number(/Occurred while linting [^\n]*?:(\d+)/.exec(message)?.[1] ?? NaN);
  const frames = stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
  const pluginFrames = frames.filter((f) => f.includes(pluginDir + path.sep));
  const isRule = pluginFrames.length > 0 || (rule !== null && rule.startsWith(`${namespace}/`));
  return {
    category: isRule ? 'rule' : 'other',
    rule,
    line: Number.isNaN(line) ? null : line,
    message: message.split('\n')[0],
    stackTop: collapse(frames.map(shortPath)).slice(0, 4),
    pluginTop: collapse(pluginFrames.map(shortPath)).slice(0, 8),
    stackOverflow: error instanceof RangeError && /call stack/.test(message),
  };
}

function timesOf(result) {
  let parse = 0;
  let rules = 0;
  for (const pass of result?.stats?.times?.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    for (const t of Object.values(pass.rules ?? {})) rules += t.total;
  }
  return { parse, rules };
}

async function lintProject({ project, files, pluginUrl, outDir }) {
  const plugin = (await import(pluginUrl)).default;
  const namespace = plugin?.meta?.namespace ?? 'unstopped';
  const pluginDir = path.dirname(fileURLToPath(pluginUrl));
  const eslint = new ESLint({
    cwd: outDir,
    overrideConfigFile: true,
    ignore: false,
    stats: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { projectService: true, tsconfigRootDir: outDir },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      plugin.configs.all,
    ],
  });
  // The first file of a project pays for loading the program: lint a one-line file first.
  const warmup = path.join(project, '__warmup__.ts');
  writeFileSync(warmup, 'export {};\n');
  const w0 = performance.now();
  await send({ type: 'warmup-start' });
  try {
    await eslint.lintFiles([warmup]);
  } catch {
    /* shows again on the real files */
  }
  await send({ type: 'warmup', ms: performance.now() - w0 });

  for (let index = 0; index < files.length; index++) {
    const file = files[index];
    await send({ type: 'start', index });
    const text = readFileSync(file.abs, 'utf8');
    const entry = { ...file, lines: countLines(text), ms: 0, parseMs: 0, rulesMs: 0, findings: 0, fatal: [], notices: [] };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const cpuSince = () => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    try {
      const [result] = await eslint.lintFiles([file.abs]);
      entry.ms = performance.now() - t0;
      entry.cpuMs = cpuSince();
      Object.assign(entry, (({ parse, rules }) => ({ parseMs: parse, rulesMs: rules }))(timesOf(result)));
      for (const msg of result?.messages ?? []) {
        if (msg.fatal) entry.fatal.push({ line: msg.line ?? null, message: msg.message });
        else if (msg.ruleId === null) entry.notices.push({ line: msg.line, message: msg.message });
        else if (msg.ruleId.startsWith(`${namespace}/`)) entry.findings++;
      }
    } catch (error) {
      entry.ms = performance.now() - t0;
      entry.cpuMs = cpuSince();
      entry.thrown = classifyThrown(error, namespace, pluginDir);
    }
    await send({ type: 'file', index, entry });
  }
}

process.on('message', async (job) => {
  try {
    if (job.type === 'lint') await lintProject(job);
    else if (job.type === 'deep') {
      const t0 = performance.now();
      const probe = probeParserDepths(tsParser);
      const deep = generateDeep(job.outDir, probe);
      await send({ type: 'deep', probe, project: deep.project, files: deep.files, ms: performance.now() - t0 });
    }
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.exit(0);
});
