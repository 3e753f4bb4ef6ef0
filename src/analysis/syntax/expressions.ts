/**
 * Small syntactic helpers over the TypeScript AST, shared by the analysis modules.
 */
import ts from 'typescript';

/** A container made empty: `[]`, `{}`, any constructor given nothing (`new Map()`), or `new Array(count)` of holes. */
export function isEmptyContainerExpression(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (ts.isArrayLiteralExpression(e)) return e.elements.length === 0;
  if (ts.isObjectLiteralExpression(e)) return e.properties.length === 0;
  if (!ts.isNewExpression(e) && !ts.isCallExpression(e)) return false;
  if (isObjectCreateNull(e)) return true;
  const args = e.arguments ?? [];
  if (args.length === 0) return ts.isNewExpression(e);
  const [count] = args;
  return args.length === 1 && ts.isIdentifier(e.expression) && e.expression.text === 'Array' && isCountLike(count!);
}

/** `Object.create(null)`: an object map with no keys, not even inherited ones. */
function isObjectCreateNull(e: ts.NewExpression | ts.CallExpression): boolean {
  const callee = skipOuter(e.expression);
  return (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'create' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object' &&
    e.arguments.length === 1 &&
    skipOuter(e.arguments[0]!).kind === ts.SyntaxKind.NullKeyword
  );
}

/** `n`, `8`, `keys.length`, `size * 2`: what `new Array(…)` takes as a length, not as its one element. */
function isCountLike(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  if (ts.isNumericLiteral(e) || ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return true;
  return (
    ts.isBinaryExpression(e) &&
    [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken].includes(e.operatorToken.kind) &&
    isCountLike(e.left) &&
    isCountLike(e.right)
  );
}

/** A call (a tagged template too) or a `new` anywhere in `node`, nested functions included: code that may make something or change what a test answers. */
export function containsCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.forEachChild(node, (child) => containsCall(child) || undefined) === true
  );
}

/** `undefined`, `null`, `void 0`: storing it lets go of what the place held and holds nothing. */
export function isNullish(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (ts.isIdentifier(e) && e.text === 'undefined') || e.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(e);
}

/**
 * `'no-cache'`, `` `max-age=${age}` ``, `true`: a string or a boolean written out — data, never a
 * resource nor a timer's id. A container that stores it holds data there, and the checker need not
 * type the container to say so.
 */
export function isTextOrFlagLiteral(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return (
    ts.isStringLiteral(e) ||
    ts.isNoSubstitutionTemplateLiteral(e) ||
    ts.isTemplateExpression(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword
  );
}

/** `a ?? b`, `a || b`: a value with a fallback for when it is missing. */
export function isFallback(expression: ts.Expression): expression is ts.BinaryExpression {
  return (
    ts.isBinaryExpression(expression) &&
    (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expression.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  );
}

/**
 * `timer ?? undefined`, `timer || null`, `frames.get(id) ?? 0`: the value a fallback to nothing hands on
 * (what `clearTimeout()` is given for a `Timeout | null`). A number stands for no handle: timer and
 * frame ids start above `0`, and clearing one that is not pending does nothing.
 */
export function withoutNothingFallback(expression: ts.Expression): ts.Expression {
  const e = skipOuter(expression);
  return isFallback(e) && isNoHandle(skipOuter(e.right)) ? skipOuter(e.left) : e;
}

function isNoHandle(e: ts.Expression): boolean {
  const number = ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken ? skipOuter(e.operand) : e;
  return isNullish(e) || ts.isNumericLiteral(number);
}

/** Some assignment in `node` (closures included), starting after position `after`, writes the path `text` (`opts.nonce`, `session`). */
export function writesPath(node: ts.Node, text: string, after = -1): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (isAssignment(child) && child.pos > after && canonical(child.left)?.text === text) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** `timer` of `{ timer }`, `timer: t`, `'timer': t` or `timer() {}`: an object literal member's written name. */
export function propertyNameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  return property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
}

/** The class or interface a type guard asserts of one of its parameters (`(val): val is AsyncGenerator<T>`), and which. */
export function guardAssertion(guard: ts.SignatureDeclaration): { typeName: string; parameterIndex: number } | undefined {
  const predicate = guard.type && ts.isTypePredicateNode(guard.type) ? guard.type : undefined;
  if (!predicate || predicate.assertsModifier || !ts.isIdentifier(predicate.parameterName)) return undefined;
  const asserted = predicate.type && ts.isTypeReferenceNode(predicate.type) ? predicate.type.typeName : undefined;
  if (!asserted) return undefined;
  const tested = predicate.parameterName.text;
  const parameterIndex = guard.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === tested);
  return parameterIndex >= 0 ? { typeName: ts.isIdentifier(asserted) ? asserted.text : asserted.right.text, parameterIndex } : undefined;
}

/** What a literal's property holds: `v` of `{ k: v }`, the name read by `{ k }`; nothing for a spread or a method. */
export function propertyValueOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  return ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
}

/** `x.name`, `{ name: … }`: an identifier that names a property, not a variable. */
export function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}

/** `this.<name>` (also in parentheses or with `!`). */
export function isFieldOfThis(expression: ts.Expression, name?: string): boolean {
  const e = skipOuter(expression);
  return ts.isPropertyAccessExpression(e) && (name === undefined || e.name.text === name) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword;
}

/** `x++`, `++x`, `x += 1`: the `x` a step up by one writes; undefined for anything else. */
export function steppedUpByOne(node: ts.Node): ts.Expression | undefined {
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && node.operator === ts.SyntaxKind.PlusPlusToken) return skipOuter(node.operand);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && skipOuter(node.right).getText() === '1')
    return skipOuter(node.left);
  return undefined;
}

/** `a = b`, `a += b`, `a ??= b`: any assignment. */
export function isAssignment(node: ts.Node): node is ts.AssignmentExpression<ts.AssignmentOperatorToken> {
  return ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** `0`, also in parentheses: an empty count, a start index at the beginning. */
export function isZeroLiteral(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isNumericLiteral(e) && Number(e.text) === 0;
}

/** Strips parentheses, `!`, `as`, `satisfies` and `<T>` assertions. */
/** The outermost parentheses, `!`, `as`, `satisfies` or type assertion around `node`: what its parent sees of it (skipOuter's other direction). */
export function withOuter(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) ||
    ts.isTypeAssertionExpression(current.parent)
  )
    current = current.parent;
  return current;
}

export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    switch (current.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
        current = (current as ts.ParenthesizedExpression | ts.NonNullExpression | ts.AsExpression | ts.SatisfiesExpression | ts.TypeAssertion).expression;
        break;
      default:
        return current;
    }
  }
}

export interface CanonicalText {
  readonly text: string;
  /** Identifiers the text depends on: reassigning one of them invalidates facts about it. */
  readonly roots: readonly string[];
  /** True when evaluating it twice could do something (a call, `++`): no suggestion repeats it. */
  readonly impure: boolean;
}

/** Each expression's text, read once: every analysis asks it of the same receivers and keys, several times over. */
const CANONICAL_TEXTS = new WeakMap<ts.Expression, CanonicalText | null>();

/**
 * A stable text for a side-effect-light expression, so that `this.meters`, `meters`
 * and `key` are recognized again elsewhere in the function. Undefined for shapes that
 * cannot name the same value twice (object literals, functions, …).
 */
export function canonical(node: ts.Expression): CanonicalText | undefined {
  let known = CANONICAL_TEXTS.get(node);
  if (known === undefined) CANONICAL_TEXTS.set(node, (known = readCanonical(node) ?? null));
  return known ?? undefined;
}

function readCanonical(node: ts.Expression): CanonicalText | undefined {
  const roots: string[] = [];
  let impure = false;
  const walk = (expression: ts.Expression, depth: number): string | undefined => {
    if (depth > 12) return undefined;
    const e = skipOuter(expression);
    if (ts.isIdentifier(e)) {
      roots.push(e.text);
      return e.text;
    }
    if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPrivateIdentifier(e)) return e.text;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return JSON.stringify(e.text);
    if (ts.isNumericLiteral(e)) return String(Number(e.text));
    if (ts.isPropertyAccessExpression(e)) {
      const object = isOwnStaticMember(e) ? 'this' : walk(e.expression, depth + 1);
      return object === undefined ? undefined : `${object}.${e.name.text}`;
    }
    if (ts.isElementAccessExpression(e)) {
      const object = walk(e.expression, depth + 1);
      const argument = walk(e.argumentExpression, depth + 1);
      return object === undefined || argument === undefined ? undefined : `${object}[${argument}]`;
    }
    if (ts.isTemplateExpression(e)) {
      let text = '`' + e.head.text;
      for (const span of e.templateSpans) {
        const part = walk(span.expression, depth + 1);
        if (part === undefined) return undefined;
        text += '${' + part + '}' + span.literal.text;
      }
      return text + '`';
    }
    // `(this.list ??= [])` names `this.list`, which holds the container afterwards.
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken || e.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken)
    )
      return walk(e.left, depth + 1);
    if (ts.isBinaryExpression(e) && isPureOperator(e.operatorToken.kind)) {
      const left = walk(e.left, depth + 1);
      const right = walk(e.right, depth + 1);
      return left === undefined || right === undefined ? undefined : `${left} ${e.operatorToken.getText()} ${right}`;
    }
    if (ts.isCallExpression(e)) {
      const callee = walk(e.expression, depth + 1);
      if (callee === undefined) return undefined;
      const args: string[] = [];
      for (const argument of e.arguments) {
        const text = walk(argument, depth + 1);
        if (text === undefined) return undefined;
        args.push(text);
      }
      impure = true;
      return `${callee}(${args.join(', ')})`;
    }
    return undefined;
  };
  const text = walk(node, 0);
  return text === undefined ? undefined : { text, roots, impure };
}

function isPureOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.PlusToken ||
    kind === ts.SyntaxKind.MinusToken ||
    kind === ts.SyntaxKind.AsteriskToken ||
    kind === ts.SyntaxKind.SlashToken ||
    kind === ts.SyntaxKind.PercentToken
  );
}

const OWN_STATIC_MEMBER = new WeakMap<ts.PropertyAccessExpression, boolean>();

/**
 * `Service.activePtys` written inside the body of `Service`, which declares `static activePtys`: the
 * class's own static member, named as its static methods name it (`this.activePtys`), so that both
 * spellings are one container.
 */
function isOwnStaticMember(access: ts.PropertyAccessExpression): boolean {
  // Only `C.x` can name a class: `this.x`, `a.b.c` and calls are answered without a look.
  if (!ts.isIdentifier(skipOuter(access.expression))) return false;
  let known = OWN_STATIC_MEMBER.get(access);
  if (known === undefined) OWN_STATIC_MEMBER.set(access, (known = computeOwnStaticMember(access)));
  return known;
}

function computeOwnStaticMember(access: ts.PropertyAccessExpression): boolean {
  const owner = skipOuter(access.expression);
  if (!ts.isIdentifier(owner)) return false;
  for (let current: ts.Node | undefined = access.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!ts.isClassLike(current) || current.name?.text !== owner.text) continue;
    return current.members.some(
      (member) =>
        member.name !== undefined &&
        ts.isIdentifier(member.name) &&
        member.name.text === access.name.text &&
        (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0,
    );
  }
  return false;
}

export function canonicalText(node: ts.Expression): string | undefined {
  return canonical(node)?.text;
}

/** `a.b(…)` or `a?.b(…)`: the method name, or undefined. */
export function calledMethodName(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `name` itself, maybe in parentheses or under a type assertion. */
export function isIdentifierNamed(expression: ts.Expression, name: string): boolean {
  const e = skipOuter(expression);
  return ts.isIdentifier(e) && e.text === name;
}

/** The callee's own name: `clearTimeout` in `clearTimeout(t)`, `timers.clearTimeout(t)` and `globalThis.clearTimeout(t)`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/**
 * The member of the class around it that `this.name` names, found without the checker: a property,
 * a parameter property, an accessor or a method declared in that class body. Undefined when `this`
 * is not the class's (inside a `function`) or the name is inherited or dynamic.
 */
export function ownMemberOf(access: ts.PropertyAccessExpression): ts.ClassElement | ts.ParameterDeclaration | undefined {
  return ownMembersOf(access)[0];
}

/** The field of `this` every `return` of a getter names (`get attached() { return this._attached }`): its name. */
export function fieldReturnedBy(getter: ts.GetAccessorDeclaration): string | undefined {
  const names = returnedExpressions(getter).map((value) => {
    const e = skipOuter(value);
    return ts.isPropertyAccessExpression(e) && skipOuter(e.expression).kind === ts.SyntaxKind.ThisKeyword ? e.name.text : undefined;
  });
  const [first] = names;
  return first !== undefined && names.every((name) => name === first) ? first : undefined;
}

/** Every declaration of that member, in source order: a method's overloads and its implementation, a getter and its setter. */
export function ownMembersOf(access: ts.PropertyAccessExpression): (ts.ClassElement | ts.ParameterDeclaration)[] {
  if (skipOuter(access.expression).kind !== ts.SyntaxKind.ThisKeyword) return [];
  let current: ts.Node = access.parent;
  while (current && !ts.isClassLike(current)) {
    // Every function but an arrow has its own `this`, a class member's being the class's.
    if (isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassLike(current.parent)) return [];
    current = current.parent;
  }
  return current ? membersNamed(current, access.name.text) : [];
}

/** The members of a class body named `name`, parameter properties included, in source order. */
export function membersNamed(owner: ts.ClassLikeDeclaration, name: string): (ts.ClassElement | ts.ParameterDeclaration)[] {
  const found: (ts.ClassElement | ts.ParameterDeclaration)[] = [];
  for (const member of owner.members) {
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length) found.push(parameter);
      }
    } else if (member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) && member.name.text === name) {
      found.push(member);
    }
  }
  return found;
}

/** `private`, `#name` or `protected`: a member the holder of an instance cannot call. */
export function isHiddenFromHolders(member: ts.Declaration): boolean {
  return isPrivateMember(member) || (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Protected) !== 0;
}

/** `static x`, `static m() {}`: a member of the class itself, not of its instances. */
export function isStaticMember(node: ts.Node): boolean {
  return (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

/** A class member only the class itself can reach: `private`, or a `#name`. */
export function isPrivateMember(member: ts.Declaration): boolean {
  const name = ts.getNameOfDeclaration(member);
  return (name !== undefined && ts.isPrivateIdentifier(name)) || (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Private) !== 0;
}

/** A `protected` class member: reached by the class and its subclasses only. */
export function isProtectedMember(member: ts.Declaration): boolean {
  return (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Protected) !== 0;
}

/** A `private` or `protected` class member: the class's own calls (and its subclasses') are all there are. */
export function isInternalMember(member: ts.Declaration): boolean {
  return isPrivateMember(member) || isProtectedMember(member);
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  // A switch on the kind: asked of every node on the way up from most candidate sites, where a
  // chain of `ts.isX()` calls measured ten times slower.
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** The function (or source file, static block, property initializer) whose body a node runs in. */
export function enclosingBody(node: ts.Node): ts.FunctionLikeDeclaration | ts.SourceFile | ts.ClassStaticBlockDeclaration | ts.PropertyDeclaration {
  let current: ts.Node = node.parent;
  while (current) {
    if ((isFunctionLike(current) && !isPromiseExecutor(current)) || ts.isSourceFile(current) || ts.isClassStaticBlockDeclaration(current)) return current;
    if (ts.isPropertyDeclaration(current) && current.initializer && isWithin(node, current.initializer)) return current;
    current = current.parent;
  }
  return node.getSourceFile();
}

/**
 * The first node of `root` (itself included) for which `found` holds, not reading the functions
 * written there (`isNested`, `root` too when it is one): a callback's `return`, `break` or
 * `delete` is its own, not the code's around it. `found` may answer 'skip' to leave a node's inside unread.
 */
export function findOutsideFunctions(
  root: ts.Node,
  found: (node: ts.Node) => boolean | 'skip',
  isNested: (node: ts.Node) => boolean = isFunctionLike,
): ts.Node | undefined {
  const visit = (node: ts.Node): ts.Node | undefined => {
    if (isNested(node)) return undefined;
    const answer = found(node);
    if (answer === true) return node;
    return answer === 'skip' ? undefined : ts.forEachChild(node, visit);
  };
  return visit(root);
}

/** Whether `found` holds for a node inside `root`, the functions written there aside (`findOutsideFunctions`). */
export function someOutsideFunctions(root: ts.Node, found: (node: ts.Node) => boolean | 'skip', isNested?: (node: ts.Node) => boolean): boolean {
  return findOutsideFunctions(root, found, isNested) !== undefined;
}

/** A function whose body runs apart from the code around it (not a Promise executor, which runs at once). */
export function isSeparateFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return isFunctionLike(node) && !isPromiseExecutor(node);
}

/** `new Promise((resolve, reject) => …)`: the executor runs at once, as part of the function around it. */
export function isPromiseExecutor(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const parent = node.parent;
  return (
    parent !== undefined &&
    ts.isNewExpression(parent) &&
    parent.arguments?.[0] === node &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === 'Promise'
  );
}

export function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** Names bound by a parameter or a destructuring pattern. */
export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    names.push(...boundNames(element.name));
  }
  return names;
}

/** `[key, value]` → the names an entry pattern binds: the value's always, the key's when it names one (`[, value]` does not). */
export function entryNames(pattern: ts.ArrayBindingPattern): { key: string | undefined; value: string } | undefined {
  const [keyElement, valueElement] = pattern.elements;
  if (!valueElement || !ts.isBindingElement(valueElement) || !ts.isIdentifier(valueElement.name)) return undefined;
  const key = keyElement && ts.isBindingElement(keyElement) && ts.isIdentifier(keyElement.name) ? keyElement.name.text : undefined;
  return { key, value: valueElement.name.text };
}

/** `{ timer, socket: s }` → `[['timer', 'timer'], ['s', 'socket']]`: each local a pattern binds to one field, rest elements and nested patterns aside. */
export function boundFields(pattern: ts.ObjectBindingPattern): [name: string, field: string][] {
  const fields: [string, string][] = [];
  for (const element of pattern.elements) {
    if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
    const field = element.propertyName ? (ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined) : element.name.text;
    if (field !== undefined) fields.push([element.name.text, field]);
  }
  return fields;
}

export function parameterNames(fn: ts.SignatureDeclarationBase): string[][] {
  return fn.parameters.map((parameter) => boundNames(parameter.name));
}

/** The source text of a node on one line, shortened for messages. */
export function shortText(node: ts.Node, max = 40): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Where a container's insertions, construction and hooks are read: its class (for `this.x`) or its module. */
export function containerScope(containerExpression: ts.Expression): ts.Node {
  const root = rootOf(containerExpression);
  if (root.kind === ts.SyntaxKind.ThisKeyword) {
    let current: ts.Node | undefined = containerExpression.parent;
    while (current && !ts.isClassLike(current)) current = current.parent;
    if (current) return current;
  }
  return containerExpression.getSourceFile();
}

/**
 * The collection whose values a copy or a view of it holds, one step: `m.values()`, `m.entries()`,
 * `list.slice()`, `list.concat()`, `Array.from(x)`, `Object.values(x)`, `Object.entries(x)`, `[...x]`, `x ?? []`, `{ ...x }`,
 * `new Map(x)`, `new Set(x)`; undefined for anything else.
 */
export function valuesSourceOf(expression: ts.Expression): ts.Expression | undefined {
  const e = skipOuter(expression);
  if (ts.isCallExpression(e)) {
    const method = calledMethodName(e);
    const callee = skipOuter(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if ((method === 'values' || method === 'entries') && e.arguments.length === 0) return callee.expression;
    if ((method === 'slice' || method === 'concat') && e.arguments.length <= 2) return callee.expression;
    const owner = skipOuter(callee.expression);
    const ownerName = ts.isIdentifier(owner) ? owner.text : undefined;
    // `Object.entries(o)` gives pairs, as `m.entries()` does: a loop binds `[key, value]` of each.
    if ((ownerName === 'Array' && method === 'from') || (ownerName === 'Object' && (method === 'values' || method === 'entries'))) return e.arguments[0];
    return undefined;
  }
  if (ts.isArrayLiteralExpression(e) && e.elements.length === 1) {
    const [only] = e.elements;
    return only && ts.isSpreadElement(only) ? only.expression : undefined;
  }
  // An empty fallback adds no values to the ones it stands in for.
  if (isFallback(e) && isEmptyContainerExpression(e.right)) return e.left;
  if (ts.isObjectLiteralExpression(e) && e.properties.length === 1) {
    const [only] = e.properties;
    return only && ts.isSpreadAssignment(only) ? only.expression : undefined;
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && (e.expression.text === 'Map' || e.expression.text === 'Set') && e.arguments?.length === 1) {
    return e.arguments[0];
  }
  return undefined;
}

/** A statement (or block) that ends in `return`, `throw` or `continue`: what follows it never runs after it. */
export function alwaysLeaves(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) return statement.statements.length > 0 && alwaysLeaves(statement.statements[statement.statements.length - 1]!);
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement);
}

/** `this` in `this.a.b[c]`, `x` in `x.y`: the expression a member chain starts from. */
export function rootOf(expression: ts.Expression): ts.Expression {
  let current = skipOuter(expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipOuter(current.expression);
    else return current;
  }
}

/** `(batch = new Set())` → `new Set()`: the value an assignment expression stores; otherwise the expression itself. */
export function assignedValue(expression: ts.Expression): ts.Expression {
  const e = skipOuter(expression);
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken ? skipOuter(e.right) : e;
}

/** The statement of a block that `node` sits in, with that block and the statements before it. */
export function statementInBlock(node: ts.Node): { statement: ts.Statement; block: ts.Block; before: readonly ts.Statement[] } | undefined {
  let statement: ts.Node = node;
  while (statement.parent && !ts.isBlock(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!block || !ts.isBlock(block)) return undefined;
  const index = block.statements.indexOf(statement as ts.Statement);
  return { statement: statement as ts.Statement, block, before: block.statements.slice(0, index) };
}

/** `x.close(); await y.stop(); void z.end();`: the calls, when every statement of a non-empty block is one. */
export function statementCalls(block: ts.Block): ts.CallExpression[] | undefined {
  const calls: ts.CallExpression[] = [];
  for (const statement of block.statements) {
    if (!ts.isExpressionStatement(statement)) return undefined;
    const call = callMadeBy(statement.expression);
    if (!call) return undefined;
    calls.push(call);
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * `x.close()`, `await x.stop()`, `void w.close().catch(ignore)` → the call made (the head of a promise
 * chain); `await new Promise((resolve, reject) => server.close((e) => …))` → `server.close(…)`, which
 * the executor makes before the promise exists.
 */
export function callMadeBy(expression: ts.Expression): ts.CallExpression | undefined {
  let e = skipOuter(expression);
  if (ts.isAwaitExpression(e) || ts.isVoidExpression(e)) e = skipOuter(e.expression);
  if (ts.isNewExpression(e)) return executorCall(e);
  return ts.isCallExpression(e) ? promiseChainHead(e) : undefined;
}

/** `new Promise((resolve) => s.close(resolve))`: the one call its executor makes. */
function executorCall(made: ts.NewExpression): ts.CallExpression | undefined {
  const executor = made.arguments?.length === 1 ? made.arguments[0] : undefined;
  if (!executor || !isPromiseExecutor(executor)) return undefined;
  const { body } = executor;
  const [only] = ts.isBlock(body) ? body.statements : [];
  const expression = ts.isBlock(body) ? (body.statements.length === 1 && only && ts.isExpressionStatement(only) ? only.expression : undefined) : body;
  const call = expression && skipOuter(expression);
  return call && ts.isCallExpression(call) ? call : undefined;
}

const PROMISE_CONTINUATIONS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);

/** `Promise.all(list)`, `Promise.race(list)`, any `allSettled(list)`: waits on what it is given and keeps none of it. */
export function isPromiseCombinator(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !PROMISE_COMBINATORS.has(callee.name.text)) return false;
  // `allSettled` names nothing else; the shorter names only on `Promise` itself.
  return callee.name.text === 'allSettled' || isIdentifierNamed(skipOuter(callee.expression), 'Promise');
}

/** `a.then(f)`, `a.catch(f)`, `a.finally(f)`: a continuation of the promise `a`. */
export function isPromiseContinuation(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && PROMISE_CONTINUATIONS.has(callee.name.text);
}

/** `x.close().catch(log).then(f)` → `x.close()`: the call a chain of continuations starts from (the call itself if none). */
export function promiseChainHead(call: ts.CallExpression): ts.CallExpression {
  let head = call;
  while (isPromiseContinuation(head)) {
    const receiver = skipOuter((skipOuter(head.expression) as ts.PropertyAccessExpression).expression);
    if (!ts.isCallExpression(receiver)) break;
    head = receiver;
  }
  return head;
}

/**
 * `node` names `text` (`this.pool`, `pending`) somewhere — with `outsideFunctions`, not inside the
 * callbacks it defines (a timer's callback runs later).
 */
export function mentions(node: ts.Node, text: string, outsideFunctions = false): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || (outsideFunctions && isFunctionLike(child))) return;
    if ((ts.isPropertyAccessExpression(child) || ts.isIdentifier(child)) && canonical(child as ts.Expression)?.text === text) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** What a function gives back: its expression body, or each `return` of its block (not those of functions inside it). */
export function returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return returned;
}

/**
 * `Object.keys(tiles)` or `docs.keys()` for `method` `keys` (`entries` alike): the object map or
 * collection whose keys (or entries) the call lists.
 */
export function listedBy(expression: ts.Expression, method: 'keys' | 'entries'): ts.Expression | undefined {
  const e = skipOuter(expression);
  if (!ts.isCallExpression(e) || calledMethodName(e) !== method) return undefined;
  const owner = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
  if (ts.isIdentifier(owner) && owner.text === 'Object') return e.arguments.length === 1 ? skipOuter(e.arguments[0]!) : undefined;
  return e.arguments.length === 0 ? owner : undefined;
}

/** `this.init(k)`: the method with a body of the class around it that the call names (syntax only). */
export function ownMethodCalled(expression: ts.Expression): ts.MethodDeclaration | undefined {
  const callee = ts.isCallExpression(expression) ? skipOuter(expression.expression) : undefined;
  const method = callee && ts.isPropertyAccessExpression(callee) ? ownMemberOf(callee) : undefined;
  return method && ts.isMethodDeclaration(method) && method.body ? method : undefined;
}

/** The first `container.set(key, value)` or `container[key] = value` in `body`, by their canonical texts. */
export function storeOf(body: ts.Node, container: string, key: string, value: string): ts.Node | undefined {
  return storesAt(body, container, key).find((store) => canonical(store.value)?.text === value)?.node;
}

/**
 * Every `container.set(key, v)` and `container[key] = v` in `body`, by canonical texts, with the
 * value stored; without `closures`, those of functions nested in `body` are left out.
 */
export function storesAt(body: ts.Node, container: string, key: string, closures = true): { node: ts.Node; value: ts.Expression }[] {
  const named = (expression: ts.Expression, text: string): boolean => canonical(expression)?.text === text;
  const found: { node: ts.Node; value: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    if (!closures && node !== body && isSeparateFunction(node)) return;
    if (ts.isCallExpression(node) && calledMethodName(node) === 'set' && node.arguments.length === 2) {
      const receiver = canonical((skipOuter(node.expression) as ts.PropertyAccessExpression).expression)?.text;
      if (receiver === container && named(node.arguments[0]!, key)) found.push({ node, value: node.arguments[1]! });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(skipOuter(node.left))) {
      const target = skipOuter(node.left) as ts.ElementAccessExpression;
      if (canonical(target.expression)?.text === container && named(target.argumentExpression, key)) found.push({ node, value: node.right });
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}
