// The real repositories of bench/realcode/repos.json and where their prepared checkouts live:
// $REALCODE_DIR, or a `realcode` folder beside this repository.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

export function realcodeDir() {
  return path.resolve(process.env.REALCODE_DIR ?? path.join(repoRoot, '..', 'realcode'));
}

// A repository in the set `retired` keeps its record (and its ledger entries) but is no longer
// linted or scored: readRepos() leaves it out unless asked for it.
export function readRepos({ retired = false } = {}) {
  const data = JSON.parse(readFileSync(path.join(here, 'repos.json'), 'utf8'));
  for (const repo of data.repos) {
    for (const field of ['name', 'repo', 'commit', 'set', 'tsconfig', 'lint']) {
      if (repo[field] === undefined) throw new Error(`bench/realcode/repos.json: ${repo.name ?? '?'} has no ${field}`);
    }
    if (!['tuning', 'validation', 'retired'].includes(repo.set)) {
      throw new Error(`bench/realcode/repos.json: ${repo.name}: set must be tuning, validation or retired`);
    }
  }
  return retired ? data.repos : data.repos.filter((repo) => repo.set !== 'retired');
}

export function repoByName(name) {
  const repo = readRepos().find((candidate) => candidate.name === name);
  if (!repo) {
    const retired = readRepos({ retired: true }).some((candidate) => candidate.name === name);
    throw new Error(
      retired ? `${name} is retired in bench/realcode/repos.json (no longer linted)` : `no repository named ${name} in bench/realcode/repos.json`,
    );
  }
  return repo;
}

/** The steps that rebuild one checkout, for a person to run: clone, check out, install, the tsconfig. */
export function preparationSteps(repo) {
  const dir = path.join(realcodeDir(), repo.name);
  const installs = Array.isArray(repo.install) ? repo.install : repo.install ? [repo.install] : [];
  return [
    `git clone https://github.com/${repo.repo}.git ${dir}`,
    `git -C ${dir} checkout ${repo.commit}`,
    ...installs.map((step) => `(cd ${path.join(dir, step.cwd ?? '.')} && ${step.command})`),
    `npm run realcode -- --prepare   # writes ${path.join(dir, 'tsconfig.unstopped.json')} from repos.json`,
  ];
}

/** Writes the generated tsconfig of a checkout; false when the checkout is missing. */
export function writeTsconfig(repo) {
  const dir = path.join(realcodeDir(), repo.name);
  if (!existsSync(dir)) return false;
  writeFileSync(path.join(dir, 'tsconfig.unstopped.json'), `${JSON.stringify(repo.tsconfig, null, 2)}\n`);
  return true;
}
