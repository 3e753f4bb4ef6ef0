#!/usr/bin/env node
// Compatibility matrix: the packed plugin installed by npm beside the lowest and the latest version of
// each peer range that package.json declares, and the consumer checks of test/consumer.test.ts run on
// each (same fixture, same expectations: test/consumer/project, test/consumer/expected.json).
//
//   node compat/run.mjs [--cells name,name] [path/to/eslint-plugin-unstopped-x.y.z.tgz]
//
// Without a tarball it packs the repository (build dist/ first: `npm run build`). It needs the npm
// registry: the versions are read from it (`npm view`) and installed from it (`npm install`, as a user
// does, so npm resolves the peers: a version outside a declared range fails with ERESOLVE).
//
// The versions come from the peer ranges themselves, not from a list kept by hand: for each peer, the
// lowest published version of each part of its range and the latest of each major it admits (ESLint
// 9.22.0, latest 9.x, 10.0.0, latest 10.x; TypeScript 5.6.2, latest 5.x, latest 6.0;
// @typescript-eslint/parser 8.72.0, latest 8.x today). The cells below pair them so that every one of those versions is installed at least
// once, and the run fails if one is not. Each cell:
//   - installs the tarball, the three peers, typescript-eslint (the parser's version) and jiti;
//   - checks the install (no invalid peer, no second copy of a peer, the plugin loads the parser's
//     TypeScript);
//   - type-checks eslint.config.mts, eslint.config.js (// @ts-check) and typed-configs.mts with that
//     TypeScript against those ESLint and typescript-eslint types;
//   - lints the fixture through eslint.config.js, eslint.config.cjs and eslint.config.mts (jiti) and
//     expects the findings of expected.json.
// The ceilings cell also lints the project without `types` (TypeScript 6's default), where each rule
// must report once that Node's types are missing. One TypeScript 6 cell also runs a control: the plugin given a second TypeScript (the repository's 5.x)
// beside the program's 6.0, which renumbered ts.TypeFlags, must go wrong there — so the check that the
// plugin loads the parser's TypeScript is one that matters.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { eslint, expected, inspect, install, pack, repo, repoVersion, run, summarize, typecheck } from '../test/consumer/harness.mjs';

const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const peerRanges = packageJson.peerDependencies;

/** Each cell names, for each peer, which of its versions to install: `lowest`/`highest` overall or within major N (`lowest:10`). */
const cells = [
  { name: 'floors', eslint: 'lowest', typescript: 'lowest', parser: 'lowest' },
  { name: 'eslint-9-floor-ts-latest', eslint: 'lowest:9', typescript: 'highest', parser: 'highest' },
  { name: 'eslint-9-latest-ts-latest', eslint: 'highest:9', typescript: 'highest', parser: 'highest', control: true },
  { name: 'eslint-10-floor-ts-5-latest', eslint: 'lowest:10', typescript: 'highest:5', parser: 'lowest' },
  { name: 'eslint-10-latest-ts-floor', eslint: 'highest:10', typescript: 'lowest', parser: 'highest' },
  { name: 'ceilings', eslint: 'highest', typescript: 'highest', parser: 'highest', withoutNodeTypes: true },
];
const peerOfRole = { eslint: 'eslint', typescript: 'typescript', parser: '@typescript-eslint/parser' };

const args = process.argv.slice(2);
const only = args.includes('--cells') ? args[args.indexOf('--cells') + 1].split(',') : undefined;
const tarballArgument = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--cells');

const compare = (a, b) => {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The published versions (no prereleases) within a range, as npm resolves it, sorted. */
async function versionsIn(name, range) {
  const result = await run('npm', ['view', `${name}@${range}`, 'version', '--json'], { cwd: repo });
  if (result.code !== 0) throw new Error(`npm view ${name}@${range} failed: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  const parsed = JSON.parse(result.stdout);
  return (Array.isArray(parsed) ? parsed : [parsed]).filter((version) => /^\d+\.\d+\.\d+$/.test(version)).sort(compare);
}

/** `lowest`, `highest`, `lowest:N`, `highest:N` → a version from the list. */
function pick(versions, role) {
  const [end, major] = role.split(':');
  const pool = major === undefined ? versions : versions.filter((version) => version.split('.')[0] === major);
  if (pool.length === 0) throw new Error(`no published version for ${role}`);
  return end === 'lowest' ? pool[0] : pool[pool.length - 1];
}

/** Every version the matrix must install: the floor of each part of a range (`^9.22.0 || ^10.0.0` has two), and the latest of each major it admits. */
function floorsAndCeilings(versions, partFloors) {
  const majors = [...new Set(versions.map((version) => version.split('.')[0]))];
  return [...new Set([...partFloors, ...majors.map((major) => pick(versions, `highest:${major}`))])];
}

const failures = [];
function check(cell, condition, what, detail) {
  if (condition) console.log(`  ok    [${cell}] ${what}`);
  else {
    console.log(`  FAIL  [${cell}] ${what}${detail === undefined ? '' : `\n          ${String(detail).split('\n').join('\n          ')}`}`);
    failures.push(`[${cell}] ${what}`);
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (list) => [...list].sort();
const typedFiles = ['eslint.config.js', 'eslint.config.mts', 'typed-configs.mts'];

async function runCell(cell, versions, tarball, scratch) {
  const started = Date.now();
  const project = path.join(scratch, cell.name);
  const parser = versions['@typescript-eslint/parser'];
  const installed = await install(project, tarball, { ...versions, 'typescript-eslint': parser, '@types/node': repoVersion('@types/node'), jiti: '^2.2.0' });
  check(cell.name, installed.code === 0, `npm install ${installed.specs.slice(1).join(' ')} (${installed.seconds.toFixed(1)} s)`, installed.stderr.trim());
  if (installed.code !== 0) return;

  const { versions: got, problems } = await inspect(project);
  check(cell.name, problems.length === 0, 'the install is sound: peers valid and single, the plugin loads the parser’s TypeScript', problems.join('\n'));
  for (const [name, version] of Object.entries(versions)) check(cell.name, got[name] === version, `${name} ${version} installed`, `got ${got[name]}`);

  const [types, esm, cjs, mts] = await Promise.all([
    typecheck(project),
    eslint(project, ['-f', 'json', '.']),
    eslint(project, ['-c', 'eslint.config.cjs', '-f', 'json', '.']),
    eslint(project, ['-c', 'eslint.config.mts', '-f', 'json', '.']),
  ]);
  check(
    cell.name,
    types.code === 0 && types.errors.length === 0 && typedFiles.every((file) => types.files.includes(file)),
    `tsc ${got.typescript} type-checks ${typedFiles.join(', ')}`,
    types.errors.join('\n'),
  );
  for (const [label, result] of [
    ['eslint.config.js', esm],
    ['eslint.config.cjs', cjs],
    ['eslint.config.mts (jiti)', mts],
  ]) {
    const summary = summarize(project, result);
    const ok =
      summary.fatal.length === 0 && result.code === 1 && same(summary.findings, sorted(expected.findings)) && same(summary.linted, sorted(expected.linted));
    check(
      cell.name,
      ok,
      `${label}: exit 1 with the findings of expected.json`,
      `exit ${result.code}; fatal ${JSON.stringify(summary.fatal)}\nfindings ${JSON.stringify(summary.findings)}\nlinted ${JSON.stringify(summary.linted)}\n${result.stderr.trim().split('\n').slice(0, 8).join('\n')}`,
    );
  }

  if (cell.withoutNodeTypes) {
    // TypeScript 6 loads no @types unless `types` lists them: the same project without `types` gets
    // `any` for every timer and socket, and each rule must say so once instead of finding nothing.
    const bare = path.join(scratch, `${cell.name}-without-types`);
    cpSync(project, bare, { recursive: true, verbatimSymlinks: true });
    const tsconfigPath = path.join(bare, 'tsconfig.json');
    const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
    delete tsconfig.compilerOptions.types;
    writeFileSync(tsconfigPath, `${JSON.stringify(tsconfig, null, 2)}\n`);
    const result = await eslint(bare, ['-f', 'json', '.']);
    let messages = [];
    try {
      messages = JSON.parse(result.stdout).flatMap((entry) => entry.messages);
    } catch {
      // checked below: no output is a failure
    }
    const missing = messages.filter((message) => /No Node types in this program/.test(message.message));
    check(
      cell.name,
      missing.length === 2 && new Set(missing.map((message) => message.ruleId)).size === 2,
      `without "types" on TypeScript ${got.typescript}: each rule says once that Node's types are missing`,
      `exit ${result.code}; ${JSON.stringify(messages.map((message) => `${message.ruleId}: ${message.message}`)).slice(0, 800)}`,
    );
  }

  if (cell.control) {
    // The same project, but the plugin's `import ts from 'typescript'` finds a second copy (the
    // repository's TypeScript 5) while the parser builds the program with TypeScript 6.
    const repoTs = path.join(repo, 'node_modules', 'typescript');
    const repoTsVersion = existsSync(repoTs) ? repoVersion('typescript') : undefined;
    if (!repoTsVersion || repoTsVersion.split('.')[0] === got.typescript.split('.')[0]) {
      console.log(`  (control skipped: the repository's TypeScript ${repoTsVersion} is the same major as ${got.typescript})`);
    } else {
      const control = path.join(scratch, `${cell.name}-control`);
      cpSync(project, control, { recursive: true, verbatimSymlinks: true });
      const nested = path.join(control, 'node_modules', 'eslint-plugin-unstopped', 'node_modules');
      mkdirSync(nested, { recursive: true });
      symlinkSync(repoTs, path.join(nested, 'typescript'), 'dir');
      const result = await eslint(control, ['-f', 'json', '.']);
      const summary = summarize(control, result);
      const outcome = summary.fatal.length > 0 ? `crash: ${summary.fatal[0]}` : `findings ${JSON.stringify(summary.findings)}`;
      check(
        cell.name,
        summary.fatal.length > 0 || !same(summary.findings, sorted(expected.findings)),
        `control: with a second TypeScript (${repoTsVersion}) beside the program's ${got.typescript}, the plugin goes wrong (${outcome.slice(0, 200)})`,
      );
    }
  }
  console.log(`  [${cell.name}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'unstopped-compat-')));
const started = Date.now();
try {
  const tarball = tarballArgument ? path.resolve(tarballArgument) : pack(scratch);
  console.log(`compat: ${path.basename(tarball)} on node ${process.version}; peer ranges ${JSON.stringify(peerRanges)}`);

  const published = {};
  const partFloors = {};
  for (const [role, name] of Object.entries(peerOfRole)) {
    published[role] = await versionsIn(name, peerRanges[name]);
    partFloors[role] = [];
    for (const part of peerRanges[name].split('||')) partFloors[role].push((await versionsIn(name, part.trim()))[0]);
  }
  const plan = cells
    .filter((cell) => !only || only.includes(cell.name))
    .map((cell) => ({ cell, versions: Object.fromEntries(Object.entries(peerOfRole).map(([role, name]) => [name, pick(published[role], cell[role])])) }));
  if (plan.length === 0) throw new Error(`no cell named ${only}; cells: ${cells.map((cell) => cell.name).join(', ')}`);
  for (const { cell, versions } of plan)
    console.log(
      `  cell ${cell.name}: ${Object.entries(versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}`,
    );

  if (!only) {
    // Every floor and ceiling of every range is in some cell.
    for (const [role, name] of Object.entries(peerOfRole)) {
      const wanted = floorsAndCeilings(published[role], partFloors[role]);
      const covered = new Set(plan.map(({ versions }) => versions[name]));
      check(
        'matrix',
        wanted.every((version) => covered.has(version)),
        `${name} ${peerRanges[name]}: cells install ${wanted.join(', ')}`,
        `missing ${wanted.filter((version) => !covered.has(version)).join(', ')}`,
      );
    }
    // Each declared floor is a published version: what `^X` or `>=X` names is what gets tested.
    for (const [role, name] of Object.entries(peerOfRole)) {
      const declared = peerRanges[name].split('||').map(
        (part) =>
          part
            .trim()
            .replace(/^[\^~>=\s]+/, '')
            .split(/\s/)[0],
      );
      check(
        'matrix',
        same(declared, partFloors[role]),
        `${name}: each declared floor (${declared.join(', ')}) is a published version`,
        `lowest published: ${partFloors[role].join(', ')}`,
      );
    }
  }

  // Two cells at a time: each runs tsc and three ESLint processes side by side.
  const queue = [...plan];
  await Promise.all(
    [0, 1].map(async () => {
      while (queue.length > 0) {
        const { cell, versions } = queue.shift();
        try {
          await runCell(cell, versions, tarball, scratch);
        } catch (error) {
          check(cell.name, false, 'ran to the end', error?.stack ?? error);
        }
      }
    }),
  );
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\ncompat: ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failures.length > 0) {
  console.error(`COMPAT FAILED: ${failures.length} check(s) failed:\n  - ${failures.join('\n  - ')}`);
  process.exitCode = 1;
} else {
  console.log('compat: every cell installs, type-checks and reports the findings of expected.json.');
}
