// The checks every suggestion goes through in the evaluation (bench/suggestionChecks.mjs): where a
// report's place is once the edit is applied, so that "the report is gone" is asked of that place,
// and which type errors an edit adds to a file its tsconfig type-checks.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { fixturesDir } from './ruleTester.js';

// @ts-expect-error -- plain ESM script of the bench, without declarations
import { applyFix, createTypeCheck, offsetAfterFix, offsetOf } from '../bench/suggestionChecks.mjs';

const text = 'const a = 1;\nmap.delete(k);\nmap.set(k, v);\n';

describe('offsetOf', () => {
  it('reads 1-based lines and columns as ESLint reports them', () => {
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 1)).toBe(text.indexOf('map.delete'));
    expect(offsetOf(text, 3, 5)).toBe(text.indexOf('set('));
  });
});

describe('offsetAfterFix', () => {
  const site = text.indexOf('map.set');

  it('moves a place by the text an edit inserts before it', () => {
    const fix = { range: [site, site], text: 'map.get(k)?.stop();\n' };
    const moved = offsetAfterFix(site, fix);
    expect(applyFix(text, fix).slice(moved, moved + 7)).toBe('map.set');
  });

  it('leaves a place before the edit where it is, and counts a replaced range by its new length', () => {
    const start = text.indexOf('map.delete');
    const replace = { range: [start, start + 'map.delete(k);'.length], text: 'map.get(k)?.stop(); map.delete(k);' };
    expect(offsetAfterFix(0, replace)).toBe(0);
    const moved = offsetAfterFix(site, [replace]);
    expect(applyFix(text, [replace]).slice(moved, moved + 7)).toBe('map.set');
  });
});

describe('createTypeCheck', () => {
  // A fixture file its own tsconfig type-checks (test/fixtures/tsconfig.json).
  const file = path.join(fixturesDir, 'registry.ts');
  const original = readFileSync(file, 'utf8');
  const typeErrorsAdded = createTypeCheck();

  it('finds nothing added by an edit that type-checks, nor by the file as it is', () => {
    expect(typeErrorsAdded(file, original)).toEqual([]);
    expect(typeErrorsAdded(file, `${original}\nexport const added: number = 1;\n`)).toEqual([]);
  });

  it('names each error the edit adds, and only those', () => {
    const added = typeErrorsAdded(file, `${original}\nexport const wrong: number = 'one';\n`);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/not assignable to type 'number'/);
    // The file on disk is what the next question starts from.
    expect(typeErrorsAdded(file, original)).toEqual([]);
  });

  it('adds nothing for a file no tsconfig includes', () => {
    expect(typeErrorsAdded(path.join(os.tmpdir(), 'unstopped-nowhere', 'x.ts'), 'const x: number = "s";')).toEqual([]);
  });
});
