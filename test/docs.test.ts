// The documentation is tested against the plugin's behaviour:
// - rule pages: every ```ts example is linted; the lines marked `// ❌` must be exactly the lines the
//   rule reports (with the text after the mark in the message and the code after `💡` in a
//   suggestion), examples under "✅ Correct" or "What is not reported" must have no mark and no
//   report, and the options table must be the rule's schema with its defaults;
// - the example's README shows what its lint prints; the README quotes the error typescript-eslint
//   gives for a root file outside the tsconfig, and its fixes work;
// - links and repository paths named in the docs exist; nothing in docs/ speaks of issues or work
//   sessions; the generated parts (rule headers, rule list, cache table) are up to date.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import parser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { CACHE_LIBRARIES } from '../src/analysis/caches/libraries/index.js';
import { withCacheTable } from '../src/analysis/caches/table.js';
import plugin from '../src/index.js';
import { fixturesDir } from './ruleTester.js';

const repo = path.join(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(path.join(repo, file), 'utf8');
const semver = createRequire(import.meta.url)('semver') as {
  inc(version: string, release: string): string | null;
  valid(version: string): string | null;
};

// ---------------------------------------------------------------------------------------------
// Reading markdown
// ---------------------------------------------------------------------------------------------

type Section = 'incorrect' | 'correct' | 'free';

interface CodeBlock {
  lang: string;
  /** 1-based line of the first code line in the markdown file. */
  line: number;
  code: string;
  /** The `##`/`###`/`####` headings above the block, outermost first. */
  headings: string[];
  section: Section;
  /** From an `<!-- options: {...} -->` comment just before the block. */
  options?: Record<string, unknown>;
  /** The prose paragraph before the block (after any options comment). */
  before: string;
}

function sectionOf(headings: string[]): Section {
  for (const heading of [...headings].reverse()) {
    if (heading.includes('❌')) return 'incorrect';
    if (heading.includes('✅') || /not reported/i.test(heading)) return 'correct';
  }
  return 'free';
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  const headings: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    if (heading) {
      headings.length = heading[1]!.length - 2;
      headings.push(heading[2]!);
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    // Look back over blank lines for an options comment, then the paragraph before it.
    let back = index - 1;
    while (back >= 0 && lines[back]!.trim() === '') back--;
    let options: Record<string, unknown> | undefined;
    const comment = back >= 0 ? /^<!-- options: (.*) -->$/.exec(lines[back]!) : null;
    if (comment) {
      options = JSON.parse(comment[1]!) as Record<string, unknown>;
      back--;
      while (back >= 0 && lines[back]!.trim() === '') back--;
    }
    const paragraph: string[] = [];
    while (back >= 0 && lines[back]!.trim() !== '' && !lines[back]!.startsWith('#') && !lines[back]!.startsWith('```')) paragraph.unshift(lines[back--]!);
    blocks.push({
      lang: fence[1]!,
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      headings: [...headings],
      section: sectionOf(headings),
      options,
      before: paragraph.join(' '),
    });
    index = end;
  }
  return blocks;
}

/** The `## Heading` titles of a page, in order. */
function topHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
}

/** The text of the `## title` section, up to the next `## `. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start === -1) return '';
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

// ---------------------------------------------------------------------------------------------
// Linting an example
// ---------------------------------------------------------------------------------------------

interface Mark {
  line: number;
  message?: string;
  suggestion?: string;
}

/** `// ❌ text 💡 \`code\``: the line is reported, the message contains text, a suggestion inserts code. */
function marks(code: string): Mark[] {
  return code.split('\n').flatMap((text, index) => {
    const at = text.indexOf('// ❌');
    if (at === -1) return [];
    const [message, suggestion] = text.slice(at + '// ❌'.length).split('💡');
    return [
      {
        line: index + 1,
        ...(message!.trim() ? { message: message!.trim() } : {}),
        ...(suggestion?.trim() ? { suggestion: suggestion.trim().replace(/^`|`$/g, '') } : {}),
      },
    ];
  });
}

function lint(code: string, rules: string[], options: Record<string, unknown> | undefined): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
        plugins: { unstopped: plugin as never },
        rules: Object.fromEntries(rules.map((rule) => [`unstopped/${rule}`, options ? ['error', options] : 'error'])),
      },
    ],
    path.join(fixturesDir, 'file.ts'),
  );
}

/**
 * Lints one example with `rules` and checks it against its marks: the reported lines are exactly
 * the marked ones, each mark's text is in a message on its line, its `💡` code is what a suggestion
 * inserts (`💡 none`: no suggestion).
 */
function checkExample(block: CodeBlock, rules: string[]): void {
  const expected = marks(block.code);
  if (block.section === 'incorrect') expect(expected.length, 'an incorrect example marks a reported line').toBeGreaterThan(0);
  if (block.section === 'correct') expect(expected, 'a correct example marks nothing').toEqual([]);
  if (block.options) {
    // The options are spelled out in the prose right before the example.
    const spelled = [...block.before.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.replace(/\s+/g, ''));
    expect(spelled).toContain(JSON.stringify(block.options));
  }
  const messages = lint(block.code, rules, block.options);
  expect(messages.filter((message) => message.fatal || message.ruleId === null).map((message) => message.message)).toEqual([]);
  const reports = messages.filter((message) => rules.some((rule) => message.ruleId === `unstopped/${rule}`));
  const describe = (message: Linter.LintMessage): string => `${message.line}: ${message.message}`;
  expect(
    [...new Set(reports.map((report) => report.line))].sort((a, b) => a - b),
    reports.map(describe).join('\n'),
  ).toEqual(expected.map((mark) => mark.line));
  for (const mark of expected) {
    const here = reports.filter((report) => report.line === mark.line);
    if (mark.message) expect(here.map((report) => report.message).join('\n')).toContain(mark.message);
    const inserted = here.flatMap((report) => report.suggestions ?? []).map((suggestion) => suggestion.fix.text.trim());
    if (mark.suggestion === 'none') expect(inserted).toEqual([]);
    else if (mark.suggestion) expect(inserted).toContain(mark.suggestion);
  }
  // Correct code is correct for the whole recommended config, not only for this rule.
  if (block.section === 'correct' && block.headings.some((heading) => heading.includes('✅'))) {
    const all = lint(block.code, Object.keys(plugin.rules), block.options).filter((message) => message.ruleId?.startsWith('unstopped/'));
    expect(all.map(describe)).toEqual([]);
  }
}

/** The default options of a rule and its schema's properties. */
function optionsOf(ruleName: string): { defaults: Record<string, unknown>; properties: Record<string, { type?: string; items?: unknown }> } {
  const meta = (plugin.rules as Record<string, { meta: { defaultOptions?: unknown[]; schema?: unknown } }>)[ruleName]!.meta;
  const schema = (Array.isArray(meta.schema) ? meta.schema[0] : meta.schema) as { properties?: Record<string, { type?: string }> } | undefined;
  return { defaults: (meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>, properties: schema?.properties ?? {} };
}

/** The next release: package.json's version with the pending changesets applied. */
function nextRelease(): string {
  const version = (JSON.parse(read('package.json')) as { version: string }).version;
  const order = ['patch', 'minor', 'major'];
  let bump = -1;
  for (const file of readdirSync(path.join(repo, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    for (const match of read(`.changeset/${file}`).matchAll(/^['"]?eslint-plugin-unstopped['"]?: (patch|minor|major)$/gm))
      bump = Math.max(bump, order.indexOf(match[1]!));
  }
  return bump === -1 ? version : semver.inc(version, order[bump]!)!;
}

// ---------------------------------------------------------------------------------------------
// Rule pages
// ---------------------------------------------------------------------------------------------

for (const ruleName of Object.keys(plugin.rules)) {
  const file = `docs/rules/${ruleName}.md`;
  const markdown = read(file);
  const blocks = codeBlocks(markdown);
  const examples = blocks.filter((block) => block.lang === 'ts');

  describe(file, () => {
    it('has the sections of a rule page, "What is not reported" first, and stays short enough to read', () => {
      const headings = topHeadings(markdown);
      for (const required of ['What is not reported', 'Examples', 'Options', 'When not to use it', 'Related rules', 'Version']) {
        expect(headings, required).toContain(required);
      }
      expect(headings[0]).toBe('What is not reported');
      expect(headings.indexOf('Options')).toBeLessThan(headings.indexOf('When not to use it'));
      expect(headings.indexOf('Related rules')).toBeLessThan(headings.indexOf('Version'));
      // What a reader reads: the prose outside the examples (the page was 290 lines of it, 878 in all).
      let inCode = false;
      const prose = markdown.split('\n').filter((line) => {
        if (line.startsWith('```')) inCode = !inCode;
        return !inCode && !line.startsWith('```');
      });
      expect(prose.length).toBeLessThanOrEqual(160);
      // The rest is linted examples, one per option at least.
      expect(markdown.split('\n').length).toBeLessThanOrEqual(650);
    });

    it('has incorrect and correct examples, and every TypeScript block is an example the tests lint', () => {
      expect(examples.some((block) => block.section === 'incorrect')).toBe(true);
      expect(examples.some((block) => block.section === 'correct')).toBe(true);
      expect(blocks.filter((block) => !['ts', 'json'].includes(block.lang)).map((block) => `${block.lang} at line ${block.line}`)).toEqual([]);
    });

    for (const block of examples) {
      it(`${block.section === 'free' ? block.headings.at(-1) : block.section} example at line ${block.line}${block.options ? ' (with options)' : ''}`, () => {
        checkExample(block, [ruleName]);
      });
    }

    it('says the rule never autofixes and has no untyped mode, and it does not and has none; the void it inserts is one no-floating-promises accepts by default', () => {
      expect(markdown).toContain('never autofixes');
      expect((plugin.rules as Record<string, { meta: { fixable?: unknown; hasSuggestions?: boolean } }>)[ruleName]!.meta).toMatchObject({
        hasSuggestions: true,
      });
      expect((plugin.rules as Record<string, { meta: { fixable?: unknown } }>)[ruleName]!.meta.fixable).toBeUndefined();
      expect(markdown).toMatch(/no-floating-promises[\s\S]*`void …`,\s+which that rule accepts\s+by default/);
      const floating = (code: string) =>
        new Linter({ configType: 'flat' }).verify(
          code,
          [
            {
              files: ['**/*.ts'],
              languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
              plugins: { '@typescript-eslint': tseslint.plugin as never },
              rules: { '@typescript-eslint/no-floating-promises': 'error' },
            },
          ],
          path.join(fixturesDir, 'file.ts'),
        );
      // "no untyped mode": without type information the rule stops the run and says why.
      expect(markdown).toContain('the rule has no untyped mode');
      expect(() =>
        new Linter({ configType: 'flat' }).verify(
          'export {};',
          [{ plugins: { unstopped: plugin as never }, rules: { [`unstopped/${ruleName}`]: 'error' } }],
          'file.js',
        ),
      ).toThrow(/needs type information/);
      const declaration = 'declare const worker: { terminate(): Promise<number> };\n';
      expect(floating(`${declaration}worker.terminate();`)).toHaveLength(1);
      expect(floating(`${declaration}void worker.terminate();`)).toEqual([]);
    });

    it('lists every option of the schema with its type and default, and nothing else', () => {
      const { defaults, properties } = optionsOf(ruleName);
      const rows = section(markdown, 'Options')
        .split('\n')
        .filter((line) => /^\| `\w+` \|/.test(line))
        .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\|$/g, '').trim()));
      expect(rows.map((row) => row[0]!.replace(/`/g, '')).sort()).toEqual(Object.keys(properties).sort());
      for (const [name, type, defaultCell] of rows) {
        const option = name!.replace(/`/g, '');
        const schemaType = properties[option]!.type;
        expect(type, option).toMatch(schemaType === 'array' ? /\[\]`$/ : new RegExp(`^\`${schemaType}\`$`));
        expect(defaultCell, option).toBe(`\`${JSON.stringify(defaults[option])}\``);
      }
    });

    it('shows each option in a linted example, and its JSON configurations pass the schema', () => {
      const { properties } = optionsOf(ruleName);
      const shown = new Set(examples.flatMap((block) => Object.keys(block.options ?? {})));
      expect([...shown].sort()).toEqual(Object.keys(properties).sort());
      const verify = (rules: Linter.RulesRecord) => () =>
        new Linter({ configType: 'flat' }).verify(
          'export {};',
          [
            {
              files: ['**/*.ts'],
              languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
              plugins: { unstopped: plugin as never },
              rules,
            },
          ],
          path.join(fixturesDir, 'file.ts'),
        );
      // Options the schema rejects throw.
      expect(verify({ [`unstopped/${ruleName}`]: ['error', { notAnOption: true }] })).toThrow(/notAnOption|additional/i);
      for (const block of blocks.filter((candidate) => candidate.lang === 'json')) {
        const config = JSON.parse(block.code) as { rules: Linter.RulesRecord };
        expect(Object.keys(config.rules)).toEqual([`unstopped/${ruleName}`]);
        expect(verify(config.rules)).not.toThrow();
      }
    });

    it('says which version added the rule: the first release that has it', () => {
      const version = /^Added in (\d+\.\d+\.\d+)\.$/m.exec(section(markdown, 'Version'))?.[1];
      expect(version && semver.valid(version)).toBeTruthy();
      const changelog = read('CHANGELOG.md');
      const released = [...changelog.matchAll(/^## (\d+\.\d+\.\d+)$/gm)].map((match) => match[1]!);
      const firstWithRule = released.reverse().find((release) => {
        const entry = changelog.slice(changelog.indexOf(`## ${release}\n`)).split(/\n## /)[0]!;
        return entry.includes(`\`${ruleName}\``);
      });
      if (firstWithRule) expect(version).toBe(firstWithRule);
      else {
        // Not released yet: a pending changeset announces it, for the next release.
        const pending = readdirSync(path.join(repo, '.changeset'))
          .filter((name) => name.endsWith('.md') && name !== 'README.md')
          .map((name) => read(`.changeset/${name}`));
        expect(pending.some((text) => text.includes(`\`${ruleName}\``))).toBe(true);
        expect(version).toBe(nextRelease());
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Every page
// ---------------------------------------------------------------------------------------------

const pages = [
  'README.md',
  'CHANGELOG.md',
  '.changeset/README.md',
  'examples/meter-service/README.md',
  ...(readdirSync(path.join(repo, 'docs'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file.split(path.sep).join('/')}`),
];

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1]!)));
}

describe('links and paths in the docs', () => {
  const ownRepository = 'https://github.com/eslint-plugin-unstopped/eslint-plugin-unstopped/';

  for (const page of pages) {
    it(`${page}: relative links, links into this repository and backticked repository paths exist`, () => {
      const markdown = read(page);
      const broken: string[] = [];
      for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
        const [linked, anchor] = target!.split('#') as [string, string | undefined];
        let file = linked;
        if (/^https?:/.test(file)) {
          if (!file.startsWith(ownRepository)) continue;
          file = file.slice(ownRepository.length).replace(/^(blob|tree)\/main\//, '');
          if (file === '' || file === 'issues') continue;
          file = path.relative(path.dirname(page), file);
        }
        const resolved = file === '' ? page : path.posix.join(path.posix.dirname(page), file);
        if (!existsSync(path.join(repo, resolved))) broken.push(target!);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) broken.push(target!);
      }
      for (const [, candidate] of markdown.matchAll(/`((?:src|test|bench|docs|examples|scripts|compat|\.ci|\.changeset)\/[\w./-]*)`/g)) {
        // bench/.out/ is the benchmarks' git-ignored output; an example's README names its own files.
        if (candidate!.startsWith('bench/.out/')) continue;
        if (!existsSync(path.join(repo, candidate!)) && !existsSync(path.join(repo, path.dirname(page), candidate!))) broken.push(candidate!);
      }
      expect(broken).toEqual([]);
    });
  }

  it('nothing in docs/ speaks of issues or work sessions instead of the product', () => {
    const offending = pages
      .filter((page) => page.startsWith('docs/'))
      .flatMap((page) =>
        read(page)
          .split('\n')
          .map((line, index) => ({ page, line: index + 1, text: line }))
          .filter(({ text }) =>
            /\bissues? #?\d+|\(issue\b|\b(this|that|a|the|work|supplementary|previous|next) (session|run of the day)\b|\bsessions? of work\b|\bthis day\b|\bthe afternoon\b/i.test(
              text,
            ),
          ),
      )
      .map(({ page, line, text }) => `${page}:${line}: ${text}`);
    expect(offending).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The example and the README
// ---------------------------------------------------------------------------------------------

describe('examples/meter-service/README.md', () => {
  it('shows what `npm run example` prints after building: the lint output of lint.js, and exit code 1', () => {
    // Loads the built plugin (dist/): `npm test` builds first.
    const run = spawnSync(process.execPath, [path.join(repo, 'examples', 'meter-service', 'lint.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const shown = codeBlocks(read('examples/meter-service/README.md')).filter((block) => block.lang === 'text');
    expect(shown).toHaveLength(1);
    expect(run.stdout.split(repo).join('/…').trim()).toBe(shown[0]!.code.trim());
  });

  it('says what each report suggests', async () => {
    const readme = read('examples/meter-service/README.md');
    expect(readme).toContain(
      'offers\nan editor suggestion that inserts `meters.get(route)?.stop();` before it (on node-cache, whose `get()`\nreturns the type it is told, `meters.get<Meter>(route)?.stop();`).',
    );
    const { default: config } = (await import(pathToFileURL(path.join(repo, 'examples', 'meter-service', 'eslint.config.js')).href)) as {
      default: Linter.Config[];
    };
    const eslint = new ESLint({ cwd: path.join(repo, 'examples', 'meter-service'), overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    expect(results.flatMap((result) => result.messages).length).toBeGreaterThan(0);
    for (const result of results) {
      const read = path.basename(result.filePath) === 'cache.ts' ? 'meters.get<Meter>(route)?.stop();' : 'meters.get(route)?.stop();';
      for (const message of result.messages) expect((message.suggestions ?? []).map((suggestion) => suggestion.fix.text.trim())).toEqual([read]);
    }
  });
});

describe('README.md', () => {
  const readme = read('README.md');
  let scratch: string | undefined;

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /**
   * Lints, through the ESLint CLI in a fresh process (the project service lives as long as the
   * process), a project whose tsconfig includes `include`, with a root `vitest.config.ts` and
   * `moreConfigs` other root `*.config.ts` files. Returns the fatal messages.
   */
  function lintRootFile(projectService: unknown, include: string[], moreConfigs = 0): string[] {
    scratch ??= mkdtempSync(path.join(os.tmpdir(), 'unstopped-docs-'));
    const project = mkdtempSync(path.join(scratch, 'project-'));
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include }));
    writeFileSync(path.join(project, 'src', 'index.ts'), 'export const answer = 42;\n');
    writeFileSync(path.join(project, 'vitest.config.ts'), 'export default { test: {} };\n');
    for (let index = 1; index <= moreConfigs; index++) writeFileSync(path.join(project, `tool${index}.config.ts`), 'export default {};\n');
    const url = (file: string): string => JSON.stringify(pathToFileURL(path.join(repo, file)).href);
    writeFileSync(
      path.join(project, 'eslint.config.mjs'),
      [
        `import tsParser from ${url('node_modules/@typescript-eslint/parser/dist/index.js')};`,
        `import unstopped from ${url('dist/index.js')};`,
        'export default [',
        '  {',
        "    files: ['**/*.ts'],",
        `    languageOptions: { parser: tsParser, parserOptions: { projectService: ${JSON.stringify(projectService)}, tsconfigRootDir: import.meta.dirname } },`,
        '    ...unstopped.configs.recommended,',
        '  },',
        '];',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'], {
      cwd: project,
      encoding: 'utf8',
    });
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const errors = results.flatMap((result) =>
      result.messages.filter((message) => message.fatal).map((message) => message.message.split(project).join('/path/to/project')),
    );
    // A file the project service cannot place fails the run with exit code 1, like a finding.
    expect(run.status).toBe(errors.length > 0 ? 1 : 0);
    return errors;
  }

  it('quotes the error typescript-eslint gives for a root file outside the tsconfig, and both fixes it names work', () => {
    const errors = lintRootFile(true, ['src']);
    expect(errors).toHaveLength(1);
    expect(readme).toContain(errors[0]);
    // Fix 1: the tsconfig includes the file.
    expect(readme).toContain('"include": ["src", "vitest.config.ts"]');
    expect(lintRootFile(true, ['src', 'vitest.config.ts'])).toEqual([]);
    // Fix 2: the default project takes root config files, by globs without `**`, at most 8 files.
    expect(readme).toContain("projectService: { allowDefaultProject: ['*.config.ts'] }");
    expect(lintRootFile({ allowDefaultProject: ['*.config.ts'] }, ['src'])).toEqual([]);
    expect(readme).toContain('may not contain `**`');
    expect(lintRootFile({ allowDefaultProject: ['**/*.config.ts'] }, ['src']).join('\n')).toContain("contains a disallowed '**'");
    expect(readme).toContain('at most 8 files');
    expect(lintRootFile({ allowDefaultProject: ['*.config.ts'] }, ['src'], 7)).toEqual([]);
    expect(lintRootFile({ allowDefaultProject: ['*.config.ts'] }, ['src'], 8).join('\n')).toContain('Too many files (>8)');
  }, 120_000);

  it('quotes the cost of typed linting as docs/performance.md measured it', () => {
    const quoted = /one staged file of rxjs's `src\/` \((\d+) files\) takes ([\d.]+) s, ([\d.]+) s more than/.exec(readme);
    expect(quoted).not.toBeNull();
    const performance = read('docs/performance.md');
    const row = new RegExp(`\\| rxjs@7\\.8\\.2 \\| ${quoted![1]} \\| one file \\| ([\\d.]+) s \\| ([\\d.]+) s \\| ([\\d.]+) s \\|`).exec(performance);
    expect(row, 'the rxjs row of "Linting a few files"').not.toBeNull();
    expect(quoted![2]).toBe(row![3]);
    expect((Number(row![3]) - Number(row![1])).toFixed(1)).toBe(quoted![3]);
  });

  it('describes the source layout that exists: every folder of src/analysis/', () => {
    const developing = section(readme, 'Developing');
    const folders = readdirSync(path.join(repo, 'src', 'analysis'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const folder of folders) expect(developing).toContain(`\`src/analysis/${folder.name}/\``);
    // Paths it names exist (checked for every page above); no flat module names of an older layout.
    expect(developing.match(/`\w+\.ts`/g) ?? []).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated parts
// ---------------------------------------------------------------------------------------------

describe('generated documentation', () => {
  it('rule page headers, the options named on each page and the README rule list are up to date (eslint-doc-generator --check)', () => {
    // Loads the built plugin through package.json exports: `npm test` builds first.
    const generator = path.join(repo, 'node_modules', 'eslint-doc-generator', 'dist', 'bin', 'eslint-doc-generator.js');
    expect(() => execFileSync(process.execPath, [generator, '--check'], { cwd: repo, stdio: 'pipe' })).not.toThrow();
  });
});

describe('docs/cache-libraries.md', () => {
  const page = read('docs/cache-libraries.md');

  for (const block of codeBlocks(page).filter((candidate) => candidate.lang === 'ts')) {
    it(`example at line ${block.line}, with both rules`, () => {
      checkExample(block, Object.keys(plugin.rules));
    });
  }

  it('its per-library table is the one the data renders (npm run docs:caches)', () => {
    expect(page).toBe(withCacheTable(page));
    for (const library of CACHE_LIBRARIES) expect(page).toContain(`| ${library.package} ${library.family} (`);
  });

  it('cites the sources of its semantics that exist in the repository', () => {
    for (const source of ['test/libraries/semantics.test.ts', 'src/analysis/caches/libraries/']) {
      expect(page).toContain(`\`${source}\``);
      expect(existsSync(path.join(repo, source))).toBe(true);
    }
  });

  it('names, for each library, the version installed for the semantics tests (all but lru-cache 6)', () => {
    const untested: string[] = [];
    for (const library of CACHE_LIBRARIES) {
      const installed = [library.package, `${library.package}-${library.family}`]
        .map((name) => path.join(repo, 'node_modules', name, 'package.json'))
        .filter((file) => existsSync(file))
        .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string })
        .filter((manifest) => manifest.name === library.package && manifest.version === library.versionTested);
      if (installed.length === 0) untested.push(`${library.package} ${library.versionTested}`);
    }
    expect(untested).toEqual(['lru-cache 6.0.0']);
    expect(page).toContain('each but lru-cache 6, which ships no types and is not installed');
  });
});
