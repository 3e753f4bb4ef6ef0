/**
 * Code that releases a dropped value, inserted before the dropping statement by editor
 * suggestions. Offered only where one statement does it and nothing is evaluated twice
 * that could behave differently the second time.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import ts from 'typescript';

import { releaseNames, releaseStatements } from '../resources/release.js';
import { boundNames, canonical, enclosingBody, isAssignment, isNullish, mentions, shortText, skipOuter, statementInBlock } from '../syntax/expressions.js';
import type { DropCandidate } from './candidate.js';

export interface Insertion {
  at: number;
  text: string;
  /** The dropping statement is the body of an `if`/loop without braces, or of an arrow: `}` goes after it. */
  closeAt?: number;
  /** What closes it: ` }`, or `; }` after an arrow's expression body turned into a block. */
  closeText?: string;
}

/** The edits of an insertion: the text before the statement and, for a brace-less body, the closing brace. */
export function insertionFixes(fixer: TSESLint.RuleFixer, insertion: Insertion): TSESLint.RuleFix[] {
  const fixes = [fixer.insertTextBeforeRange([insertion.at, insertion.at], insertion.text)];
  if (insertion.closeAt !== undefined) fixes.push(fixer.insertTextAfterRange([insertion.closeAt, insertion.closeAt], insertion.closeText ?? ' }'));
  return fixes;
}

/** "`graceful` is false" for a release that happens only when `graceful` is true. */
export function describeCondition(test: ts.Expression, missedWhenTrue: boolean): string {
  let expression = skipOuter(test);
  let whenTrue = missedWhenTrue;
  while (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    expression = skipOuter(expression.operand);
    whenTrue = !whenTrue;
  }
  return `\`${shortText(expression)}\` is ${whenTrue ? 'true' : 'false'}`;
}

/**
 * The statement-list position just before the statement that evaluates `node`, with its
 * indentation; for the brace-less body of an `if` or a loop, the body's start and end, so that
 * the insertion and the statement become one block.
 */
function insertionPoint(node: ts.Node, sourceText: string): InsertionPoint | undefined {
  const parent = node.parent;
  // `(id) => timers.delete(id)`: the body becomes a block that releases, then returns the drop's result.
  if (parent && ts.isArrowFunction(parent) && parent.body === node) return { at: node.getStart(), indent: '', closeAt: node.end, arrowBody: true };
  const statement = parent && droppingStatement(node, parent);
  if (!statement) return undefined;
  const list = statement.parent;
  if (isBracelessBody(statement, list)) return { at: statement.getStart(), indent: '', closeAt: statement.end };
  if (!ts.isBlock(list) && !ts.isSourceFile(list) && !ts.isCaseClause(list) && !ts.isDefaultClause(list) && !ts.isModuleBlock(list)) return undefined;
  const at = beforeDirective(statement, sourceText);
  const lineStart = sourceText.lastIndexOf('\n', at - 1) + 1;
  return { at, indent: /^[ \t]*/.exec(sourceText.slice(lineStart, at))?.[0] ?? '' };
}

/**
 * Where the statement starts, or its `// @ts-expect-error` / `// @ts-ignore` line just above it:
 * the directive speaks of the line after it, so the release goes above it, not between the two.
 */
function beforeDirective(statement: ts.Statement, sourceText: string): number {
  const last = ts.getLeadingCommentRanges(sourceText, statement.pos)?.at(-1);
  const comment = last && sourceText.slice(last.pos, last.end);
  return comment && /^\/[/*]\s*@ts-(expect-error|ignore)\b/.test(comment) ? last.pos : statement.getStart();
}

interface InsertionPoint {
  at: number;
  indent: string;
  closeAt?: number;
  arrowBody?: true;
}

/** The statement that runs the drop as its whole work: `m.delete(k);`, `return m.delete(k);`, `const gone = m.delete(k);`. */
function droppingStatement(node: ts.Node, parent: ts.Node): ts.Statement | undefined {
  if (ts.isExpressionStatement(parent) || ts.isReturnStatement(parent)) return parent;
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== node) return undefined;
  const list = parent.parent;
  return ts.isVariableDeclarationList(list) && list.declarations.length === 1 && ts.isVariableStatement(list.parent) ? list.parent : undefined;
}

function isBracelessBody(statement: ts.Statement, parent: ts.Node): boolean {
  if (ts.isIfStatement(parent)) return parent.thenStatement === statement || parent.elseStatement === statement;
  return (
    (ts.isForStatement(parent) || ts.isForOfStatement(parent) || ts.isForInStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) &&
    parent.statement === statement
  );
}

/** The insertion's text: one statement per line before a statement in a list, `{ … ` before a brace-less body. */
function placed(point: InsertionPoint, lines: readonly string[]): Insertion {
  if (point.arrowBody && point.closeAt !== undefined) return { at: point.at, text: `{ ${lines.join(' ')} return `, closeAt: point.closeAt, closeText: '; }' };
  if (point.closeAt !== undefined) return { at: point.at, text: `{ ${lines.join(' ')} `, closeAt: point.closeAt };
  return { at: point.at, text: lines.map((line) => `${line}\n${point.indent}`).join('') };
}

function asOneStatement(statements: readonly string[]): string {
  return statements.length === 1 ? statements[0]! : `{ ${statements.join(' ')} }`;
}

/** How the stored value is read without side effects: `map.get(k)`, `obj[k]`, `cache.peek(k)`. */
function storedValueText(candidate: DropCandidate, containerText: string, keyText: string, at: ts.Node): string | undefined {
  if (candidate.kind === 'cache') {
    // `cache.get<Ticker>(key)`: a read that returns what it is told names the type, when the name is in reach.
    const { typeName } = candidate.resource;
    const typed = candidate.library.readIsGeneric && /^[A-Za-z_$][\w$]*$/.test(typeName) && isVisibleAt(typeName, at) ? `<${typeName}>` : '';
    return `${containerText}.${candidate.library.peek ?? 'get'}${typed}(${keyText})`;
  }
  return candidate.protocol.readAt?.(containerText, keyText);
}

/** The container as the code writes it, with the non-null assertion it is read through (`this.groups!`), so the edit type-checks where the code does. */
function writtenText(container: ts.Expression): string {
  return ts.isNonNullExpression(container.parent) ? container.parent.getText() : container.getText();
}

/** `for (const n of list) if (n instanceof A) n.dispose()` before the drop of `list`: some of its values released in a loop. */
function releasesSomeInLoopBefore(node: ts.Node, container: string, methods: readonly string[]): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || child.pos >= node.pos) return;
    if (ts.isForOfStatement(child) && ts.isVariableDeclarationList(child.initializer)) {
      const [declaration] = child.initializer.declarations;
      const source = skipOuter(child.expression);
      const over =
        ts.isCallExpression(source) && ts.isPropertyAccessExpression(skipOuter(source.expression))
          ? (skipOuter(source.expression) as ts.PropertyAccessExpression).expression
          : source;
      if (declaration && canonical(over)?.text === container) {
        const element = boundNames(declaration.name);
        // Released under a test inside the loop: only some of them (a loop releasing each under an outer test is a missing condition instead).
        const unconditional = (ts.isBlock(child.statement) ? child.statement.statements : [child.statement]).some(
          (statement) => ts.isExpressionStatement(statement) && callsReleaseOn(statement, element, methods),
        );
        found = !unconditional && callsReleaseOn(child.statement, element, methods);
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(enclosingBody(node));
  return found;
}

/** `n.dispose()` or `clearInterval(n)` somewhere in `body`, for one of the loop's element `names`. */
function callsReleaseOn(body: ts.Node, names: readonly string[], releases: readonly string[]): boolean {
  const isElement = (e: ts.Expression | undefined): boolean =>
    e !== undefined && ts.isIdentifier(skipOuter(e)) && names.includes((skipOuter(e) as ts.Identifier).text);
  if (ts.isCallExpression(body)) {
    const callee = skipOuter(body.expression);
    if (ts.isPropertyAccessExpression(callee) && releases.includes(callee.name.text) && isElement(callee.expression)) return true;
    if (ts.isIdentifier(callee) && releases.includes(callee.text) && isElement(body.arguments[0])) return true;
  }
  return ts.forEachChild(body, (child) => callsReleaseOn(child, names, releases)) === true;
}

/** Releases the value `candidate` drops, before the dropping statement. */
export function suggestRelease(
  candidate: DropCandidate,
  sourceText: string,
  preferredFunction: string | undefined,
  missedWhen?: { test: ts.Expression; whenTrue: boolean },
): Insertion | undefined {
  const point = insertionPoint(candidate.site.node, sourceText);
  const container = canonical(candidate.containerExpression);
  if (!point || !container || container.impure) return undefined;
  const { resource, operation } = candidate;
  const containerText = writtenText(candidate.containerExpression);
  const codeOptions = preferredFunction ? { preferredFunction } : {};

  // A mixed union is released after asking which member it is: written only for a loop over all.
  if (resource.mixed && (candidate.site.target.kind !== 'all' || resource.release.kind !== 'method')) return undefined;
  // `orig: HTMLCanvasElement | ImageBitmap`: a field only some of whose members can be released; `orig?.close()` would not type-check.
  if (resource.release.kind === 'fields' && resource.release.fields.some((field) => field.resource.mixed)) return undefined;
  let lines: string[];
  if (candidate.site.target.kind === 'all') {
    // A `filter()` keeps its survivors: releasing every value would release them too.
    if (operation === 'splice' || operation === 'filter' || candidate.kind === 'cache') return undefined;
    // A loop before the drop already releases some of the values: that loop is the one to complete.
    const names = releaseNames(resource.release);
    if (releasesSomeInLoopBefore(candidate.site.node, container.text, [...names.methods, ...names.functions])) return undefined;
    const iterable = candidate.protocol.values(containerText);
    if (!iterable) return undefined;
    const valueName = freshName(enclosingBody(candidate.site.node).getText(), ['value', 'resource', 'entry', 'item']);
    const releases = releaseStatements(resource.release, valueName, { optional: false, ...codeOptions });
    if (releases.length === 0) return undefined;
    const release =
      resource.mixed && resource.release.kind === 'method'
        ? `if ('${resource.release.methods[0]}' in ${valueName}) ${asOneStatement(releases)}`
        : asOneStatement(releases);
    const loop = `for (const ${valueName} of ${iterable}) ${release}`;
    lines = [candidate.containerMayBeAbsent ? `if (${containerText}) ${loop}` : loop];
  } else if (candidate.site.target.kind === 'value') {
    if ((operation !== 'delete' && operation !== 'filter') || !candidate.valueExpression) return undefined;
    lines = releaseStatements(resource.release, candidate.valueExpression.getText(), { optional: false, ...codeOptions });
    if (lines.length === 0) return undefined;
  } else {
    if (!candidate.keyExpression || operation === 'splice' || operation === 'pop' || operation === 'shift') return undefined;
    const key = canonical(candidate.keyExpression);
    if (!key || key.impure) return undefined;
    const stored = storedValueText(candidate, containerText, candidate.keyExpression.getText(), candidate.site.node);
    if (stored === undefined) return undefined;
    const releases = releaseStatements(resource.release, stored, { optional: true, ...codeOptions });
    if (releases.length === 0) return undefined;
    const condition = replacedValueCondition(candidate, stored);
    if (condition === null) return undefined;
    lines = condition ? [`if (${condition}) ${asOneStatement(releases)}`] : releases;
  }
  // Released on some paths already: release under the condition that is missing, not twice.
  if (missedWhen) {
    const roots = stableTestRoots(missedWhen.test);
    if (!roots || !roots.every((root) => isVisibleAt(root, candidate.site.node))) return undefined;
    const text = missedWhen.test.getText();
    const simple = ts.isIdentifier(skipOuter(missedWhen.test)) || ts.isPropertyAccessExpression(skipOuter(missedWhen.test));
    // `if (this.listeners !== undefined)` already says what the release's own `if (this.listeners)` would.
    const present = missedWhen.whenTrue ? presenceTested(missedWhen.test) : undefined;
    const guard = present !== undefined ? `if (${present}) ` : undefined;
    const released = guard !== undefined && lines.length === 1 && lines[0]!.startsWith(guard) ? [lines[0]!.slice(guard.length)] : lines;
    lines = [`if (${missedWhen.whenTrue ? text : simple ? `!${text}` : `!(${text})`}) ${asOneStatement(released)}`];
  }
  // A suggestion inside `unsubscribe()` that calls `unsubscribe()` would recurse forever.
  const inside = enclosingFunctionName(candidate.site.node);
  if (inside !== undefined && lines.some((line) => new RegExp(`(^|[^\\w$])${inside.replace(/\$/g, '\\$')}\\(`).test(line))) return undefined;
  return placed(point, lines);
}

/** Whether `name` is declared where `node` is: in a block, function or module around it (`this` paths always are). */
function isVisibleAt(name: string, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && current.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
    const statements = ts.isBlock(current) || ts.isSourceFile(current) || ts.isModuleBlock(current) ? current.statements : undefined;
    const declares = statements?.some(
      (statement) =>
        (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => boundNames(declaration.name).includes(name))) ||
        ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) ||
        (ts.isImportDeclaration(statement) && statement.getText().includes(name)),
    );
    if (declares) return true;
  }
  return false;
}

/** The name of the function or method a node runs in: `unsubscribe` in `{ unsubscribe() { … } }`, `close` in `handle.close = () => { … }`. */
function enclosingFunctionName(node: ts.Node): string | undefined {
  const fn = enclosingBody(node);
  const holder = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  if (holder && isAssignment(holder) && holder.right === fn) {
    const target = skipOuter(holder.left);
    return ts.isPropertyAccessExpression(target) ? target.name.text : ts.isIdentifier(target) ? target.text : undefined;
  }
  const name =
    holder &&
    (ts.isMethodDeclaration(holder) ||
      ts.isFunctionDeclaration(holder) ||
      ts.isPropertyDeclaration(holder) ||
      ts.isPropertyAssignment(holder) ||
      ts.isVariableDeclaration(holder))
      ? holder.name
      : undefined;
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/**
 * `x != null`, `undefined != x`: the text of `x`, which the test answers true for only when it is
 * neither null nor undefined (a strict `x !== undefined` still lets a null through).
 */
function presenceTested(test: ts.Expression): string | undefined {
  const e = skipOuter(test);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const subject = isNullish(skipOuter(e.right)) ? e.left : isNullish(skipOuter(e.left)) ? e.right : undefined;
  return subject && canonical(subject)?.text;
}

const EQUALITY_OPERATORS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * The names a test reads, when asking it again at the drop gives the same answer: a stable path
 * (`graceful`, `this.closing`) or a comparison of one with a literal (`this.listeners !== undefined`).
 */
function stableTestRoots(test: ts.Expression): readonly string[] | undefined {
  const e = skipOuter(test);
  if (ts.isBinaryExpression(e) && EQUALITY_OPERATORS.has(e.operatorToken.kind)) {
    const sides = [e.left, e.right].map((side) => skipOuter(side));
    const literal = sides.find((side) => isNullish(side) || ts.isLiteralExpression(side));
    const path = sides.find((side) => side !== literal);
    const stable = literal && path ? canonical(path) : undefined;
    return stable && !stable.impure ? stable.roots : undefined;
  }
  const stable = canonical(e);
  return stable && !stable.impure ? stable.roots : undefined;
}

/**
 * A replaced value is released only when it is not the value being stored again:
 * `stored !== next` for a named new value, nothing for a freshly created one, and
 * null (no suggestion) when the new value cannot be named twice.
 */
function replacedValueCondition(candidate: DropCandidate, stored: string): string | undefined | null {
  if (!candidate.newValue) return undefined;
  // `pool[k] = (pool[k] ?? []).filter(…)`: made from the old value, it may keep some of it.
  const container = canonical(candidate.containerExpression);
  if (container && mentions(candidate.newValue, container.text, true)) return null;
  if (isFreshlyCreated(candidate.newValue) || isMadeJustBefore(candidate.newValue)) return undefined;
  const newValue = canonical(candidate.newValue);
  if (!newValue || newValue.impure) return null;
  return `${stored} !== ${candidate.newValue.getText()}`;
}

/**
 * For a cache whose delete reaches a releasing hook: delete the key first, so the
 * library's own hook releases the old value (node-cache `del()`, lru-cache `delete()`).
 */
export function suggestDeleteFirst(candidate: DropCandidate, deleteMethod: string, sourceText: string): Insertion | undefined {
  const point = insertionPoint(candidate.site.node, sourceText);
  const container = canonical(candidate.containerExpression);
  const key = candidate.keyExpression && canonical(candidate.keyExpression);
  if (!point || !container || container.impure || !key || key.impure || !candidate.keyExpression) return undefined;
  const containerText = writtenText(candidate.containerExpression);
  const keyText = candidate.keyExpression.getText();
  const stored = storedValueText(candidate, containerText, keyText, candidate.site.node);
  const condition = stored === undefined ? null : replacedValueCondition(candidate, stored);
  if (condition === null) return undefined;
  const statement = `${containerText}.${deleteMethod}(${keyText});`;
  return placed(point, [condition ? `if (${condition}) ${statement}` : statement]);
}

function isFreshlyCreated(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (
    ts.isNewExpression(e) ||
    ts.isCallExpression(e) ||
    ts.isObjectLiteralExpression(e) ||
    ts.isArrayLiteralExpression(e) ||
    (ts.isAwaitExpression(e) && isFreshlyCreated(e.expression))
  );
}

/** `const poll = { url }; polls.set(id, poll)`: a `const` made by an earlier statement of the block and not named since, which no entry can hold yet. */
function isMadeJustBefore(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (!ts.isIdentifier(e)) return false;
  const at = statementInBlock(e);
  // Stored by a callback (`c.on('ready', () => m.set(k, c))`), it may run again with the value stored.
  if (!at || enclosingBody(at.statement) !== enclosingBody(e)) return false;
  for (const statement of [...at.before].reverse()) {
    const declared = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === e.text)
      : undefined;
    if (declared) {
      const isConst = ((statement as ts.VariableStatement).declarationList.flags & ts.NodeFlags.Const) !== 0;
      // A literal or a `new`, not a call: `const existing = m.get(k)` may be the entry itself.
      const made = declared.initializer && skipOuter(declared.initializer);
      return isConst && made !== undefined && (ts.isNewExpression(made) || ts.isObjectLiteralExpression(made) || ts.isArrayLiteralExpression(made));
    }
    if (mentions(statement, e.text)) return false;
  }
  return false;
}

function freshName(scopeText: string, candidates: string[]): string {
  for (const candidate of candidates) {
    if (!new RegExp(`\\b${candidate}\\b`).test(scopeText)) return candidate;
  }
  let index = 1;
  while (new RegExp(`\\bvalue${index}\\b`).test(scopeText)) index++;
  return `value${index}`;
}
