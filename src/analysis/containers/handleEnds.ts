/**
 * Values released when a handle they hold ends. `const view = new LogView(panel)` kept in a map,
 * with `panel.onDidDispose(() => view.dispose())` registered where it is kept, or a class whose
 * constructor registers `this.panel.onDidDispose(() => this.dispose())`: disposing the handle
 * (`view.panel.dispose()`) runs the hook, and the hook releases the view.
 */
import ts from 'typescript';

import type { AnalysisSession } from '../session.js';
import { endingMethodOf } from '../syntax/endOfLife.js';
import { enclosingBody, isFunctionLike, skipOuter } from '../syntax/expressions.js';
import { singleInitializer } from '../syntax/names.js';
import { releasesFirst } from '../syntax/releaseFirst.js';
import { classSymbolOfNew } from '../syntax/writtenTypes.js';

/**
 * Of the values `insertions` store, the fields every one holds a handle in whose end releases the
 * value, each with the method that ends the handle: `panel` → [`dispose`]. `releases`: the methods
 * that release the value itself.
 */
export function fieldsWhoseEndReleases(
  insertions: readonly ts.Expression[],
  releases: ReadonlySet<string>,
  session: AnalysisSession,
): ReadonlyMap<string, readonly string[]> {
  let found: Map<string, string[]> | undefined;
  for (const inserted of insertions) {
    const here = endsReleasingValue(inserted, releases, session);
    found = found ? new Map([...found].filter(([field, ends]) => ends.some((end) => here.get(field)?.includes(end)))) : here;
    if (found.size === 0) return found;
  }
  return found ?? new Map();
}

function endsReleasingValue(inserted: ts.Expression, releases: ReadonlySet<string>, session: AnalysisSession): Map<string, string[]> {
  const value = skipOuter(inserted);
  const made = ts.isIdentifier(value) ? singleInitializer(value, session) : value;
  if (!made || !ts.isNewExpression(made)) return new Map();
  const cls = classOf(made, session);
  const fields = cls && fieldsFromArguments(cls, made);
  if (!cls || !fields) return new Map();
  const ends = new Map<string, string[]>();
  const note = (field: string, end: string): void => {
    if (!ends.get(field)?.includes(end)) ends.set(field, [...(ends.get(field) ?? []), end]);
  };
  const names = { methods: releases, functions: new Set<string>() };
  // `this.panel.onDidDispose(() => this.dispose())` in the constructor: every value of the class.
  const constructor = cls.members.find(ts.isConstructorDeclaration);
  if (constructor?.body) {
    for (const { handle, end, callback } of endHooks(constructor.body)) {
      const field = fieldNamed(handle, constructor);
      if (field !== undefined && releasesFirst(callback, 'this', names)) note(field, end);
    }
  }
  // `panel.onDidDispose(() => view.dispose())` beside the insertion of `view = new LogView(panel)`.
  if (ts.isIdentifier(value)) {
    const fn = enclosingBody(inserted);
    for (const { handle, end, callback } of endHooks(fn)) {
      const field = ts.isIdentifier(handle) ? fields.get(handle.text) : undefined;
      if (field !== undefined && releasesFirst(callback, value.text, names)) note(field, end);
    }
  }
  return ends;
}

/** The class a `new C(…)` makes, when its body is in the program. */
function classOf(made: ts.NewExpression, session: AnalysisSession): ts.ClassLikeDeclaration | undefined {
  const declaration = classSymbolOfNew(made, session.checker)?.getDeclarations()?.find(ts.isClassLike);
  return declaration && !declaration.getSourceFile().isDeclarationFile ? declaration : undefined;
}

/** `new LogView(panel, source)` of `constructor(readonly panel: Panel, …)`: the local each field is given, by local. */
function fieldsFromArguments(cls: ts.ClassLikeDeclaration, made: ts.NewExpression): Map<string, string> | undefined {
  const constructor = cls.members.find(ts.isConstructorDeclaration);
  if (!constructor) return undefined;
  const fields = new Map<string, string>();
  for (const [index, parameter] of constructor.parameters.entries()) {
    const argument = made.arguments?.[index] && skipOuter(made.arguments[index]);
    if (!argument || !ts.isIdentifier(argument) || !ts.isIdentifier(parameter.name)) continue;
    const field = fieldNamed(parameter.name, constructor);
    if (field !== undefined) fields.set(argument.text, field);
  }
  return fields;
}

/**
 * The field of the object a name in its constructor stands for: a parameter property
 * (`readonly panel`), a parameter the constructor stores (`this.panel = panel`), or `this.panel`.
 */
function fieldNamed(handle: ts.Expression, constructor: ts.ConstructorDeclaration): string | undefined {
  const e = skipOuter(handle);
  if (ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword) return e.name.text;
  if (!ts.isIdentifier(e)) return undefined;
  const parameter = constructor.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === e.text);
  if (!parameter) return undefined;
  // `readonly panel`, `private panel`: a parameter property.
  if ((ts.getModifiers(parameter)?.length ?? 0) > 0) return e.text;
  for (const statement of constructor.body?.statements ?? []) {
    const expression = ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined;
    if (!expression || !ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = skipOuter(expression.left);
    const right = skipOuter(expression.right);
    if (ts.isPropertyAccessExpression(left) && skipOuter(left.expression).kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(right) && right.text === e.text)
      return left.name.text;
  }
  return undefined;
}

/** `handle.onDidDispose(callback)` calls in a body (not in the functions it defines), with the method that ends the handle. */
function endHooks(body: ts.Node): { handle: ts.Expression; end: string; callback: ts.FunctionLikeDeclaration }[] {
  const hooks: { handle: ts.Expression; end: string; callback: ts.FunctionLikeDeclaration }[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
      const callee = skipOuter(node.expression) as ts.PropertyAccessExpression;
      const end = endingMethodOf(callee.name.text);
      const callback = node.arguments[0] && skipOuter(node.arguments[0]);
      if (end !== undefined && callback && isFunctionLike(callback)) hooks.push({ handle: callee.expression, end, callback });
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return hooks;
}
