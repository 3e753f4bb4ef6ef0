/**
 * Name resolution, the one way every room asks it: where a name is declared, which values it is
 * given, whether it is a parameter. Read from the syntax of the function that declares the name,
 * walking out through closures; one walk per body, kept for the life of the program.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import {
  boundNames,
  enclosingBody,
  isAssignment,
  isFunctionLike,
  isPrivateMember,
  isProtectedMember,
  isPropertyName,
  isSeparateFunction,
  isTextOrFlagLiteral,
  skipOuter,
} from './expressions.js';
import { callsAcrossProgram, callsOfMethodAcrossProgram, moduleLevelName } from './programCalls.js';

/** How a name is bound directly in one body (nested functions excluded). */
export interface Bindings {
  /** Declared here (`const`, `let`, `var`). */
  declared: boolean;
  /** Declared here as a `const`. */
  constant: boolean;
  /** Every value it is given here: its initializer, `=`, `??=`, `||=`, `&&=`. */
  values: ts.Expression[];
  /** Also changed by another operator (`+=`, `++`): no single value describes it. */
  changed: boolean;
}

const NO_BINDINGS: Bindings = { declared: false, constant: false, values: [], changed: false };
const BINDINGS = memoTable<ts.Node, Map<string, Bindings>>('syntax.bindings');
const MODULE_FUNCTIONS = memoTable<ts.SourceFile, Map<string, ts.FunctionLikeDeclaration>>('syntax.moduleFunctions');

const STORING_OPERATORS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** How `name` is bound directly in `body` (a function, a source file, a block). */
export function bindingsIn(name: string, body: ts.Node, session: AnalysisSession): Bindings {
  const table = session.table(BINDINGS);
  let byName = table.get(body);
  if (!byName) table.set(body, (byName = readBindings(body)));
  return byName.get(name) ?? NO_BINDINGS;
}

/** How every name is bound directly in `body`, read once; bindingsIn() keeps it per program. */
export function readBindings(body: ts.Node): Map<string, Bindings> {
  const names = new Map<string, Bindings>();
  const entry = (text: string): Bindings => {
    let found = names.get(text);
    if (!found) names.set(text, (found = { declared: false, constant: false, values: [], changed: false }));
    return found;
  };
  // `let { id } = service`: declared with a part of a value no expression names.
  const fromPattern = new Set<Bindings>();
  const visit = (node: ts.Node): void => {
    if (node !== body && isSeparateFunction(node)) return;
    if (ts.isVariableDeclaration(node)) {
      const constant = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
      for (const name of boundNames(node.name)) {
        const found = entry(name);
        found.declared = true;
        found.constant = constant;
        if (!ts.isIdentifier(node.name)) fromPattern.add(found);
        else if (node.initializer) found.values.push(node.initializer);
      }
    }
    if (isAssignment(node)) {
      const left = skipOuter(node.left);
      if (ts.isIdentifier(left)) {
        const found = entry(left.text);
        if (STORING_OPERATORS.has(node.operatorToken.kind)) found.values.push(node.right);
        else found.changed = true;
      }
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(skipOuter(node.operand))) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
        entry((skipOuter(node.operand) as ts.Identifier).text).changed = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  // Given another value later, such a name holds more than one no expression describes.
  for (const found of fromPattern) if (found.values.length > 0) found.changed = true;
  return names;
}

/**
 * The `const` a name read at `name` is, found in the blocks around it within its function: a long
 * function may declare the same name again in another block (`const connection` in a later branch).
 */
export function constInScope(name: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let at: ts.Node = name; at.parent && !isSeparateFunction(at); at = at.parent) {
    const block = at.parent;
    if (!ts.isBlock(block) && !ts.isSourceFile(block)) continue;
    for (const statement of block.statements) {
      if (statement.pos >= at.pos) break;
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      const declared = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name.text);
      if (declared) return declared;
    }
  }
  return undefined;
}

/** The function (or module) that declares `name` as seen from `node`, and how: a parameter or a variable. */
export type NameDeclaration =
  { kind: 'parameter'; fn: ts.FunctionLikeDeclaration; parameter: ts.ParameterDeclaration } | { kind: 'variable'; body: ts.Node; bindings: Bindings };

/** Where `name`, used at `node`, is declared: walking out through enclosing functions to the module. */
export function declarationOf(name: string, node: ts.Node, session: AnalysisSession): NameDeclaration | undefined {
  let current: ts.Node = node;
  for (;;) {
    const fn = enclosingBody(current);
    if (isFunctionLike(fn)) {
      const parameter = fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return { kind: 'parameter', fn, parameter };
    }
    const bindings = bindingsIn(name, fn, session);
    if (bindings.declared) return { kind: 'variable', body: fn, bindings };
    if (ts.isSourceFile(fn) || fn === current) return undefined;
    current = fn;
  }
}

const ASSIGNED_NAMES = memoTable<ts.FunctionLikeDeclaration, ReadonlySet<string>>('syntax.assignedNames');

/**
 * A `const`, or a parameter that no code of its function (closures included) assigns: whatever
 * runs between two uses, it holds the same value.
 */
export function isStableName(name: ts.Identifier, session: AnalysisSession): boolean {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind === 'variable') return declaration.bindings.constant;
  return declaration?.kind === 'parameter' && !assignedNames(declaration.fn, session).has(name.text);
}

/** Every name some code of a function assigns, its closures included (any name on the left of an assignment). */
function assignedNames(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): ReadonlySet<string> {
  const table = session.table(ASSIGNED_NAMES);
  let names = table.get(fn);
  if (names) return names;
  const assigned = new Set<string>();
  const collect = (target: ts.Node): void => {
    if (ts.isIdentifier(target)) assigned.add(target.text);
    ts.forEachChild(target, collect);
  };
  const visit = (node: ts.Node): void => {
    if (isAssignment(node)) collect(node.left);
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    )
      collect(node.operand);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  table.set(fn, (names = assigned));
  return names;
}

/**
 * Every value `name` is given from its use at `node` out to its declaration, closures included
 * (`let x; … () => { x = new Poller() }`), and the function whose parameter it is, if it is one.
 */
export function valuesInReach(name: string, node: ts.Node, session: AnalysisSession): { parameterOf?: ts.FunctionLikeDeclaration; values: ts.Expression[] } {
  const values: ts.Expression[] = [];
  let current: ts.Node = node;
  for (;;) {
    const fn = enclosingBody(current);
    if (isFunctionLike(fn) && fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return { parameterOf: fn, values };
    const bindings = bindingsIn(name, fn, session);
    values.push(...bindings.values);
    if (bindings.declared || ts.isSourceFile(fn) || fn === current) return { values };
    current = fn;
  }
}

/**
 * `const { transport: t } = await make(req)` with `t` never assigned again: the initializer and the
 * field `t` is read from. Only a field of the pattern's top level, named or shorthand.
 */
export function destructuredField(name: ts.Identifier, session: AnalysisSession): { from: ts.Expression; field: string } | undefined {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable' || !declaration.bindings.constant || declaration.bindings.changed || declaration.bindings.values.length > 0)
    return undefined;
  let found: { from: ts.Expression; field: string } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== declaration.body && isSeparateFunction(node))) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      for (const element of node.name.elements) {
        if (element.dotDotDotToken || !ts.isIdentifier(element.name) || element.name.text !== name.text) continue;
        const field = element.propertyName ? (ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined) : element.name.text;
        if (field !== undefined) found = { from: node.initializer, field };
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.body);
  return found;
}

/** The values a variable is given where it is declared; undefined for parameters and names declared nowhere in reach. */
export function declarationValues(name: ts.Identifier, session: AnalysisSession): ts.Expression[] | undefined {
  const declaration = declarationOf(name.text, name, session);
  return declaration?.kind === 'variable' ? declaration.bindings.values : undefined;
}

/** The one value of a `const` (or a `let` given one value and never changed otherwise). */
export function singleInitializer(name: ts.Identifier, session: AnalysisSession): ts.Expression | undefined {
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable' || declaration.bindings.changed || declaration.bindings.values.length !== 1) return undefined;
  return skipOuter(declaration.bindings.values[0]!);
}

/**
 * `let accessory = this.accessories.get(uuid); if (accessory) { … } else { accessory = new … }`:
 * the value a local holds where `name` reads it, when that is its initializer for certain — the
 * declaration is a statement of the block the read sits in (no loop between them brings a later
 * value back) and every other value is given after the read. A single-valued local's one value.
 */
export function valueWhereRead(name: ts.Identifier, session: AnalysisSession): ts.Expression | undefined {
  const single = singleInitializer(name, session);
  if (single) return single;
  const declaration = declarationOf(name.text, name, session);
  if (declaration?.kind !== 'variable' || declaration.bindings.changed) return undefined;
  const [first, ...later] = declaration.bindings.values;
  const declared = first?.parent;
  if (!first || !declared || !ts.isVariableDeclaration(declared) || declared.initializer !== first || later.some((value) => value.pos < name.end))
    return undefined;
  const statement = declared.parent.parent;
  if (!ts.isVariableStatement(statement)) return undefined;
  for (let current: ts.Node = name; current.parent; current = current.parent) {
    if (ts.isIterationStatement(current, false) || isSeparateFunction(current)) return undefined;
    if (current.parent === statement.parent) return current.pos > statement.pos ? skipOuter(first) : undefined;
  }
  return undefined;
}

/** `'no-store'`, `true`, or a name given one such literal once (`const UNCACHEABLE = 'no-store'`): data, never a resource. */
export function isTextOrFlag(value: ts.Expression, session: AnalysisSession): boolean {
  const e = skipOuter(value);
  const literal = ts.isIdentifier(e) ? singleInitializer(e, session) : e;
  return literal !== undefined && isTextOrFlagLiteral(literal);
}

/** The parameter `name` names at `node`, unless a closer function declares a local of that name. */
export function parameterNamed(name: string, node: ts.Node, session: AnalysisSession): ts.ParameterDeclaration | undefined {
  const declaration = declarationOf(name, node, session);
  return declaration?.kind === 'parameter' ? declaration.parameter : undefined;
}

/** A parameter that the function around `node` never assigns again. */
export function isUnchangedParameter(name: string, node: ts.Node, session: AnalysisSession): boolean {
  if (!parameterNamed(name, node, session)) return false;
  const bindings = bindingsIn(name, enclosingBody(node), session);
  return bindings.values.length === 0 && !bindings.changed;
}

/** Top-level `function f() {}` and `const f = () => …` of a module, declared once by that name. */
export function moduleFunctions(sourceFile: ts.SourceFile, session: AnalysisSession): Map<string, ts.FunctionLikeDeclaration> {
  const table = session.table(MODULE_FUNCTIONS);
  let functions = table.get(sourceFile);
  if (functions) return functions;
  functions = new Map();
  const seen = new Set<string>();
  const add = (name: string, fn: ts.FunctionLikeDeclaration): void => {
    if (seen.has(name)) functions!.delete(name);
    else functions!.set(name, fn);
    seen.add(name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer && skipOuter(declaration.initializer);
        if (ts.isIdentifier(declaration.name) && initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)))
          add(declaration.name.text, initializer);
      }
    }
  }
  table.set(sourceFile, functions);
  return functions;
}

/** A function of this module (by name) whose every `return` satisfies `test`. */
export function moduleFunctionReturns(name: ts.Identifier, session: AnalysisSession, test: (returned: ts.Expression) => boolean): boolean {
  const declaration = moduleFunctions(name.getSourceFile(), session).get(name.text);
  if (!declaration?.body) return false;
  if (!ts.isBlock(declaration.body)) return test(declaration.body);
  const returned: ts.Expression[] = [];
  let bare = false;
  const visit = (node: ts.Node): void => {
    if (isSeparateFunction(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) returned.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, visit);
  };
  declaration.body.statements.forEach(visit);
  return !bare && returned.length > 0 && returned.every(test);
}

/** The `this.method(…)` calls of a method in the code that can reach it, and whether that code also uses it otherwise. */
export interface OwnMethodCalls {
  calls: readonly ts.CallExpression[];
  /** A reference handed on (`this.method.bind(this)`, `emitter.on('x', this.method)`): callers elsewhere. */
  otherUse: boolean;
}

const OWN_METHOD_CALLS = memoTable<ts.MethodDeclaration, OwnMethodCalls | null>('syntax.ownMethodCalls');
const MODULE_FUNCTION_CALLS = memoTable<ts.SourceFile, Map<string, readonly ts.CallExpression[] | null>>('syntax.moduleFunctionCalls');

/**
 * Every call of a function only its own code can reach — a private method, or a function of the
 * module it does not export — when calling is all that code does with it; undefined otherwise.
 */
export function callsOfLocalFunction(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  if (ts.isMethodDeclaration(fn)) return callsOfOwnMethod(fn, session);
  const file = fn.getSourceFile();
  const declared = moduleLevelName(fn);
  if (!declared || moduleFunctions(file, session).get(declared.text) !== fn) return undefined;
  // An exported function may be called from other modules: `export function f`, `export const f = …`.
  const holder = ts.isFunctionDeclaration(declared.parent) ? declared.parent : declared.parent.parent.parent;
  if (ts.canHaveModifiers(holder) && ts.getModifiers(holder)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const table = session.table(MODULE_FUNCTION_CALLS);
  let byName = table.get(file);
  if (!byName) table.set(file, (byName = findModuleFunctionCalls(file, session)));
  return byName.get(declared.text) ?? undefined;
}

/**
 * `function add(k) {…}` or `const reset = () => {…}` declared inside another function: its calls in
 * that function, when calling is all it does with it.
 */
export function callsOfNestedFunction(fn: ts.FunctionLikeDeclaration): readonly ts.CallExpression[] | undefined {
  const declared = nestedName(fn);
  if (!declared) return undefined;
  return callsOfName(ts.isFunctionDeclaration(fn) ? fn.parent : enclosingBody(declared), declared.text, declared);
}

/**
 * Every call of `name` in `scope` (`declared`, the name's own declaration, aside); undefined when
 * the scope never calls it or uses it otherwise (hands it on, stores it, reassigns it).
 */
export function callsOfName(scope: ts.Node, name: string, declared?: ts.Identifier): ts.CallExpression[] | undefined {
  const calls: ts.CallExpression[] = [];
  let otherUse = false;
  const visit = (node: ts.Node): void => {
    if (otherUse) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declared && !isPropertyName(node)) {
      if (ts.isCallExpression(node.parent) && node.parent.expression === node) calls.push(node.parent);
      else otherUse = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return otherUse || calls.length === 0 ? undefined : calls;
}

/** `removeView` of a module's or a function's own `function removeView(…)` or `const removeView = (…) => …`. */
export function localFunctionName(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  return moduleLevelName(fn) ?? nestedName(fn);
}

/** The name a function declared inside another one goes by: its own, or the `const` it is given to. */
function nestedName(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name && !ts.isSourceFile(fn.parent) ? fn.name : undefined;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const declaration = fn.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== fn || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0 || ts.isSourceFile(enclosingBody(declaration))) return undefined;
  return declaration.name;
}

/**
 * The function whose parameter `name` is (seen from `at`), and every call of it, when it is a
 * local function (callsOfLocalFunction) that never assigns that parameter again — or, `acrossProgram`,
 * a function the module exports, with every call the program's modules make (callsAcrossProgram).
 */
export function callsHandingParameter(
  name: string,
  at: ts.Node,
  session: AnalysisSession,
  acrossProgram = false,
): { fn: ts.FunctionLikeDeclaration; index: number; calls: readonly ts.CallExpression[] } | undefined {
  const parameter = parameterNamed(name, at, session);
  if (!parameter || !ts.isIdentifier(parameter.name) || !isUnchangedParameter(name, at, session)) return undefined;
  const fn = parameter.parent as ts.FunctionLikeDeclaration;
  const calls = callsOfLocalFunction(fn, session) ?? (acrossProgram ? callsAcrossProgram(fn, session) : undefined);
  return calls && { fn, index: fn.parameters.indexOf(parameter), calls };
}

/** For each function of the module, every call of it — or null when the module also uses it otherwise (`export { f }`, a reference handed on). One walk per file. */
function findModuleFunctionCalls(file: ts.SourceFile, session: AnalysisSession): Map<string, readonly ts.CallExpression[] | null> {
  const functions = moduleFunctions(file, session);
  const found = new Map<string, ts.CallExpression[] | null>();
  for (const name of functions.keys()) found.set(name, []);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && functions.has(node.text) && found.get(node.text) !== null) {
      const declared = functions.get(node.text)!;
      const isDeclarationName =
        (ts.isFunctionDeclaration(declared) && declared.name === node) || (ts.isVariableDeclaration(node.parent) && node.parent.name === node);
      const isMemberName = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
      if (!isDeclarationName && !isMemberName) {
        if (ts.isCallExpression(node.parent) && node.parent.expression === node) found.get(node.text)!.push(node.parent);
        else found.set(node.text, null);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return new Map([...found].map(([name, calls]) => [name, calls && calls.length > 0 ? calls : null]));
}

/**
 * The calls of a method only its class (private) or its class and the subclasses declared beside
 * it (protected) can reach, from one walk per class; undefined for any other method.
 */
export function ownMethodCalls(method: ts.MethodDeclaration, session: AnalysisSession): OwnMethodCalls | undefined {
  const table = session.table(OWN_METHOD_CALLS);
  let calls = table.get(method);
  if (calls === undefined) table.set(method, (calls = findOwnMethodCalls(method, session)));
  return calls ?? undefined;
}

/** Every call of a method (its class's own calls of a private one) or function in the program; undefined when some escape the search (or, but for a public method, there are none). */
export function callsInProgram(fn: ts.FunctionLikeDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  return ts.isMethodDeclaration(fn)
    ? (callsOfOwnMethod(fn, session) ?? (ownMethodCalls(fn, session) ? undefined : callsOfMethodAcrossProgram(fn, session)))
    : callsAcrossProgram(fn, session);
}

/** Every call of such a method, when those calls are all its uses; undefined when it is used otherwise or never called. */
export function callsOfOwnMethod(method: ts.MethodDeclaration, session: AnalysisSession): readonly ts.CallExpression[] | undefined {
  const found = ownMethodCalls(method, session);
  return found && !found.otherUse && found.calls.length > 0 ? found.calls : undefined;
}

function findOwnMethodCalls(method: ts.MethodDeclaration, session: AnalysisSession): OwnMethodCalls | null {
  const owner = method.parent;
  if (!ts.isClassLike(owner)) return null;
  const isProtected = isProtectedMember(method);
  if (!isPrivateMember(method) && !isProtected) return null;
  const name = method.name.getText();
  const reaching = [owner, ...(isProtected && owner.name ? (subclassesInFile(owner.getSourceFile(), session).get(owner.name.text) ?? []) : [])];
  const uses = reaching.map((cls) => thisMemberUses(cls, session).get(name));
  return { calls: uses.flatMap((use) => use?.calls ?? []), otherUse: uses.some((use) => use?.otherUse === true) };
}

const THIS_MEMBER_USES = memoTable<ts.ClassLikeDeclaration, ReadonlyMap<string, OwnMethodCalls>>('syntax.thisMemberUses');
const SUBCLASSES_IN_FILE = memoTable<ts.SourceFile, ReadonlyMap<string, readonly ts.ClassLikeDeclaration[]>>('syntax.subclassesInFile');

/** Every `this.name` in a class (the classes written inside it included), by name: its calls, and whether it is used otherwise. One walk per class. */
function thisMemberUses(cls: ts.ClassLikeDeclaration, session: AnalysisSession): ReadonlyMap<string, OwnMethodCalls> {
  return session.memo(THIS_MEMBER_USES, cls, () => {
    const uses = new Map<string, { calls: ts.CallExpression[]; otherUse: boolean }>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword) {
        let use = uses.get(node.name.text);
        if (!use) uses.set(node.name.text, (use = { calls: [], otherUse: false }));
        if (ts.isCallExpression(node.parent) && node.parent.expression === node) use.calls.push(node.parent);
        else use.otherUse = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(cls);
    return uses;
  })!;
}

/** The classes of a file that extend a class named so (`extends Base`), by that name; not those written inside one already listed for it. */
function subclassesInFile(file: ts.SourceFile, session: AnalysisSession): ReadonlyMap<string, readonly ts.ClassLikeDeclaration[]> {
  return session.memo(SUBCLASSES_IN_FILE, file, () => {
    const byBase = new Map<string, ts.ClassLikeDeclaration[]>();
    const visit = (node: ts.Node, inside: ReadonlySet<string>): void => {
      let within = inside;
      if (ts.isClassLike(node)) {
        for (const clause of node.heritageClauses ?? []) {
          if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
          for (const type of clause.types) {
            if (!ts.isIdentifier(type.expression) || inside.has(type.expression.text)) continue;
            const list = byBase.get(type.expression.text) ?? [];
            list.push(node);
            byBase.set(type.expression.text, list);
            within = new Set([...within, type.expression.text]);
          }
        }
      }
      ts.forEachChild(node, (child) => visit(child, within));
    };
    visit(file, new Set());
    return byBase;
  })!;
}
