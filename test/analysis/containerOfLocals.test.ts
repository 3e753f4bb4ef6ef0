// The container a local names, read from its initializer where that says it without inference
// (`const dt = this.#disposed`, `const starts = new ZeroArray(n)`): the same answer as the checker's
// type of the local.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { containerTypeOf, getContainerType } from '../../src/analysis/containers/types.js';
import { AnalysisSession } from '../../src/analysis/session.js';
import { inMemoryProgram } from './inMemoryProgram.js';

const SOURCE = `
class ZeroArray extends Array<number> {
  constructor(size: number) { super(size); this.fill(0); }
}
type Task = [value: string, reason: 'evict' | 'set'];
export class Cache {
  #disposed?: Task[];
  #timers = new Map<string, NodeJS.Timeout>();
  flush(): void {
    if (!this.#disposed) return;
    const dt = this.#disposed;
    dt.shift();
    const timers = this.#timers;
    timers.clear();
    const starts = new ZeroArray(4);
    starts.fill(1);
    const copy = [...timers.values()];
    copy.pop();
  }
}
`;

describe('containerTypeOf a local', () => {
  const program = inMemoryProgram(new Map([['/project/cache.ts', SOURCE]]));
  const session = new AnalysisSession(program);
  const receivers = new Map<string, ts.Expression>();
  program.getSourceFile('/project/cache.ts')!.forEachChild(function visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      receivers.set(node.expression.expression.text, node.expression.expression);
    }
    node.forEachChild(visit);
  });
  const { checker } = session;
  const fromChecker = (name: string) => getContainerType(checker.getNonNullableType(checker.getTypeAtLocation(receivers.get(name)!)), session);

  it("reads a local copied from a field through the field's declared type, as the checker types the local", () => {
    for (const name of ['dt', 'timers']) {
      const read = containerTypeOf(receivers.get(name)!, session);
      const checked = fromChecker(name);
      expect(read?.kind).toBe(checked?.kind);
      expect(read && 'valueType' in read && checker.typeToString(read.valueType)).toBe(
        checked && 'valueType' in checked && checker.typeToString(checked.valueType),
      );
    }
  });

  it("reads a local made by a non-generic class's `new` as that class (a subclass of Array is no built-in list), and leaves other initializers to the checker", () => {
    expect([containerTypeOf(receivers.get('starts')!, session)?.kind, fromChecker('starts')?.kind]).toEqual([undefined, undefined]);
    expect([containerTypeOf(receivers.get('copy')!, session)?.kind, fromChecker('copy')?.kind]).toEqual(['Array', 'Array']);
  });
});
