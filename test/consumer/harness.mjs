// The consumer project as a user gets it, shared by test/consumer.test.ts (npm test) and
// compat/run.mjs (the peer-range matrix): pack the plugin, copy test/consumer/project, `npm install`
// the tarball and the peers at given versions with npm's own resolution (nothing linked from this
// repository), then type-check the project's config files and lint it through the installed ESLint CLI.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repo = path.join(import.meta.dirname, '..', '..');
export const fixture = path.join(import.meta.dirname, 'project');
/** What linting the fixture must report: `file:line ruleId` findings, the files linted, the files that lint clean. */
export const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, 'expected.json'), 'utf8'));

/** The peers and the packages a consumer of the README installs beside the plugin. */
export const peers = ['eslint', 'typescript', '@typescript-eslint/parser'];

/** Runs a command; never throws: `{ code, stdout, stderr }`. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** `npm pack` of the repository (dist/ must be built) into `destination`; the tarball's path. */
export function pack(destination) {
  if (!existsSync(path.join(repo, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first (`npm test` does).');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: repo, encoding: 'utf8' }));
  return path.join(destination, packed.filename);
}

/** The version of a package installed in this repository's node_modules (the devDependencies). */
export function repoVersion(name) {
  return JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** npm's messages for a registry it cannot reach (no network, no cached metadata). */
export const offline = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED)\b/;

/**
 * A copy of the fixture project in `dir` with `npm install --save-dev <tarball> name@version…`:
 * what `npm install --save-dev eslint-plugin-unstopped …` does for a user. npm resolves the peers and
 * the plugin's dependencies itself; a version outside a declared peer range fails here (ERESOLVE).
 * `--prefer-offline` takes what npm's cache already holds (after `npm ci`, the repository's versions).
 */
export async function install(dir, tarball, packages) {
  cpSync(fixture, dir, { recursive: true });
  // The fixture keeps no package.json of its own, so that inside this repository its files belong to
  // the plugin's package: `import … from 'eslint-plugin-unstopped'` in typed-configs.mts then resolves
  // to the built types (dist/) by self-reference, and `npm run typecheck` checks that file too.
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'unstopped-consumer', private: true, type: 'module', description: 'A copy of test/consumer/project' }, null, 2)}\n`,
  );
  const specs = [tarball, ...Object.entries(packages).map(([name, version]) => `${name}@${version}`)];
  const started = Date.now();
  const result = await run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir });
  return { ...result, seconds: (Date.now() - started) / 1000, specs };
}

/**
 * What npm installed, checked: the tree is valid by `npm ls` (no missing or invalid peer), each peer
 * is installed once at the top (not nested under the plugin), and the plugin loads the same
 * `typescript` module as the parser — the rules read ts.TypeFlags, which TypeScript 6 renumbered.
 * Returns the installed versions and the problems found (empty when all is well).
 */
export async function inspect(project) {
  const problems = [];
  const listing = await run('npm', ['ls', '--all', '--json'], { cwd: project });
  let tree;
  try {
    tree = JSON.parse(listing.stdout);
  } catch {
    tree = {};
  }
  // Only what concerns the plugin, its peers and its dependencies: the SARIF formatter, for one, asks
  // for `jschardet@latest`, which `npm ls` always calls invalid.
  const ours = /(^|\s)(eslint|typescript|typescript-eslint|jiti|@typescript-eslint\/[\w-]+|eslint-plugin-unstopped)@/;
  for (const problem of tree.problems ?? (listing.code === 0 ? [] : [listing.stderr.trim()])) if (ours.test(problem)) problems.push(`npm ls: ${problem}`);
  const modules = path.join(project, 'node_modules');
  const versionOf = (name, from = modules) => JSON.parse(readFileSync(path.join(from, name, 'package.json'), 'utf8')).version;
  const plugin = path.join(modules, 'eslint-plugin-unstopped');
  const versions = { 'eslint-plugin-unstopped': versionOf('eslint-plugin-unstopped') };
  for (const name of [...peers, 'typescript-eslint', '@typescript-eslint/utils', '@typescript-eslint/type-utils', '@types/node']) {
    if (existsSync(path.join(modules, name, 'package.json'))) versions[name] = versionOf(name);
  }
  for (const name of peers) {
    if (existsSync(path.join(plugin, 'node_modules', name))) problems.push(`a second ${name} is nested under the plugin`);
  }
  const fromPlugin = createRequire(path.join(plugin, 'dist', 'index.js'));
  const fromParser = createRequire(realpathSync(path.join(modules, '@typescript-eslint', 'parser', 'package.json')));
  const pluginTs = realpathSync(fromPlugin.resolve('typescript'));
  const parserTs = realpathSync(fromParser.resolve('typescript'));
  if (pluginTs !== parserTs) problems.push(`the plugin loads ${pluginTs}, the parser ${parserTs}`);
  return { versions, problems };
}

/**
 * The project's own `tsc -p .`: its tsconfig includes eslint.config.mts, eslint.config.js (// @ts-check)
 * and typed-configs.mts. `errors` are tsc's diagnostics; `files` the project's own files it checked.
 */
export async function typecheck(project) {
  const result = await run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--pretty', 'false', '--listFiles'], {
    cwd: project,
  });
  const lines = result.stdout.split('\n').filter(Boolean);
  const inProject = (line) => line.startsWith(project + path.sep) && !line.includes(`${path.sep}node_modules${path.sep}`);
  return {
    code: result.code,
    errors: [...lines.filter((line) => !path.isAbsolute(line)), ...(result.stderr.trim() ? [result.stderr.trim()] : [])],
    files: lines
      .filter(inProject)
      .map((line) => path.relative(project, line).split(path.sep).join('/'))
      .sort(),
  };
}

/** The project's own ESLint CLI. */
export function eslint(project, args, options = {}) {
  return run(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], { cwd: project, ...options });
}

/** `file:line ruleId` for every message (sorted), the linted files, and the parse errors or crashes (`fatal`). */
export function summarize(project, result) {
  let results;
  try {
    results = JSON.parse(result.stdout);
  } catch {
    return { findings: [], linted: [], fatal: [`no JSON output (exit ${result.code}): ${result.stderr.trim().split('\n').slice(0, 5).join(' | ')}`] };
  }
  const relative = (file) => path.relative(project, file).split(path.sep).join('/');
  return {
    findings: results.flatMap((entry) => entry.messages.map((message) => `${relative(entry.filePath)}:${message.line} ${message.ruleId}`)).sort(),
    linted: results.map((entry) => relative(entry.filePath)).sort(),
    fatal: results.flatMap((entry) =>
      entry.messages.filter((message) => message.fatal || !message.ruleId).map((message) => `${relative(entry.filePath)}: ${message.message}`),
    ),
  };
}

/** The fenced code blocks of a Markdown text, as `{ lang, code }`. */
export function codeBlocks(markdown) {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1], code: match[2] }));
}

/** A lint-staged key such as `*.{ts,tsx}` as a RegExp over a file's base name (only `*` and one brace list are understood). */
export function stagedGlob(pattern) {
  if (/[?[\]!/]|\*\*/.test(pattern) || (pattern.match(/\{/g) ?? []).length > 1) throw new Error(`stagedGlob: unsupported pattern ${pattern}`);
  const escape = (text) => text.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  const source = pattern.replace(/\{([^}]*)\}|[^{]+/g, (part, list) => (list === undefined ? escape(part) : `(?:${list.split(',').map(escape).join('|')})`));
  return new RegExp(`^${source}$`);
}
