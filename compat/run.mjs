#!/usr/bin/env node
// Compatibility run: the packed plugin on ESLint 9.x and TypeScript 6.0 (compat/package.json, installed
// with `npm ci` from compat/package-lock.json). It asserts the same findings as the ESLint 10 /
// TypeScript 5.9 consumer test (test/consumer.test.ts, expectations in test/consumer/expected.json).
//
//   node compat/run.mjs [path/to/eslint-plugin-unstopped-x.y.z.tgz]
//
// Without an argument it packs the repository (build dist/ first: `npm run build`). The tarball is
// unpacked into compat/node_modules/eslint-plugin-unstopped, so the plugin's peers (eslint,
// typescript, @typescript-eslint/parser) and dependencies come from compat's own install: no registry.
//
// TypeScript 6.0 renumbered ts.TypeFlags. The plugin must read them from the program's own
// TypeScript; the run checks that it resolves TypeScript 6 here, and a control run gives the plugin
// a second copy (the repository's TypeScript 5.9) to show that the fixture would catch the mix-up.
// Any mismatch exits 1 with a COMPAT FAILED message.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const compatDir = import.meta.dirname;
const repo = path.join(compatDir, '..');
const modules = path.join(compatDir, 'node_modules');
const fixtureSources = path.join(repo, 'test', 'consumer', 'project');
const expected = JSON.parse(readFileSync(path.join(repo, 'test', 'consumer', 'expected.json'), 'utf8'));
const eslintBin = path.join(modules, 'eslint', 'bin', 'eslint.js');

const failures = [];
function check(condition, what, detail) {
  if (condition) console.log(`  ok  ${what}`);
  else {
    console.log(`  FAIL  ${what}${detail === undefined ? '' : `\n        ${detail}`}`);
    failures.push(what);
  }
}

function versionOf(packageName, from = modules) {
  return JSON.parse(readFileSync(path.join(from, packageName, 'package.json'), 'utf8')).version;
}

if (!existsSync(eslintBin)) {
  console.error('COMPAT FAILED: compat/node_modules is missing; run `npm ci` in compat/ first.');
  process.exit(1);
}

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'unstopped-compat-')));
const installed = path.join(modules, 'eslint-plugin-unstopped');

function unpack(tarball, into) {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
}

function eslint(cwd, args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [eslintBin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `file:line ruleId` for every message, the linted files, and any parse error or crash. */
function summarize(project, run) {
  let results;
  try {
    results = JSON.parse(run.stdout);
  } catch {
    return { findings: [], linted: [], fatal: [`no JSON output (exit ${run.code}): ${run.stderr.trim().split('\n').slice(0, 5).join(' | ')}`] };
  }
  const relative = (file) => path.relative(project, file).split(path.sep).join('/');
  return {
    findings: results.flatMap((result) => result.messages.map((message) => `${relative(result.filePath)}:${message.line} ${message.ruleId}`)).sort(),
    linted: results.map((result) => relative(result.filePath)).sort(),
    fatal: results.flatMap((result) =>
      result.messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${relative(result.filePath)}: ${message.message}`),
    ),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const expectedFindings = [...expected.findings].sort();
const expectedLinted = [...expected.linted].sort();

try {
  // 1. The tarball.
  let tarball = process.argv[2] && path.resolve(process.argv[2]);
  if (!tarball) {
    if (!existsSync(path.join(repo, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8' }));
    tarball = path.join(scratch, packed.filename);
  }
  unpack(tarball, installed);

  const versions = {
    plugin: versionOf('eslint-plugin-unstopped'),
    eslint: versionOf('eslint'),
    typescript: versionOf('typescript'),
    '@typescript-eslint/parser': versionOf('@typescript-eslint/parser'),
    '@typescript-eslint/utils': versionOf('@typescript-eslint/utils'),
  };
  console.log(
    `compat: ${path.basename(tarball)} on node ${process.version}, ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  );
  check(versions.eslint.startsWith('9.'), `ESLint is 9.x (${versions.eslint})`);
  check(versions.typescript.startsWith('6.0.'), `TypeScript is 6.0.x (${versions.typescript})`);

  // 2. The plugin uses the program's own TypeScript: the one the parser uses, version 6.
  const requireFromPlugin = createRequire(path.join(installed, 'dist', 'index.js'));
  const requireFromParser = createRequire(realpathSync(path.join(modules, '@typescript-eslint', 'parser', 'package.json')));
  const pluginTs = realpathSync(requireFromPlugin.resolve('typescript'));
  const parserTs = realpathSync(requireFromParser.resolve('typescript'));
  check(pluginTs === parserTs, 'the plugin and @typescript-eslint/parser load the same typescript module', `${pluginTs} vs ${parserTs}`);
  check(!existsSync(path.join(installed, 'node_modules')), 'the tarball bundles no node_modules');
  const ts6 = requireFromPlugin('typescript');
  const repoTsDir = path.join(repo, 'node_modules', 'typescript');
  const ts5 = existsSync(repoTsDir) ? createRequire(path.join(repo, 'package.json'))('typescript') : undefined;
  if (ts5) {
    console.log(
      `  ts.TypeFlags.Object: ${ts5.TypeFlags.Object} in TypeScript ${ts5.version}, ${ts6.TypeFlags.Object} in ${ts6.version}; Union: ${ts5.TypeFlags.Union} vs ${ts6.TypeFlags.Union}`,
    );
  }

  // 3. Lint the consumer fixture: ESM config, CommonJS config, clean files only.
  const project = path.join(scratch, 'project');
  cpSync(fixtureSources, project, { recursive: true });
  symlinkSync(modules, path.join(project, 'node_modules'), 'dir');

  // The control: the same tarball, but the plugin's `import ts from 'typescript'` finds a second
  // copy (the repository's TypeScript 5.9) while the parser builds the program with TypeScript 6.
  let control;
  if (ts5 && !ts5.version.startsWith('6.')) {
    control = path.join(scratch, 'control');
    cpSync(fixtureSources, control, { recursive: true });
    const controlModules = path.join(control, 'node_modules');
    mkdirSync(path.join(controlModules, '@typescript-eslint'), { recursive: true });
    for (const name of ['eslint', 'typescript', '@types', '@typescript-eslint/parser', '@typescript-eslint/utils', '@typescript-eslint/type-utils']) {
      symlinkSync(path.join(modules, name), path.join(controlModules, name), 'dir');
    }
    const controlPlugin = path.join(controlModules, 'eslint-plugin-unstopped');
    unpack(tarball, controlPlugin);
    mkdirSync(path.join(controlPlugin, 'node_modules'));
    symlinkSync(repoTsDir, path.join(controlPlugin, 'node_modules', 'typescript'), 'dir');
  }

  const started = Date.now();
  const [esm, cjs, clean, controlRun] = await Promise.all([
    eslint(project, ['-f', 'json', '.']),
    eslint(project, ['-c', 'eslint.config.cjs', '-f', 'json', '.']),
    eslint(project, ['-f', 'json', ...expected.clean]),
    control ? eslint(control, ['-f', 'json', '.']) : undefined,
  ]);
  console.log(`  (linted in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  for (const [label, run] of [
    ['ESM eslint.config.js', esm],
    ['CommonJS eslint.config.cjs', cjs],
  ]) {
    const summary = summarize(project, run);
    check(summary.fatal.length === 0, `${label}: no parse errors or crashes`, summary.fatal.join('\n        '));
    check(run.code === 1, `${label}: exit code 1`, `got ${run.code}: ${run.stderr.trim()}`);
    check(
      same(summary.findings, expectedFindings),
      `${label}: the findings of the ESLint 10 / TypeScript 5.9 consumer test`,
      `expected ${JSON.stringify(expectedFindings)}\n        got      ${JSON.stringify(summary.findings)}`,
    );
    check(
      same(summary.linted, expectedLinted),
      `${label}: every fixture file linted, the .js ones under disable-type-checked`,
      `got ${JSON.stringify(summary.linted)}`,
    );
  }
  const cleanSummary = summarize(project, clean);
  check(
    clean.code === 0 && cleanSummary.findings.length === 0 && cleanSummary.fatal.length === 0,
    `clean files (${expected.clean.join(', ')}): exit 0, no messages`,
    `exit ${clean.code}: ${JSON.stringify(cleanSummary)}`,
  );

  if (controlRun) {
    const controlSummary = summarize(control, controlRun);
    const controlResult = controlSummary.fatal.length > 0 ? `crash: ${controlSummary.fatal[0]}` : `findings ${JSON.stringify(controlSummary.findings)}`;
    check(
      !same(controlSummary.findings, expectedFindings) || controlSummary.fatal.length > 0,
      `control: with a second TypeScript (${ts5.version}) beside the program's ${ts6.version}, the plugin goes wrong (${controlResult})`,
    );
  } else {
    console.log('  (control run skipped: the repository has no TypeScript 5 install in node_modules)');
  }
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  rmSync(installed, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\nCOMPAT FAILED (ESLint 9 / TypeScript 6.0): ${failures.length} check(s) failed:\n  - ${failures.join('\n  - ')}`);
  process.exitCode = 1;
} else {
  console.log('\ncompat: ESLint 9 / TypeScript 6.0 give the same findings as ESLint 10 / TypeScript 5.9.');
}
