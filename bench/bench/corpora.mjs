// Prepares the benchmark's corpora in a git-ignored scratch folder (bench/.out/corpora/ by default):
// real code bases copied from node_modules with a generated tsconfig, and the generated corpus at
// each scale. ESLint never lints node_modules, and the packages' own tsconfigs use options that
// TypeScript 6 deprecates, hence the copies.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateCorpus } from '../corpus/generate.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Real code bases: pinned devDependencies that ship their TypeScript sources. */
export const REAL_BASES = {
  rxjs: {
    pkg: 'rxjs',
    src: 'src',
    note: 'rxjs 7.8.2 `src/` — few Maps or timers',
    compilerOptions: {},
  },
  trpc: {
    pkg: '@trpc/server',
    src: 'src',
    note: '@trpc/server 11.25.2 `src/` — Maps/Sets of subscriptions and observers, timers (ws adapter, streams)',
    compilerOptions: {
      // The sources import their own package by name; resolve those to the copy.
      paths: {
        '@trpc/server': ['./src/index.ts'],
        '@trpc/server/http': ['./src/http.ts'],
        '@trpc/server/*': ['./src/*'],
      },
    },
  },
};

function baseTsconfig(extra) {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2023', 'ESNext', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: false,
      skipLibCheck: true,
      noEmit: true,
      experimentalDecorators: true,
      ...extra,
    },
    include: ['src/**/*.ts'],
  };
}

function version(pkg) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Lines and files of the `.ts` sources under `dir` (what the worker lints). */
export function countSources(dir) {
  let files = 0;
  let lines = 0;
  const walk = (abs) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const full = path.join(abs, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        files++;
        lines += readFileSync(full, 'utf8').split('\n').length;
      }
    }
  };
  walk(dir);
  return { files, lines };
}

/** Copies one real base (only `.ts` files: the shipped tsconfig.*.json would capture the project service). */
export function prepareReal(name, outRoot) {
  const spec = REAL_BASES[name];
  if (!spec) throw new Error(`unknown real base ${name}`);
  const from = path.join(repoRoot, 'node_modules', spec.pkg, spec.src);
  if (!existsSync(from)) throw new Error(`${from} is missing: run npm ci`);
  const dir = path.join(outRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from, path.join(dir, 'src'), {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() || (src.endsWith('.ts') && !src.endsWith('.d.ts')) || src.endsWith('.d.ts'),
  });
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(baseTsconfig(spec.compilerOptions), null, 2)}\n`);
  return { name, dir, kind: 'real', label: `${spec.pkg}@${version(spec.pkg)}`, note: spec.note, ...countSources(dir) };
}

export function prepareGenerated(scale, outRoot, seed) {
  const dir = path.join(outRoot, `gen-${scale}x`);
  const summary = generateCorpus(dir, { scale, seed });
  return {
    name: `gen-${scale}x`,
    dir,
    kind: 'generated',
    scale,
    label: `generated ${scale}×`,
    leaks: summary.leaks,
    shapes: summary.shapes,
    ...countSources(dir),
  };
}
