// Whether every normal path after a store releases the value a local holds, read from the text alone.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { releasedOnEveryPathAfter, type ReleasingCall } from '../../src/analysis/syntax/releaseFirst.js';

const NAMES = { methods: new Set(['close']), functions: new Set(['clearInterval']) };

/** The answer at the one `m.set(k, t)` of a function whose body is `body`. */
function releasedAfterStore(body: string, releasingCall?: ReleasingCall): boolean {
  const file = ts.createSourceFile('/project/file.ts', `async function run(m: Map<string, unknown>, k: string) {\n${body}\n}`, ts.ScriptTarget.ES2022, true);
  let store: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.getText().startsWith('m.set(')) store = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!store) throw new Error('no store in the body');
  return releasedOnEveryPathAfter(store, 't', NAMES, releasingCall);
}

describe('releasedOnEveryPathAfter', () => {
  it('reads a later statement of the block and the finally of a later try or of the try around the store', () => {
    expect(releasedAfterStore('const t = setInterval(f, 5);\nm.set(k, t);\nwork();\nclearInterval(t);')).toBe(true);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { await t.close(); }')).toBe(true);
    expect(releasedAfterStore('const t = open();\ntry { m.set(k, t); await work(); } finally { t.close(); }')).toBe(true);
    expect(releasedAfterStore('const t = open();\nif (k) {\n  m.set(k, t);\n}\nt.close();')).toBe(true);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nif (!k) throw new Error(k);\nt.close();')).toBe(true);
  });

  it('keeps a break or continue inside an inner loop or switch, which leaves only that', () => {
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nfor (const x of xs) { if (x) break; }\nt.close();')).toBe(true);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nswitch (k) { case "a": break; }\nt.close();')).toBe(true);
  });

  it('reads no release after a way out, a release under a condition, or a store in a case of a switch, a loop or a callback', () => {
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nif (k) return;\nt.close();')).toBe(false);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { if (k) t.close(); }')).toBe(false);
    expect(releasedAfterStore('const t = open();\ntry { m.set(k, t); await work(); } catch { return; }\nt.close();')).toBe(false);
    expect(releasedAfterStore('const t = open();\nswitch (k) {\n  case "a":\n    m.set(k, t);\n    return;\n}\nt.close();')).toBe(false);
    expect(releasedAfterStore('const t = open();\nfor (const x of xs) {\n  m.set(x, t);\n}\nt.close();')).toBe(false);
    expect(releasedAfterStore('const t = open();\nxs.forEach((x) => {\n  m.set(x, t);\n});\nt.close();')).toBe(false);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nlabel: for (;;) { break label; }\nt.close();')).toBe(false);
  });

  it('counts a call the caller vouches for as releasing what it is handed, and only a call handed the value', () => {
    const endsWhatItIsGiven: ReleasingCall = (call) => call.expression.getText() === 'this.end';
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { this.end(k, t); }', endsWhatItIsGiven)).toBe(true);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\nawait work();\nawait this.end(t);', endsWhatItIsGiven)).toBe(true);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { this.end(k); }', endsWhatItIsGiven)).toBe(false);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { this.log(k, t); }', endsWhatItIsGiven)).toBe(false);
    expect(releasedAfterStore('const t = open();\nm.set(k, t);\ntry { await work(); } finally { this.end(k, t); }')).toBe(false);
  });
});
