// Consumer test: the plugin as a user gets it. `npm pack` the built package, copy the fixture project
// (test/consumer/project) and `npm install --save-dev` the tarball with the peers (test/consumer/harness.mjs):
// npm resolves the peers and the plugin's dependencies itself, nothing is linked from this repository.
// Then, with the project's own tools: `tsc` type-checks the README's config as eslint.config.mts and
// eslint.config.js (// @ts-check) and every typed config form in typed-configs.mts; the ESLint CLI lints
// the project through each README recipe. The fixture plants one leak in each TypeScript extension
// (.ts, .tsx, .mts, .cts); the expected findings are in test/consumer/expected.json.
//
// Two installs: the repository's own versions (ESLint 10, TypeScript 5.9: what npm's cache holds after
// `npm ci`), and the floors of the peer ranges (the lowest ESLint 9, TypeScript and parser versions
// package.json admits), which needs the registry once and is skipped, saying so, when it cannot be
// reached. compat/run.mjs runs the same checks on every floor and latest version of each range.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import {
  codeBlocks,
  eslint,
  expected,
  fixture,
  inspect,
  install,
  offline,
  pack,
  repo,
  repoVersion,
  run,
  stagedGlob,
  summarize,
  typecheck,
  type Installed,
  type Run,
} from './consumer/harness.mjs';

const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };

/** What the project installs besides the tarball: the peers, and what the README's recipes use. */
const current = {
  eslint: repoVersion('eslint'),
  typescript: repoVersion('typescript'),
  '@typescript-eslint/parser': repoVersion('@typescript-eslint/parser'),
  'typescript-eslint': repoVersion('typescript-eslint'),
  '@types/node': repoVersion('@types/node'),
  '@microsoft/eslint-formatter-sarif': repoVersion('@microsoft/eslint-formatter-sarif'),
  jiti: '^2.2.0',
};

/** The lowest published version within the first part of a peer range, as npm sees the registry. */
async function floorOf(name: string): Promise<string> {
  const range = packageJson.peerDependencies[name]!.split('||')[0]!.trim();
  const result = await run('npm', ['view', `${name}@${range}`, 'version', '--json', '--prefer-offline'], { cwd: repo });
  if (result.code !== 0) throw new Error(`npm view ${name}@${range}: ${result.stderr.trim()}`);
  const versions = JSON.parse(result.stdout) as string | string[];
  return Array.isArray(versions) ? versions[0]! : versions;
}

let scratch: string;
let project: string;
let installed: Installed;
let floors: { project: string; installed: Installed } | { skipped: string };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function installFloors(tarball: string): Promise<typeof floors> {
  let versions: Record<string, string>;
  try {
    versions = {
      eslint: await floorOf('eslint'),
      typescript: await floorOf('typescript'),
      '@typescript-eslint/parser': await floorOf('@typescript-eslint/parser'),
    };
  } catch (error) {
    if (offline.test(String(error))) return { skipped: `the registry cannot be reached: ${String(error).split('\n')[0]}` };
    throw error;
  }
  const dir = path.join(scratch, 'floors');
  const result = await install(dir, tarball, {
    ...versions,
    'typescript-eslint': versions['@typescript-eslint/parser']!,
    '@types/node': current['@types/node'],
  });
  if (result.code !== 0 && offline.test(result.stderr)) return { skipped: `the registry cannot be reached: ${result.stderr.trim().split('\n')[0]}` };
  return { project: dir, installed: result };
}

beforeAll(async () => {
  // `npm test` builds first. A bare `vitest run` after editing src/ packs an old build: say so.
  if ((statSync(path.join(repo, 'dist', 'index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestMtime(path.join(repo, 'src'))) {
    console.warn('consumer test: dist/ is older than src/, so this packs the previous build; `npm test` rebuilds first.');
  }
  scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'unstopped-consumer-')));
  const tarball = pack(scratch);
  project = path.join(scratch, 'project');
  [installed, floors] = await Promise.all([install(project, tarball, current), installFloors(tarball)]);
  if (installed.code !== 0) throw new Error(`npm install ${installed.specs.join(' ')} failed (exit ${installed.code}):\n${installed.stderr}`);
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const sorted = (list: string[]) => [...list].sort();
/** The config files the project's tsconfig type-checks. */
const typedFiles = ['eslint.config.js', 'eslint.config.mts', 'typed-configs.mts'];

/** The lint of the whole project with the given config matches expected.json: findings, files linted, no crash. */
function expectTheFindings(dir: string, result: Run, expectation: typeof expect): void {
  const summary = summarize(dir, result);
  expectation(summary.fatal).toEqual([]);
  expectation(summary.findings).toEqual(sorted(expected.findings));
  expectation(summary.linted).toEqual(sorted(expected.linted));
  expectation(result.code).toBe(1);
}

describe('the README matches the fixture project', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const blocks = codeBlocks(readme);
  const file = (name: string) => readFileSync(path.join(fixture, name), 'utf8');

  it('its eslint.config.js and its CommonJS recipe are the fixture’s files, and eslint.config.mts is the same text', () => {
    const js = blocks.filter((block) => block.lang === 'js').map((block) => block.code);
    expect(js).toContain(file('eslint.config.js'));
    expect(js).toContain(file('eslint.config.cjs'));
    expect(file('eslint.config.mts')).toBe(file('eslint.config.js'));
  });

  it('its globs, and its lint-staged key, name all four TypeScript extensions', () => {
    for (const name of ['eslint.config.js', 'eslint.config.cjs']) expect(file(name)).toContain("files: ['**/*.{ts,tsx,mts,cts}']");
    const [lintStaged] = blocks.filter((block) => block.lang === 'json' && block.code.includes('lint-staged'));
    const [[pattern]] = Object.entries((JSON.parse(lintStaged!.code) as { 'lint-staged': Record<string, string> })['lint-staged']) as [[string, string]];
    const glob = stagedGlob(pattern);
    expect(['a.ts', 'b.tsx', 'c.mts', 'd.cts'].filter((name) => glob.test(name))).toHaveLength(4);
    expect(['e.js', 'f.mjs', 'g.cjs', 'h.json'].filter((name) => glob.test(name))).toEqual([]);
  });
});

// One concurrent suite: every check below is a process of its own (tsc, the ESLint CLI), run side by side.
describe.concurrent('the packed plugin installed by npm', () => {
  describe.concurrent('a project that installs the packed plugin with npm (the repository’s ESLint and TypeScript)', () => {
    it('gets it from npm with the peers it asked for, once each, and the plugin loads the parser’s TypeScript', async ({ expect }) => {
      const { versions, problems } = await inspect(project);
      expect(problems).toEqual([]);
      for (const name of ['eslint', 'typescript', '@typescript-eslint/parser'] as const) expect(versions[name]).toBe(current[name]);
    });

    it('type-checks the README config as eslint.config.mts and under // @ts-check, and every typed config form (tsc -p .)', async ({ expect }) => {
      // typed-configs.mts also holds uses that must fail (@ts-expect-error): were the types `any`, tsc would fail on them.
      const result = await typecheck(project);
      expect(result.errors).toEqual([]);
      expect(result.code).toBe(0);
      expect(result.files).toEqual(expect.arrayContaining(typedFiles));
    });

    it('(a) reports one leak in each of .ts, .tsx, .mts and .cts through its eslint.config.js, and exits 1', async ({ expect }) => {
      const result = await eslint(project, ['-f', 'json', '.']);
      expect(result.stderr).toBe('');
      expectTheFindings(project, result, expect);
      for (const extension of ['.ts', '.tsx', '.mts', '.cts'])
        expect(
          expected.findings.some((finding) => finding.split(':')[0]!.endsWith(extension)),
          extension,
        ).toBe(true);
    });

    it('(b) reports the same through the CommonJS eslint.config.cjs that require()s the plugin', async ({ expect }) => {
      const result = await eslint(project, ['-c', 'eslint.config.cjs', '-f', 'json', '.']);
      expect(result.stderr).toBe('');
      expectTheFindings(project, result, expect);
    });

    it('(e) the lint-staged recipe: its command on the files its glob stages reports each leak, and says nothing of an ignored file', async ({ expect }) => {
      const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
      const [lintStaged] = codeBlocks(readme).filter((block) => block.lang === 'json' && block.code.includes('lint-staged'));
      const [[pattern, command]] = Object.entries((JSON.parse(lintStaged!.code) as { 'lint-staged': Record<string, string> })['lint-staged']) as [
        [string, string],
      ];
      const [bin, ...flags] = command.split(' ');
      expect(bin).toBe('eslint');
      const glob = stagedGlob(pattern);
      const staged = (readdirSync(project, { recursive: true }) as string[])
        .map((name) => name.split(path.sep).join('/'))
        .filter((name) => !name.startsWith('node_modules/') && glob.test(path.posix.basename(name)));
      expect(staged.filter((name) => /\.(ts|tsx|mts|cts)$/.test(name)).sort()).toEqual(staged.sort());
      // lint-staged passes ignored files too (here one under node_modules): without --no-warn-ignored ESLint
      // would warn about it ("File ignored by default"), and --max-warnings 0 fail the commit on that alone.
      const result = await eslint(project, [...flags, '-f', 'json', ...staged, 'node_modules/eslint-plugin-unstopped/dist/index.js']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      const summary = summarize(project, result);
      expect(summary.fatal).toEqual([]);
      expect(summary.findings).toEqual(sorted(expected.findings));
      expect(summary.linted).toEqual(sorted(staged));
    });

    it("needs disable-type-checked only where the user turns the rules on for JavaScript: the typed rule stops ESLint with the plugin's message (exit 2)", async ({
      expect,
    }) => {
      // Kept under node_modules, which ESLint never lints, so that the other runs do not see it.
      const dir = path.join(project, 'node_modules', '.typed-js');
      mkdirSync(dir, { recursive: true });
      const onJs = "import unstopped from 'eslint-plugin-unstopped';\nexport default [{ ...unstopped.configs.recommended, files: ['**/*.js'] }";
      writeFileSync(path.join(dir, 'without.js'), `${onJs}];\n`);
      writeFileSync(path.join(dir, 'with.js'), `${onJs}, { files: ['**/*.js'], ...unstopped.configs['disable-type-checked'] }];\n`);
      const [without, withDisable] = await Promise.all([
        eslint(project, ['-c', path.join(dir, 'without.js'), 'scripts/tool.js']),
        eslint(project, ['-c', path.join(dir, 'with.js'), 'scripts/tool.js']),
      ]);
      expect(without.code).toBe(2);
      expect(without.stderr).toMatch(/unstopped\/[a-z-]+ needs type information[\s\S]*disable-type-checked/);
      expect(withDisable.stdout + withDisable.stderr).toBe('');
      expect(withDisable.code).toBe(0);
    });

    it('(c) writes a SARIF 2.1.0 report for code scanning with @microsoft/eslint-formatter-sarif', async ({ expect }) => {
      const output = path.join(scratch, 'eslint.sarif');
      const result = await eslint(project, ['-f', '@microsoft/eslint-formatter-sarif', '-o', output, '.']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      const sarif = JSON.parse(readFileSync(output, 'utf8')) as {
        version: string;
        $schema: string;
        runs: {
          tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
          results: {
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
          }[];
        }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
      expect(sarif.runs).toHaveLength(1);
      const [sarifRun] = sarif.runs;
      expect(sarifRun!.tool.driver.name).toBe('ESLint');
      const rule = plugin.rules['stop-on-evict'];
      expect(sarifRun!.tool.driver.rules).toContainEqual(
        expect.objectContaining({ id: 'unstopped/stop-on-evict', helpUri: rule.meta.docs?.url, shortDescription: { text: rule.meta.docs?.description } }),
      );
      expect(rule.meta.docs?.url).toMatch(/^https:\/\/.+\/docs\/rules\/stop-on-evict\.md$/);
      const findings = sarifRun!.results.map((result) => {
        expect(result.level).toBe('error');
        expect(result.message.text).toBeTruthy();
        expect(sarifRun!.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
        const [location] = result.locations;
        const file = path.relative(project, new URL(location!.physicalLocation.artifactLocation.uri).pathname);
        expect(location!.physicalLocation.region.startColumn).toBeGreaterThan(0);
        return `${file}:${location!.physicalLocation.region.startLine} ${result.ruleId}`;
      });
      expect(findings.sort()).toEqual(sorted(expected.findings));
    });

    it('(d) gives the same findings with --concurrency 2 (worker threads), here through the same config as eslint.config.mts (loaded by jiti)', async ({
      expect,
    }) => {
      const result = await eslint(project, ['-c', 'eslint.config.mts', '--concurrency', '2', '-f', 'json', '.']);
      // ESLint may warn that concurrency does not pay off on a project this small; nothing else.
      expect(result.stderr.replace(/.*ESLintPoorConcurrencyWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
      expectTheFindings(project, result, expect);
    });
  });

  describe.concurrent('the same project on the floors of the peer ranges (lowest ESLint 9, TypeScript and parser that package.json admits)', () => {
    it('npm installs them beside the plugin: the ranges admit them, and they are what it installed', async ({ expect, skip }) => {
      if ('skipped' in floors) return skip(floors.skipped);
      expect(floors.installed.code, floors.installed.stderr).toBe(0);
      const { versions, problems } = await inspect(floors.project);
      expect(problems).toEqual([]);
      expect(Number(versions.eslint!.split('.')[0])).toBe(9);
      for (const name of ['eslint', 'typescript', '@typescript-eslint/parser']) {
        const floor = packageJson.peerDependencies[name]!.split('||')[0]!
          .replace(/^[\^>=~\s]+/, '')
          .split(/\s/)[0]!;
        expect(versions[name], name).toBe(floor);
      }
    });

    it('type-checks the README config and every typed config form with that TypeScript and those ESLint types', async ({ expect, skip }) => {
      if ('skipped' in floors) return skip(floors.skipped);
      const result = await typecheck(floors.project);
      expect(result.errors).toEqual([]);
      expect(result.code).toBe(0);
      expect(result.files).toEqual(expect.arrayContaining(typedFiles));
    });

    it('lints it through the README config with the same findings', async ({ expect, skip }) => {
      if ('skipped' in floors) return skip(floors.skipped);
      const result = await eslint(floors.project, ['-f', 'json', '.']);
      expect(result.stderr).toBe('');
      expectTheFindings(floors.project, result, expect);
    });
  });
});
