// The checks every suggestion goes through in the evaluation (bench/suggestionChecks.mjs): where a
// report's place is once the edit is applied, so that "the report is gone" is asked of that place.
import { describe, expect, it } from 'vitest';

// @ts-expect-error -- plain ESM script of the bench, without declarations
import { applyFix, offsetAfterFix, offsetOf } from '../bench/suggestionChecks.mjs';

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
