// Consumer smoke test: the plugin as a user gets it. `npm pack` the built package, unpack the
// tarball into a fixture project's node_modules (peers — eslint, @typescript-eslint/parser,
// typescript — and the plugin's own dependencies are symlinked from this repository's install, so no
// registry is needed), and lint the project through the ESLint CLI with the project's own configs.
// The expected findings live in test/consumer/expected.json; compat/run.mjs asserts the same ones on
// ESLint 9 and TypeScript 6.0.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const repo = path.join(import.meta.dirname, '..');
const eslintBin = path.join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js');
const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, 'consumer', 'expected.json'), 'utf8')) as {
  findings: string[];
  clean: string[];
  linted: string[];
};

/** Packages the fixture project resolves from the repository's node_modules: the peers, the plugin's dependencies, the SARIF formatter and Node's types. */
const linkedPackages = [
  'eslint',
  'typescript',
  '@typescript-eslint/parser',
  '@typescript-eslint/utils',
  '@typescript-eslint/type-utils',
  '@microsoft/eslint-formatter-sarif',
  '@types/node',
];

let scratch: string;
let project: string;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // `npm test` builds first. A bare `vitest run` after editing src/ packs an old build: say so.
  const builtEntry = path.join(repo, 'dist', 'index.js');
  if (!existsSync(builtEntry)) throw new Error('dist/index.js is missing: run `npm run build` first (`npm test` does).');
  if (statSync(builtEntry).mtimeMs < newestMtime(path.join(repo, 'src'))) {
    console.warn('consumer test: dist/ is older than src/, so this packs the previous build; `npm test` rebuilds first.');
  }

  scratch = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'unstopped-consumer-')));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8' })) as {
    filename: string;
  }[];
  const tarball = path.join(scratch, packed[0]!.filename);

  project = path.join(scratch, 'project');
  cpSync(path.join(import.meta.dirname, 'consumer', 'project'), project, { recursive: true });
  const installed = path.join(project, 'node_modules', 'eslint-plugin-unstopped');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const name of linkedPackages) {
    const link = path.join(project, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(repo, 'node_modules', name), link, 'dir');
  }
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function eslint(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [eslintBin, ...args], { cwd: project, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface JsonResult {
  filePath: string;
  messages: { line: number; ruleId: string | null; fatal?: boolean; message: string }[];
}

/** `file:line ruleId` for every message, sorted, plus the linted files; fails on parse errors or crashes. */
function summarize(run: Run): { findings: string[]; linted: string[] } {
  const results = JSON.parse(run.stdout) as JsonResult[];
  const relative = (file: string) => path.relative(project, file).split(path.sep).join('/');
  const fatal = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${relative(result.filePath)}: ${message.message}`),
  );
  expect(fatal).toEqual([]);
  return {
    findings: results.flatMap((result) => result.messages.map((message) => `${relative(result.filePath)}:${message.line} ${message.ruleId}`)).sort(),
    linted: results.map((result) => relative(result.filePath)).sort(),
  };
}

describe.concurrent('a project that installs the packed plugin', () => {
  it('(a) reports the known leaks through its ESM eslint.config.js and exits 1; the .js file lints clean under disable-type-checked', async ({ expect }) => {
    const run = await eslint(['-f', 'json', '.']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const { findings, linted } = summarize(run);
    expect(findings).toEqual([...expected.findings].sort());
    expect(linted).toEqual([...expected.linted].sort());
  });

  it('exits 0 on the files without leaks (TypeScript and JavaScript)', async ({ expect }) => {
    const run = await eslint(['-f', 'json', ...expected.clean]);
    expect(run.stderr).toBe('');
    expect(summarize(run).findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("needs disable-type-checked on JavaScript: without it the typed rule stops ESLint with the plugin's message (exit 2)", async ({ expect }) => {
    // Kept under node_modules, which ESLint never lints, so that the other runs do not see it.
    const config = path.join(project, 'node_modules', '.typed-js', 'eslint.config.js');
    mkdirSync(path.dirname(config), { recursive: true });
    writeFileSync(config, "import unstopped from 'eslint-plugin-unstopped';\nexport default [{ files: ['**/*.js'], ...unstopped.configs.recommended }];\n");
    const run = await eslint(['-c', config, 'scripts/tool.js']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unstopped\/[a-z-]+ needs type information[\s\S]*disable-type-checked/);
  });

  it('(b) reports the same through a CommonJS eslint.config.cjs that require()s the plugin', async ({ expect }) => {
    const run = await eslint(['-c', 'eslint.config.cjs', '-f', 'json', '.']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const { findings, linted } = summarize(run);
    expect(findings).toEqual([...expected.findings].sort());
    expect(linted).toEqual([...expected.linted].sort());
  });

  it('(c) writes a SARIF 2.1.0 report for code scanning with @microsoft/eslint-formatter-sarif', async ({ expect }) => {
    const output = path.join(scratch, 'eslint.sarif');
    const run = await eslint(['-f', '@microsoft/eslint-formatter-sarif', '-o', output, '.']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
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
    expect(findings.sort()).toEqual([...expected.findings].sort());
  });

  it('(d) gives the same findings with --concurrency 2 (worker threads)', async ({ expect }) => {
    const run = await eslint(['--concurrency', '2', '-f', 'json', '.']);
    // ESLint may warn that concurrency does not pay off on a project this small; nothing else.
    expect(run.stderr.replace(/.*ESLintPoorConcurrencyWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
    expect(run.code).toBe(1);
    const { findings, linted } = summarize(run);
    expect(findings).toEqual([...expected.findings].sort());
    expect(linted).toEqual([...expected.linted].sort());
  });
});
