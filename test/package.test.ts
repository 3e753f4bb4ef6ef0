// Package hygiene: what `npm publish` would ship, and what installing it would run and pull in.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.join(import.meta.dirname, '..');

interface PackageJson {
  name: string;
  license?: string;
  main?: string;
  types?: string;
  exports: Record<string, string | Record<string, string>>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
  devDependencies?: Record<string, string>;
}

const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as PackageJson;

/** The peer ranges settled in the design (DESIGN.md, "Peer ranges"). */
const peerRanges = {
  '@typescript-eslint/parser': '^8.72.0',
  eslint: '^9.15.0 || ^10.0.0',
  typescript: '>=5.2.0 <6.1.0',
};
const runtimeDependencies = ['@typescript-eslint/type-utils', '@typescript-eslint/utils'];

let packedFiles: string[];

beforeAll(() => {
  // `npm test` builds dist/ before vitest runs; the dry run packs whatever is there.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repo, encoding: 'utf8' })) as { files: { path: string }[] }[];
  packedFiles = packed!.files.map((file) => file.path).sort();
}, 60_000);

describe('the packed tarball', () => {
  it('holds only dist/, README.md, LICENSE and package.json', () => {
    expect(packedFiles.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(packedFiles.filter((file) => file.startsWith('dist/')).length).toBeGreaterThan(0);
    // No second TypeScript (or anything else) bundled in, no sources, no tests.
    expect(packedFiles.filter((file) => /node_modules|(^|\/)typescript\.js$|\.test\.|\.tsbuildinfo$/.test(file))).toEqual([]);
  });

  it('contains every file package.json points at', () => {
    const targets = [
      packageJson.main,
      packageJson.types,
      ...Object.values(packageJson.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ];
    for (const target of targets) expect(packedFiles).toContain(path.posix.normalize(target!));
  });

  it('is MIT licensed, with the license text shipped', () => {
    expect(packageJson.license).toBe('MIT');
    const license = readFileSync(path.join(repo, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain('eslint-plugin-unstopped contributors');
  });
});

describe('package.json', () => {
  it('runs nothing on install', () => {
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(packageJson.scripts ?? {}).filter((script) => lifecycle.includes(script))).toEqual([]);
  });

  it('depends at runtime only on @typescript-eslint/utils and its type helpers, bundling nothing', () => {
    expect(Object.keys(packageJson.dependencies ?? {}).sort()).toEqual(runtimeDependencies);
    expect(packageJson.optionalDependencies).toBeUndefined();
    expect(packageJson.bundleDependencies ?? packageJson.bundledDependencies).toBeUndefined();
  });

  it("takes eslint, typescript and @typescript-eslint/parser as required peers, with the design's ranges", () => {
    expect(packageJson.peerDependencies).toEqual(peerRanges);
    for (const peer of Object.keys(peerRanges)) {
      expect(packageJson.peerDependenciesMeta?.[peer]?.optional).not.toBe(true);
      expect(packageJson.dependencies?.[peer]).toBeUndefined();
    }
  });
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
