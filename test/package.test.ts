// Package hygiene: what `npm publish` would ship, what installing it would run and pull in, the
// engines it claims, and the release tooling (Changesets) that writes CHANGELOG.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const repo = path.join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  validRange(range: string): string | null;
  valid(version: string): string | null;
  minVersion(range: string): { version: string } | null;
};

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  main?: string;
  types?: string;
  exports: Record<string, string | Record<string, string>>;
  engines?: { node?: string };
  repository?: { type?: string; url?: string };
  homepage?: string;
  bugs?: { url?: string };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
  devDependencies?: Record<string, string>;
}

interface PackedFile {
  path: string;
  size: number;
}

const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as PackageJson;
const repositoryHome = 'https://github.com/eslint-plugin-unstopped/eslint-plugin-unstopped';
const peers = ['@typescript-eslint/parser', 'eslint', 'typescript'];
const runtimeDependencies = ['@typescript-eslint/type-utils', '@typescript-eslint/utils'];

let packed: { id: string; size: number; unpackedSize: number; files: PackedFile[] };
let packedFiles: string[];

beforeAll(() => {
  // `npm test` builds dist/ before vitest runs; the dry run packs whatever is there, as `npm publish` would.
  // Not logged in, npm warns on stderr and still reports the tarball.
  const output = execFileSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const report = JSON.parse(output) as Record<string, typeof packed>;
  packed = report[packageJson.name]!;
  packedFiles = packed.files.map((file) => file.path).sort();
}, 60_000);

/** src/**\/*.ts, relative to src/, without the extension. */
function sourceModules(): string[] {
  return (readdirSync(path.join(repo, 'src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.split(path.sep).join('/').replace(/\.ts$/, ''))
    .sort();
}

describe('the tarball `npm publish` would upload', () => {
  it('is this package at its version', () => {
    expect(packed.id).toBe(`${packageJson.name}@${packageJson.version}`);
  });

  it('holds only dist/, README.md, LICENSE and package.json', () => {
    expect(packedFiles.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    // No second TypeScript (or anything else) bundled in, no sources, no tests.
    expect(packedFiles.filter((file) => /node_modules|(^|\/)typescript\.js$|\.test\.|\.tsbuildinfo$|^src\//.test(file))).toEqual([]);
  });

  it('has exactly one .js and one .d.ts per module of src/: nothing stale from an earlier build, nothing missing', () => {
    const modules = sourceModules();
    const expected = modules.flatMap((module) => [`dist/${module}.d.ts`, `dist/${module}.js`]).sort();
    // A failure listing extra files means dist/ holds output of deleted modules: `npm run clean && npm run build`.
    expect(packedFiles.filter((file) => file.startsWith('dist/'))).toEqual(expected);
  });

  it('ships no source maps, and no built file points at one (src/ is not shipped)', () => {
    expect(packedFiles.filter((file) => file.endsWith('.map'))).toEqual([]);
    const pointing = packedFiles.filter((file) => /\.(js|d\.ts)$/.test(file) && readFileSync(path.join(repo, file), 'utf8').includes('sourceMappingURL'));
    expect(pointing).toEqual([]);
  });

  it('contains every file package.json points at', () => {
    const targets = [
      packageJson.main,
      packageJson.types,
      ...Object.values(packageJson.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ];
    for (const target of targets) expect(packedFiles).toContain(path.posix.normalize(target!));
  });

  it('reports the sizes npm reports (printed for the record)', () => {
    const sum = packed.files.reduce((total, file) => total + file.size, 0);
    expect(sum).toBe(packed.unpackedSize);
    console.log(`tarball: ${packed.size} bytes packed, ${packed.unpackedSize} bytes unpacked, ${packed.files.length} files`);
  });

  it('is MIT licensed, with the license text shipped', () => {
    expect(packageJson.license).toBe('MIT');
    const license = readFileSync(path.join(repo, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain('eslint-plugin-unstopped contributors');
  });
});

describe('package.json', () => {
  it('names the repository, its home page and its issue tracker, where the rule pages live too', () => {
    expect(packageJson.repository).toEqual({ type: 'git', url: `git+${repositoryHome}.git` });
    expect(packageJson.homepage).toBe(`${repositoryHome}#readme`);
    expect(packageJson.bugs).toEqual({ url: `${repositoryHome}/issues` });
    // Each rule's docs.url (the SARIF helpUri, the editor's link) is a page in that repository.
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.url).toBe(`${repositoryHome}/blob/main/docs/rules/${name}.md`);
      expect(existsSync(path.join(repo, 'docs', 'rules', `${name}.md`))).toBe(true);
    }
  });

  it('runs nothing on install', () => {
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(packageJson.scripts ?? {}).filter((script) => lifecycle.includes(script))).toEqual([]);
  });

  it('depends at runtime only on @typescript-eslint/utils and its type helpers, bundling nothing', () => {
    expect(Object.keys(packageJson.dependencies ?? {}).sort()).toEqual(runtimeDependencies);
    expect(packageJson.optionalDependencies).toBeUndefined();
    expect(packageJson.bundleDependencies ?? packageJson.bundledDependencies).toBeUndefined();
  });

  it('takes eslint, typescript and @typescript-eslint/parser as required peers, whose ranges admit the versions tested here', () => {
    expect(Object.keys(packageJson.peerDependencies ?? {}).sort()).toEqual(peers);
    for (const peer of peers) {
      const range = packageJson.peerDependencies![peer]!;
      expect(semver.validRange(range), `${peer}: ${range}`).not.toBeNull();
      expect(packageJson.peerDependenciesMeta?.[peer]?.optional).not.toBe(true);
      expect(packageJson.dependencies?.[peer]).toBeUndefined();
      const installed = (JSON.parse(readFileSync(path.join(repo, 'node_modules', peer, 'package.json'), 'utf8')) as { version: string }).version;
      expect(semver.satisfies(installed, range), `${peer} ${installed} within ${range}`).toBe(true);
    }
  });

  it('is what package-lock.json records for the root, so that `npm ci` installs from the lock file', () => {
    const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
      name: string;
      version: string;
      packages: Record<string, Record<string, unknown>>;
    };
    const root = lock.packages['']!;
    expect({ name: lock.name, version: lock.version }).toEqual({ name: packageJson.name, version: packageJson.version });
    for (const field of ['version', 'license', 'dependencies', 'devDependencies', 'peerDependencies', 'engines'] as const) {
      expect(root[field], `package-lock.json packages[""].${field}: run \`npm install\``).toEqual(packageJson[field]);
    }
  });

  it('pins every development dependency to one version, so that `npm install` and `npm ci` agree', () => {
    const loose = Object.entries(packageJson.devDependencies ?? {}).filter(([, spec]) => !semver.valid(spec.replace(/^npm:(@?[^@]+)@/, '')));
    expect(loose).toEqual([]);
  });
});

describe('engines', () => {
  const engines = packageJson.engines?.node ?? '';

  it("admit the Node.js that runs this suite (CI's), from a floor that loads the ESM package through require()", () => {
    expect(semver.validRange(engines)).not.toBeNull();
    expect(semver.satisfies(process.versions.node, engines), `node ${process.versions.node} within ${engines}`).toBe(true);
    // A CommonJS config require()s the ESM package: Node 20.19 is the first 20.x to do that without a flag.
    expect(semver.minVersion(engines)?.version).toBe('20.19.0');
  });

  it('are met by every installed package on this Node.js, except one development dependency that runs on it anyway', () => {
    const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
    };
    const unmet = Object.entries(lock.packages)
      .filter(([location, entry]) => {
        const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return location !== '' && node !== undefined && !semver.satisfies(process.versions.node, node);
      })
      .map(([location, entry]) => ({ location, version: entry.version, dev: entry.dev === true }));
    // @cacheable/node-cache 3.1.1 declares node >= 22 (npm ci prints an EBADENGINE warning for it), but
    // test/libraries/ runs it on Node 20 and it behaves as the cache table says. It is the version whose
    // behaviour the plugin's cache data records; 3.0.1, the last one declaring node >= 18, is a different
    // implementation (no useClones, deleteOnExpire or checkperiod). It is a development dependency: users
    // of the plugin never install it.
    const allowed = [{ location: 'node_modules/@cacheable/node-cache', version: '3.1.1', dev: true }];
    expect(unmet).toEqual(semver.satisfies(process.versions.node, '>=22') ? [] : allowed);
  });
});

describe('releases (Changesets)', () => {
  const changesetDir = path.join(repo, '.changeset');
  const changesets = readdirSync(changesetDir).filter((file) => file.endsWith('.md') && file !== 'README.md');
  let scratch: string;

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('are configured for this single public package, with no tool committing on its own', () => {
    const config = JSON.parse(readFileSync(path.join(changesetDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ changelog: '@changesets/cli/changelog', commit: false, access: 'public', baseBranch: 'main' });
    expect(packageJson.devDependencies?.['@changesets/cli']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.scripts).toMatchObject({
      changeset: 'changeset',
      'release:version': expect.stringMatching(/^changeset version && npm install --package-lock-only/),
      release: expect.stringMatching(/^npm run clean && npm test && changeset publish$/),
    });
  });

  it('each pending changeset bumps this package only', () => {
    for (const file of changesets) {
      const text = readFileSync(path.join(changesetDir, file), 'utf8');
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
      expect(frontMatter, file).not.toBeNull();
      const bumps = frontMatter![1]!.split('\n').filter((line) => line.trim() !== '');
      for (const bump of bumps) expect(bump, file).toMatch(new RegExp(`^['"]?${packageJson.name}['"]?: (patch|minor|major)$`));
      expect(text.slice(frontMatter![0].length).trim().length, `${file} has a summary`).toBeGreaterThan(0);
    }
  });

  it('`changeset version` on a copy releases the next version and writes its CHANGELOG.md entry from the changesets', () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'unstopped-release-'));
    cpSync(changesetDir, path.join(scratch, '.changeset'), { recursive: true });
    cpSync(path.join(repo, 'CHANGELOG.md'), path.join(scratch, 'CHANGELOG.md'));
    writeFileSync(path.join(scratch, 'package.json'), JSON.stringify(packageJson, null, 2));
    const bin = path.join(repo, 'node_modules', '@changesets', 'cli', 'bin.js');
    execFileSync(process.execPath, [bin, 'version'], { cwd: scratch, stdio: 'pipe' });
    const released = (JSON.parse(readFileSync(path.join(scratch, 'package.json'), 'utf8')) as PackageJson).version;
    const changelog = readFileSync(path.join(scratch, 'CHANGELOG.md'), 'utf8');
    if (changesets.length === 0) {
      expect(released).toBe(packageJson.version);
      return;
    }
    // Not published yet: package.json says 0.0.0 and the first changeset makes the first release 0.1.0.
    if (!readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8').includes('\n## ')) expect(released).toBe('0.1.0');
    expect(changelog.startsWith(`# ${packageJson.name}\n\n## ${released}\n`)).toBe(true);
    for (const file of changesets) {
      const summary = readFileSync(path.join(changesetDir, file), 'utf8').split('\n---\n')[1]!.trim().split('\n')[0]!;
      expect(changelog).toContain(summary);
    }
    expect(readdirSync(path.join(scratch, '.changeset')).filter((file) => changesets.includes(file))).toEqual([]);
  }, 60_000);
});

describe('the built code', () => {
  it("imports only Node built-ins, its dependencies and its peers — so `typescript` is always the program's own copy", () => {
    const declared = new Set([...Object.keys(packageJson.dependencies ?? {}), ...Object.keys(packageJson.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const imported = new Map<string, string>();
    for (const file of packedFiles.filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(path.join(repo, file), 'utf8');
      for (const match of code.matchAll(
        /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm,
      )) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (specifier.startsWith('.')) continue;
        const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        imported.set(packageName, file);
      }
    }
    const undeclared = [...imported].filter(([name]) => !declared.has(name) && !builtins.has(name.replace(/^node:/, '')));
    expect(undeclared).toEqual([]);
    // The rules read ts.TypeFlags, which TypeScript 6.0 renumbered: they must come from the peer.
    expect(imported.has('typescript')).toBe(true);
  });
});
