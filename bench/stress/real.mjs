// Real TypeScript sources shipped by pinned devDependencies, copied to the scratch folder
// with one generated tsconfig per package (lax: type errors are fine as long as files load).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which sources to copy, and which of the copied files to lint. effect ships more than half a
 * million lines; the folders below are the ones that keep resources in containers (fibers,
 * sockets, workers, pools, caches), plus its top-level modules under `maxBytes`.
 */
export const REAL_PACKAGES = [
  { name: 'rxjs', src: 'rxjs/src' },
  { name: 'zod', src: 'zod/src' },
  { name: 'trpc-server', src: '@trpc/server/src' },
  { name: 'mobx', src: 'mobx/src' },
  {
    name: 'effect',
    src: 'effect/src',
    lint: (rel, bytes) =>
      bytes <= 120_000 &&
      (/^(cluster|socket|rpc|workers|reactivity|persistence|net|process|devtools|workflow|observability)\//.test(rel) ||
        /^(FiberMap|FiberSet|FiberHandle|Pool|LayerMap|RcMap|RcRef|ScopedCache|Cache|Scope|Latch|Semaphore|PubSub|Queue|MutableHashMap|MutableList|Graph|Trie|Scheduler|ManagedRuntime|Resource|ScopedRef|Deferred|Fiber)\.ts$/.test(
          rel,
        ) ||
        /^internal\/(fiberRuntime|scheduler|references|hashMap|hashSet|rcMap|rcRef|pubsub|queue|mutableHashMap|schedule|tracer|random|layer|scope)/i.test(rel)),
  },
];

const COPY_EXTENSIONS = /\.(ts|tsx|mts|cts|json)$/;

export function realTsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'ESNext.Disposable', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      noImplicitAny: false,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      esModuleInterop: true,
      allowJs: false,
    },
    include: ['**/*.ts', '**/*.tsx'],
  };
}

/** Copies each package's sources to `<outDir>/real/<name>/` and returns the files to lint. */
export function prepareRealSources(outDir, nodeModulesDir) {
  const realDir = path.join(outDir, 'real');
  rmSync(realDir, { recursive: true, force: true });
  const files = [];
  const projects = [];
  const missing = [];
  for (const pkg of REAL_PACKAGES) {
    const from = path.join(nodeModulesDir, pkg.src);
    if (!existsSync(from)) {
      missing.push(pkg.src);
      continue;
    }
    const to = path.join(realDir, pkg.name);
    mkdirSync(to, { recursive: true });
    cpSync(from, to, {
      recursive: true,
      filter: (source) => statSync(source).isDirectory() || (COPY_EXTENSIONS.test(source) && !/tsconfig[^/]*\.json$/.test(source)),
    });
    writeFileSync(path.join(to, 'tsconfig.json'), `${JSON.stringify(realTsconfig(), null, 2)}\n`);
    projects.push(to);
    for (const abs of listTs(to)) {
      const rel = path.relative(to, abs).split(path.sep).join('/');
      if (rel.endsWith('.d.ts')) continue;
      const bytes = statSync(abs).size;
      if (pkg.lint && !pkg.lint(rel, bytes)) continue;
      files.push({ abs, group: `real/${pkg.name}`, kind: 'real' });
    }
  }
  return { files, projects, missing };
}

export function listTs(dir) {
  const out = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const full = path.join(abs, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
