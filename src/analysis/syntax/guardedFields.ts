/**
 * Fields a file fills only under a flag of the same value: `if (!request.noResponse)
 * request.timeoutHandle = setTimeout(…)`. Where the flag says otherwise, the field was never filled,
 * so a drop on that side owes it nothing. A field every record is made with beside another, which
 * nothing assigns or deletes afterwards, is such a flag too: `{ eventSource, eventListener }` with
 * no other fill of `eventSource` makes `if (sub.eventListener)` false only where there is no
 * `eventSource`. Read from the file's own text, once per file.
 */
import ts from 'typescript';

import { canonical, isAssignment, isNullish, skipOuter } from './expressions.js';

/** A field filled only where `flag` of the same value is `filledWhen`. */
export interface GuardedField {
  field: string;
  filledWhen: boolean;
}

const GUARDED_FIELDS = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly GuardedField[]>>();

/** Flag name → the fields filled only under it, for fields and flags one type of this file declares together. */
export function guardedFieldsOf(file: ts.SourceFile): ReadonlyMap<string, readonly GuardedField[]> {
  let found = GUARDED_FIELDS.get(file);
  if (!found) GUARDED_FIELDS.set(file, (found = readGuardedFields(file)));
  return found;
}

/** Every non-empty fill of a field is `guarded` (the same flag, the same value), or the field is `unguarded`. */
type Fills = { guard: { flag: string; filledWhen: boolean; literal?: true } | undefined; unguarded: boolean };

/** `eventSource` of `{ subscribed: true, topic, eventSource }`: the one flag the literal gives a `true` or `false`, with that value. */
function madeWithFlag(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): Fills['guard'] {
  const literal = property.parent;
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  const flags = literal.properties.flatMap((sibling) => {
    if (sibling === property || !ts.isPropertyAssignment(sibling) || !ts.isIdentifier(sibling.name)) return [];
    const value = skipOuter(sibling.initializer).kind;
    return value === ts.SyntaxKind.TrueKeyword || value === ts.SyntaxKind.FalseKeyword
      ? [{ flag: sibling.name.text, filledWhen: value === ts.SyntaxKind.TrueKeyword }]
      : [];
  });
  const [only] = flags;
  return flags.length === 1 && only ? { ...only, literal: true } : undefined;
}

/** The other fields of `property`'s literal, each given a value that cannot be falsy; null where a spread may give any field another. */
function presentBeside(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): Set<string> | null {
  const literal = property.parent;
  if (!ts.isObjectLiteralExpression(literal) || literal.properties.some(ts.isSpreadAssignment)) return null;
  const present = new Set<string>();
  for (const sibling of literal.properties) {
    if (sibling === property || !sibling.name || !ts.isIdentifier(sibling.name)) continue;
    const value = ts.isShorthandPropertyAssignment(sibling) ? constantValue(sibling.name) : ts.isPropertyAssignment(sibling) ? sibling.initializer : undefined;
    if (ts.isMethodDeclaration(sibling) || (value && isNeverFalsy(value))) present.add(sibling.name.text);
  }
  return present;
}

/** The initializer of the `const` a shorthand names, declared in a block around it. */
function constantValue(name: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name.text);
      if (declaration) return declaration.initializer;
    }
  }
  return undefined;
}

/** A function, an object or list literal, or a `new`: never `0`, `''`, `false`, `null` or `undefined` as written. */
function isNeverFalsy(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isNewExpression(e);
}

function readGuardedFields(file: ts.SourceFile): ReadonlyMap<string, readonly GuardedField[]> {
  // The member names of each interface, class and type literal the file declares.
  const membersOf: ReadonlySet<string>[] = [];
  const fills = new Map<string, Fills>();
  // Flags some code assigns (`s.subscribed = false`): a record's first value of one says nothing for good.
  const assigned = new Set<string>();
  const note = (field: string, guard: Fills['guard']): void => {
    const known = fills.get(field);
    if (!known) fills.set(field, { guard, unguarded: guard === undefined });
    else if (!guard || !known.guard || known.guard.flag !== guard.flag || known.guard.filledWhen !== guard.filledWhen) known.unguarded = true;
    else if (guard.literal) known.guard.literal = true;
  };
  // Field → the other fields every one of its fills is made beside, holding a value that is never falsy; null once a fill is not a literal's.
  const madeBeside = new Map<string, Set<string> | null>();
  const removed = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isClassLike(node) || ts.isTypeLiteralNode(node)) {
      const names = new Set<string>();
      for (const member of node.members) if (member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) names.add(member.name.text);
      if (names.size > 1) membersOf.push(names);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && !isNullish(skipOuter(node.right))) {
      const target = skipOuter(node.left);
      if (ts.isPropertyAccessExpression(target)) {
        note(target.name.text, flagGuarding(node, target.expression));
        madeBeside.set(target.name.text, null);
      }
    }
    if (ts.isDeleteExpression(node) && ts.isPropertyAccessExpression(skipOuter(node.expression)))
      removed.add((skipOuter(node.expression) as ts.PropertyAccessExpression).name.text);
    // `{ timeoutHandle: setTimeout(…) }` fills it with no flag asked; `{ subscribed: true, eventSource }`
    // fills it beside a flag the record is made with, which says so for good when nothing assigns it.
    if ((ts.isPropertyAssignment(node) && !isNullish(skipOuter(node.initializer))) || ts.isShorthandPropertyAssignment(node)) {
      if (ts.isIdentifier(node.name)) {
        note(node.name.text, madeWithFlag(node));
        const known = madeBeside.get(node.name.text);
        const beside = known === null ? null : presentBeside(node);
        if (known === undefined || known === null || beside === null) madeBeside.set(node.name.text, beside);
        else madeBeside.set(node.name.text, new Set([...known].filter((name) => beside.has(name))));
      }
    }
    if (ts.isBinaryExpression(node) && isAssignment(node) && ts.isPropertyAccessExpression(skipOuter(node.left)))
      assigned.add((skipOuter(node.left) as ts.PropertyAccessExpression).name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const known of fills.values()) if (known.guard?.literal && assigned.has(known.guard.flag)) known.unguarded = true;
  const byFlag = new Map<string, GuardedField[]>();
  const add = (flag: string, field: GuardedField): void => {
    if (!membersOf.some((members) => members.has(field.field) && members.has(flag))) return;
    let fields = byFlag.get(flag);
    if (!fields) byFlag.set(flag, (fields = []));
    fields.push(field);
  };
  for (const [field, { guard, unguarded }] of fills) if (!unguarded && guard) add(guard.flag, { field, filledWhen: guard.filledWhen });
  for (const [field, beside] of madeBeside)
    for (const other of beside ?? []) if (!assigned.has(other) && !removed.has(other)) add(other, { field, filledWhen: true });
  return byFlag;
}

/** The innermost `if` around `node`, in its function, that tests a flag of the same object (`owner.flag` or `!owner.flag`), with the value on `node`'s side. */
function flagGuarding(node: ts.Node, ownerExpression: ts.Expression): Fills['guard'] {
  const owner = canonical(ownerExpression);
  if (!owner || owner.impure) return undefined;
  for (let child: ts.Node = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (!ts.isIfStatement(parent) || child === parent.expression) continue;
    let test = skipOuter(parent.expression);
    let value = child === parent.thenStatement;
    while (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) {
      test = skipOuter(test.operand);
      value = !value;
    }
    // An `if` about something else on the way out guards nothing.
    if (ts.isPropertyAccessExpression(test) && canonical(test.expression)?.text === owner.text) return { flag: test.name.text, filledWhen: value };
  }
  return undefined;
}
