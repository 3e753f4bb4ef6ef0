/**
 * The per-library table of docs/cache-libraries.md, rendered from the library records so the
 * page cannot drift from what the rules apply (a test compares them).
 */
import { CACHE_LIBRARIES } from './libraries/index.js';
import { EVICTION_PATHS, type CacheLibrary, type EvictionPath, type PathBehaviour } from './model.js';

const PATH_TITLES: Record<EvictionPath, string> = {
  overwrite: 'overwrite',
  sameValue: 'same value',
  delete: 'delete',
  clear: 'clear',
  expiry: 'expiry',
  sizeEviction: 'size eviction',
};

const COVERAGE_TEXT: Record<PathBehaviour['coverage'], string> = {
  hook: 'hook',
  lazy: 'hook, on access',
  timer: 'hook, from a timer',
  silent: '**silent**',
  kept: '—',
  absent: 'n/a',
};

function cell(library: CacheLibrary, path: EvictionPath): string {
  const behaviour = library.paths[path];
  let text = COVERAGE_TEXT[behaviour.coverage];
  // Nothing is dropped, yet the hook runs: a releasing hook stops a value that is still cached.
  if (behaviour.coverage === 'kept' && behaviour.hooks.length > 0) text = '**hook fires on a cached value**';
  const cases = (behaviour.when ?? []).map(
    (optionCase) => `${optionCase.is === 'truthy' ? '' : `${optionCase.is} `}\`${optionCase.option}\`: ${COVERAGE_TEXT[optionCase.coverage]}`,
  );
  return [text, ...cases].join('; ');
}

export function renderCacheTable(): string {
  const lines: string[] = [];
  lines.push('| library | hooks | ' + EVICTION_PATHS.map((path) => PATH_TITLES[path]).join(' | ') + ' |');
  lines.push('| --- | --- | ' + EVICTION_PATHS.map(() => '---').join(' | ') + ' |');
  for (const library of CACHE_LIBRARIES) {
    // A `|` inside a cell would end it, even within code.
    const hooks = library.hooks.length > 0 ? library.hooks.map((hook) => `\`${hook.signature.replaceAll('|', '\\|')}\``).join(', ') : 'none';
    lines.push(
      `| ${library.package} ${library.family} (${library.versionTested}) | ${hooks} | ${EVICTION_PATHS.map((path) => cell(library, path)).join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push('### Fixes');
  lines.push('');
  for (const library of CACHE_LIBRARIES) {
    lines.push(`- **${library.package} ${library.family}**: ${library.fix}`);
    for (const hazard of library.hazards) lines.push(`  - ${hazard}`);
  }
  return lines.join('\n');
}

export const CACHE_TABLE_BEGIN = '<!-- begin generated cache table: npm run docs:caches -->';
export const CACHE_TABLE_END = '<!-- end generated cache table -->';

/** The page with its generated part replaced. */
export function withCacheTable(page: string): string {
  const begin = page.indexOf(CACHE_TABLE_BEGIN);
  const end = page.indexOf(CACHE_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('the page has no generated cache table markers');
  return `${page.slice(0, begin + CACHE_TABLE_BEGIN.length)}\n\n${renderCacheTable()}\n\n${page.slice(end)}`;
}
