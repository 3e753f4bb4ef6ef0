/**
 * Flags a class keeps about its own life, read from its own bodies: `attached` that its release sets
 * to false (and something else sets to true), `_disposed` that its release sets to true. A value
 * whose live flag is false, or whose finished flag is true, has nothing left to release
 * (`if (!doc.attached) return` after taking it out of the map). The fixed names of the built-in
 * types (`killed`, `destroyed`) are the flow's; these are the program's own.
 *
 * Asked only where a condition reads a property of a value the flow follows; answered once per
 * property declaration and release vocabulary.
 */
import ts from 'typescript';

import { memoTable, type AnalysisSession } from '../session.js';
import { fieldReturnedBy, skipOuter } from '../syntax/expressions.js';

/** `live`: true while the value holds what its release undoes. `finished`: true once it has been released. */
export type LifeFlag = 'live' | 'finished';

const FLAGS = memoTable<ts.Declaration, Map<string, LifeFlag | null>>('resources.lifeFlags');

/** What `value.flag` says about the value's life, when the value's class keeps it as such a flag. */
export function lifeFlagOf(access: ts.PropertyAccessExpression, releases: ReadonlySet<string>, session: AnalysisSession): LifeFlag | undefined {
  const { checker } = session;
  const type = checker.getNonNullableType(checker.getTypeAtLocation(access.expression));
  const property = type.getProperty(access.name.text);
  const declaration = property?.valueDeclaration ?? property?.getDeclarations()?.[0];
  const owner = declaration?.parent;
  if (!declaration || !owner || !ts.isClassLike(owner) || owner.getSourceFile().isDeclarationFile) return undefined;
  const table = session.table(FLAGS);
  let byReleases = table.get(declaration);
  if (!byReleases) table.set(declaration, (byReleases = new Map()));
  const key = [...releases].sort().join(',');
  let flag = byReleases.get(key);
  if (flag === undefined) byReleases.set(key, (flag = readLifeFlag(declaration, owner, releases) ?? null));
  return flag ?? undefined;
}

function readLifeFlag(declaration: ts.Declaration, owner: ts.ClassLikeDeclaration, releases: ReadonlySet<string>): LifeFlag | undefined {
  const field = flagField(declaration);
  if (field === undefined) return undefined;
  return booleanFlag(owner, field, releases) ?? (isHandleEmptiedByRelease(owner, field, releases) ? 'live' : undefined);
}

function booleanFlag(owner: ts.ClassLikeDeclaration, field: string, releases: ReadonlySet<string>): LifeFlag | undefined {
  const initial = initialValue(owner, field);
  if (initial === undefined) return undefined;
  let releaseWrites: boolean | undefined;
  let otherWrites = false;
  /** What methods other than the releases write: the ended answer written by one (`pause()`) says nothing of the release. */
  const writtenElsewhere = new Set<boolean>();
  for (const member of owner.members) {
    if (!ts.isMethodDeclaration(member) && !ts.isConstructorDeclaration(member)) continue;
    const written = writesOf(member, field);
    if (!written) return undefined;
    const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (name !== undefined && releases.has(name)) {
      // Every release of the family sets it, always to the same answer: else it says nothing of the others.
      const [first] = written;
      if (first === undefined || written.some((value) => value !== first) || (releaseWrites !== undefined && releaseWrites !== first)) return undefined;
      releaseWrites = first;
    } else {
      if (written.some((value) => value !== initial)) otherWrites = true;
      if (!ts.isConstructorDeclaration(member)) for (const value of written) writtenElsewhere.add(value);
    }
  }
  if (releaseWrites === undefined || writtenElsewhere.has(releaseWrites)) return undefined;
  // `_attached = false`, set true by attach(), false again by detach(): true means live.
  if (releaseWrites === false && initial === false && otherWrites) return 'live';
  // `_disposed = false`, set true by dispose() alone: true means finished.
  if (releaseWrites === true && initial === false) return 'finished';
  return undefined;
}

/** The field a flag reads: the property itself, or the one its getter returns (`get attached() { return this._attached }`). */
function flagField(declaration: ts.Declaration): string | undefined {
  if (ts.isPropertyDeclaration(declaration) && ts.isIdentifier(declaration.name)) return declaration.name.text;
  return ts.isGetAccessorDeclaration(declaration) ? fieldReturnedBy(declaration) : undefined;
}

/** `private _attached = false` (or a boolean field with no initializer, which starts falsy): the value it starts with. */
function initialValue(owner: ts.ClassLikeDeclaration, field: string): boolean | undefined {
  for (const member of owner.members) {
    if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name) || member.name.text !== field) continue;
    return member.initializer ? booleanLiteral(member.initializer) : false;
  }
  return undefined;
}

/**
 * The boolean literals a method assigns to `this.<field>`, outside nested functions; undefined when it
 * assigns anything else (`this._attached = opts.attach`), which leaves the flag unread.
 */
function writesOf(member: ts.MethodDeclaration | ts.ConstructorDeclaration, field: string): boolean[] | undefined {
  const written = assignedValues(member, field).map(booleanLiteral);
  return written.every((value) => value !== undefined) ? (written as boolean[]) : undefined;
}

function booleanLiteral(expression: ts.Expression): boolean | undefined {
  const e = skipOuter(expression);
  return e.kind === ts.SyntaxKind.TrueKeyword ? true : e.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
}

/**
 * `constructor(t) { this.gpuTexture = t }` beside `destroy() { this.gpuTexture.destroy(); this.gpuTexture = null }`:
 * a field the constructor always fills, that a release empties and no other method of the class
 * does, is there exactly while the value is live (`data?.gpuTexture || this.init(source)`).
 */
function isHandleEmptiedByRelease(owner: ts.ClassLikeDeclaration, field: string, releases: ReadonlySet<string>): boolean {
  let filled = false;
  let emptiedByRelease = false;
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === field && member.initializer) {
      if (isNothing(member.initializer)) return false;
      filled = true;
    }
    if (!ts.isMethodDeclaration(member) && !ts.isConstructorDeclaration(member)) continue;
    const values = assignedValues(member, field);
    if (ts.isConstructorDeclaration(member)) {
      if (values.some(isNothing)) return false;
      // Filled at the constructor's top level, whatever path it takes.
      filled ||= (member.body?.statements ?? []).some((statement) => fillsField(statement, field));
      continue;
    }
    const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (name !== undefined && releases.has(name)) emptiedByRelease ||= values.some(isNothing);
    else if (values.some(isNothing)) return false;
  }
  return filled && emptiedByRelease;
}

/** What a method or constructor assigns to `this.<field>`, outside nested functions. */
function assignedValues(member: ts.MethodDeclaration | ts.ConstructorDeclaration, field: string): ts.Expression[] {
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && node !== member) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isOwnField(node.left, field))
      values.push(skipOuter(node.right));
    ts.forEachChild(node, visit);
  };
  if (member.body) visit(member.body);
  return values;
}

/** `this.<field>`. */
function isOwnField(expression: ts.Expression, field: string): boolean {
  const target = skipOuter(expression);
  return ts.isPropertyAccessExpression(target) && skipOuter(target.expression).kind === ts.SyntaxKind.ThisKeyword && target.name.text === field;
}

function fillsField(statement: ts.Statement, field: string): boolean {
  const e = ts.isExpressionStatement(statement) ? skipOuter(statement.expression) : undefined;
  return !!e && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && !isNothing(e.right) && isOwnField(e.left, field);
}

function isNothing(expression: ts.Expression): boolean {
  const e = skipOuter(expression);
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || ts.isVoidExpression(e);
}
