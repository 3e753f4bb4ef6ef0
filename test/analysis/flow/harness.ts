// Runs the dataflow engine (src/analysis/flow) on a snippet without ESLint: the snippet is compiled
// in memory, the lines marked `// drop` (or `// drop timer,worker` for a record's slots) are the
// drop sites, and the verdict of each is returned in source order.
import ts from 'typescript';

import { CONTAINER_VOCABULARY } from '../../../src/analysis/containers/vocabulary.js';
import { isLocalContainer } from '../../../src/analysis/drops/keys.js';
import { analyzeDrops, type DropSite, type DropVerdict, type FlowOptions } from '../../../src/analysis/flow/index.js';
import { sessionOf } from '../../../src/analysis/session.js';
import { canonical, enclosingBody, skipOuter } from '../../../src/analysis/syntax/expressions.js';

export const OPTIONS: FlowOptions = {
  releases: { methods: new Set(['stop', 'close', 'terminate', 'kill']), functions: new Set(['clearTimeout', 'clearInterval']) },
  containers: CONTAINER_VOCABULARY,
};

const FILE = '/snippet.ts';

function programOf(code: string): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === FILE ? ts.createSourceFile(fileName, code, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  host.fileExists = (
    (exists) => (fileName: string) =>
      fileName === FILE || exists(fileName)
  )(host.fileExists.bind(host));
  return ts.createProgram({ rootNames: [FILE], options, host });
}

/**
 * The drop a marked statement makes, read from its syntax: `m.delete(k)`, `m.set(k, v)`, `m.clear()`,
 * `o[k] = v`, `delete o[k]`, `m = new Map()`, `list.pop()`, `list.shift()`.
 */
function siteOf(node: ts.Node, slots: string[]): DropSite | undefined {
  const base = { node, slots, result: 'none' as const };
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const container = canonical(node.expression.expression);
    const method = node.expression.name.text;
    const [key] = node.arguments;
    const keyText = key && canonical(key);
    if (!container) return undefined;
    const where = { container: container.text, containerRoots: container.roots };
    if (method === 'clear') return { ...base, ...where, target: { kind: 'all' }, storesNewValue: false };
    // As the drop rooms read them: the value at the list's end, handed back as the call's result.
    if ((method === 'pop' || method === 'shift') && node.arguments.length === 0) {
      const end = method === 'pop' ? '#last' : '#first';
      return { ...base, ...where, target: { kind: 'key', key: end, keyRoots: [] }, storesNewValue: false, result: 'one' };
    }
    if ((method === 'delete' || method === 'set') && keyText) {
      return { ...base, ...where, target: { kind: 'key', key: keyText.text, keyRoots: keyText.roots }, storesNewValue: method === 'set' };
    }
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuter(node.left);
    if (ts.isElementAccessExpression(left)) {
      const container = canonical(left.expression);
      const key = canonical(left.argumentExpression);
      if (container && key)
        return {
          ...base,
          container: container.text,
          containerRoots: container.roots,
          target: { kind: 'key', key: key.text, keyRoots: key.roots },
          storesNewValue: true,
        };
    }
    const container = canonical(left);
    if (container) return { ...base, container: container.text, containerRoots: container.roots, target: { kind: 'all' }, storesNewValue: true };
  }
  if (ts.isDeleteExpression(node) && ts.isElementAccessExpression(skipOuter(node.expression))) {
    const access = skipOuter(node.expression) as ts.ElementAccessExpression;
    const container = canonical(access.expression);
    const key = canonical(access.argumentExpression);
    if (container && key)
      return {
        ...base,
        container: container.text,
        containerRoots: container.roots,
        target: { kind: 'key', key: key.text, keyRoots: key.roots },
        storesNewValue: false,
      };
  }
  return undefined;
}

/** `m = list.pop()`, `(m = list.shift()) !== undefined`: the call that takes a value out, whose result is assigned. */
function takenBy(expression: ts.Expression): ts.Expression {
  const left = ts.isBinaryExpression(expression) ? skipOuter(expression.left) : expression;
  const assignment = ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.EqualsToken ? left : expression;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return expression;
  const taking = skipOuter(assignment.right);
  const method = ts.isCallExpression(taking) && ts.isPropertyAccessExpression(taking.expression) ? taking.expression.name.text : undefined;
  return method === 'pop' || method === 'shift' ? taking : expression;
}

/** The container a drop site names: the receiver of `m.delete(k)`, the object of `o[k] = v` or `delete o[k]`, the target of `m = …`. */
function containerOf(node: ts.Node): ts.Expression {
  if (ts.isCallExpression(node)) return (node.expression as ts.PropertyAccessExpression).expression;
  const target = ts.isBinaryExpression(node) ? skipOuter(node.left) : skipOuter((node as ts.DeleteExpression).expression);
  return ts.isElementAccessExpression(target) ? target.expression : target;
}

export interface Judged {
  line: number;
  /** Slots owed on some normal path; empty when released on every path. */
  owed: string[];
  verdict: DropVerdict;
}

/** Every `// drop` line of the snippet, judged by the engine over the function it is in. */
export function judge(code: string): Judged[] {
  const program = programOf(code);
  const source = program.getSourceFile(FILE)!;
  const lines = code.split('\n');
  // The expression a marker belongs to is the last statement that ends on its line, before the
  // comment — or the test of an `if` or `while` (`if (m.delete(k)) { // drop`, `if (!m.delete(k))`,
  // `while ((m = list.pop())) { // drop`), or the value of a declaration (`const m = list.pop(); // drop`).
  const lastOnLine = new Map<number, ts.Expression>();
  const visit = (node: ts.Node): void => {
    const tested = ts.isIfStatement(node) || ts.isWhileStatement(node);
    const [declared] = ts.isVariableStatement(node) ? node.declarationList.declarations : [];
    const expression = ts.isExpressionStatement(node) || tested ? node.expression : declared?.initializer;
    if (expression) {
      const line = source.getLineAndCharacterOfPosition(tested ? node.expression.getEnd() : node.getEnd()).line;
      if (/\/\/\s*drop\b/.test(lines[line] ?? '')) lastOnLine.set(line, expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const sites: { line: number; site: DropSite }[] = [];
  for (const [line, marked] of lastOnLine) {
    const marker = /\/\/\s*drop\b\s*([\w,]*)/.exec(lines[line] ?? '')!;
    const slots = marker[1] ? marker[1].split(',') : ['*'];
    let expression = skipOuter(marked);
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) expression = skipOuter(expression.operand);
    const site = siteOf(takenBy(expression), slots) ?? siteOf(expression, slots);
    if (!site) throw new Error(`line ${line + 1}: not a drop the harness can read`);
    sites.push({ line: line + 1, site });
  }
  if (sites.length === 0) throw new Error('no `// drop` line in the snippet');
  const session = sessionOf(program);
  // As the drop rooms do: a container the function made itself is its own while it awaits.
  for (const { site } of sites) if (isLocalContainer(containerOf(site.node), site.node, session)) site.localContainer = true;
  const byBody = new Map<ts.Node, { line: number; site: DropSite }[]>();
  for (const entry of sites) {
    const body = enclosingBody(entry.site.node);
    byBody.set(body, [...(byBody.get(body) ?? []), entry]);
  }
  const judged: Judged[] = [];
  for (const [body, entries] of byBody) {
    const verdicts = analyzeDrops(
      body,
      entries.map((entry) => entry.site),
      OPTIONS,
      session,
    );
    entries.forEach((entry, index) => judged.push({ line: entry.line, owed: [...verdicts[index]!.unreleasedSlots].sort(), verdict: verdicts[index]! }));
  }
  return judged.sort((a, b) => a.line - b.line);
}
