/**
 * The program's own generic storage classes: `class PeerRepository<T> { private repository = new
 * Map<string, T>(); forget(key) { this.repository.delete(key) } … }`. Such a class cannot know
 * what `T` owes, so it drops nothing itself; a container of `PeerRepository<Socket>` drops a socket
 * at each `forget(ip)`. Each method that only hands its parameters on to one built-in container
 * field is that field's method under its own name: the class is the built-in's protocol with its
 * methods renamed. Read from the syntax, once per program, so the rules' name filter can ask it.
 */
import ts from 'typescript';

import { memoValue, type AnalysisSession } from '../session.js';
import { isFieldOfThis, isHiddenFromHolders, isStaticMember, skipOuter } from '../syntax/expressions.js';
import { CONTAINER_PROTOCOLS, type BuiltinContainerKind, type ContainerProtocol } from './kinds.js';

export interface StorageClass {
  declaration: ts.ClassDeclaration;
  /** Which of the class's type parameters is the stored values' type. */
  valueParameterIndex: number;
  /** The built-in's protocol, under the class's own method names. */
  protocol: ContainerProtocol;
}

interface StorageClasses {
  byDeclaration: Map<ts.ClassDeclaration, StorageClass>;
  /** Every own method name that drops, for the rules' first, syntactic filter. */
  droppingMethods: Set<string>;
  /** Own method name → how it inserts, for reading ownership from the syntax. */
  insertingMethods: Map<string, ContainerProtocol['inserts'][string]>;
}

const STORAGE_CLASSES = memoValue('containers.storageClasses', (session) => findStorageClasses(session.program));

export function storageClasses(session: AnalysisSession): StorageClasses {
  return session.value(STORAGE_CLASSES);
}

/** The storage class a class declaration is, if it is one. */
export function storageClassOf(declaration: ts.Declaration | undefined, session: AnalysisSession): StorageClass | undefined {
  return declaration && ts.isClassDeclaration(declaration) ? storageClasses(session).byDeclaration.get(declaration) : undefined;
}

function findStorageClasses(program: ts.Program): StorageClasses {
  const found: StorageClasses = { byDeclaration: new Map(), droppingMethods: new Set(), insertingMethods: new Map() };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const storage = readStorageClass(statement);
      if (!storage) continue;
      found.byDeclaration.set(statement, storage);
      for (const method of Object.keys(storage.protocol.drops)) found.droppingMethods.add(method);
      for (const [method, how] of Object.entries(storage.protocol.inserts)) if (!found.insertingMethods.has(method)) found.insertingMethods.set(method, how);
    }
  }
  return found;
}

/** A generic class with one built-in container field of its type parameter, and methods that drop from it only by handing it their parameters. */
function readStorageClass(declaration: ts.ClassDeclaration): StorageClass | undefined {
  const parameters = declaration.typeParameters?.map((parameter) => parameter.name.text) ?? [];
  if (parameters.length === 0 || declaration.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return undefined;
  const fields = declaration.members.flatMap((member) => {
    const held = ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) ? heldContainer(member, parameters) : undefined;
    return held ? [{ name: (member.name as ts.Identifier).text, ...held }] : [];
  });
  if (fields.length !== 1) return undefined;
  const [field] = fields as [(typeof fields)[number]];
  const builtin = CONTAINER_PROTOCOLS[field.kind];
  const drops: Record<string, ContainerProtocol['drops'][string]> = {};
  const inserts: Record<string, ContainerProtocol['inserts'][string]> = {};
  const reads: string[] = [];
  const tests: string[] = [];
  let valuesMethod: string | undefined;
  for (const member of declaration.members) {
    if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || !member.body || isHiddenFromHolders(member)) continue;
    const own = member.name.text;
    const passed = passedOn(member, field.name);
    if (passed === 'values') valuesMethod ??= own;
    if (passed === undefined || passed === 'values') continue;
    if (builtin.drops[passed]) drops[own] = builtin.drops[passed]!;
    if (builtin.inserts[passed]) inserts[own] = builtin.inserts[passed]!;
    if (builtin.reads?.includes(passed)) reads.push(own);
    if (builtin.tests?.includes(passed)) tests.push(own);
  }
  if (Object.keys(drops).length === 0) return undefined;
  const read = reads[0];
  return {
    declaration,
    valueParameterIndex: parameters.indexOf(field.valueParameter),
    protocol: {
      kind: builtin.kind,
      drops,
      inserts,
      reads,
      tests,
      searches: [],
      // No edits through the field's own syntax: the class is reached only by its methods.
      elementAssignmentDrops: false,
      deleteOperatorDrops: false,
      truncates: false,
      ...(read !== undefined && { readAt: (container: string, key: string) => `${container}.${read}(${key})` }),
      values: (container) => (valuesMethod !== undefined ? `${container}.${valuesMethod}()` : ''),
    },
  };
}

/** `Map<string, T>`, `Set<T>`, `T[]`, `Record<string, T>`, `{ [id: string]: T }`, or `new Map<string, T>()`: a built-in container of a type parameter. */
function heldContainer(field: ts.PropertyDeclaration, parameters: readonly string[]): { kind: BuiltinContainerKind; valueParameter: string } | undefined {
  if (isStaticMember(field)) return undefined;
  const initializer = field.initializer && skipOuter(field.initializer);
  const written = field.type ?? (initializer && ts.isNewExpression(initializer) ? initializer : undefined);
  if (!written) return undefined;
  const parameterName = (node: ts.TypeNode | undefined): string | undefined =>
    node && ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !node.typeArguments && parameters.includes(node.typeName.text)
      ? node.typeName.text
      : undefined;
  if (ts.isArrayTypeNode(written)) {
    const value = parameterName(written.elementType);
    return value ? { kind: 'Array', valueParameter: value } : undefined;
  }
  if (ts.isTypeLiteralNode(written)) {
    const [index] = written.members;
    const value = written.members.length === 1 && index && ts.isIndexSignatureDeclaration(index) ? parameterName(index.type) : undefined;
    return value ? { kind: 'ObjectMap', valueParameter: value } : undefined;
  }
  const name = ts.isTypeReferenceNode(written) ? written.typeName : ts.isNewExpression(written) ? written.expression : undefined;
  const typeArguments = ts.isTypeReferenceNode(written) || ts.isNewExpression(written) ? written.typeArguments : undefined;
  if (!name || !ts.isIdentifier(name) || !typeArguments) return undefined;
  // `Map<K, V>`, `Set<T>` as the built-in records describe them; `Array<T>` and `Record<K, V>` besides.
  const builtin = Object.values(CONTAINER_PROTOCOLS).find((protocol) => protocol.builtin?.name === name.text);
  const kind: { kind: BuiltinContainerKind; arguments: number; value: number } | undefined = builtin?.builtin
    ? { kind: builtin.kind, arguments: Math.max(builtin.builtin.valueArgument, builtin.builtin.keyArgument ?? 0) + 1, value: builtin.builtin.valueArgument }
    : name.text === 'Array'
      ? { kind: 'Array', arguments: 1, value: 0 }
      : name.text === 'Record'
        ? { kind: 'ObjectMap', arguments: 2, value: 1 }
        : undefined;
  const value = kind && typeArguments.length === kind.arguments ? parameterName(typeArguments[kind.value]) : undefined;
  return kind && value ? { kind: kind.kind, valueParameter: value } : undefined;
}

/**
 * What a method's only statement does with the field: `forget(key) { this.repository.delete(key) }`
 * is `delete`, handing on its parameters in order; `values() { return [...this.items.values()] }`
 * lists the values. Anything more (a release first, a check, a changed argument) is the class's own
 * code, not a renamed built-in.
 */
function passedOn(method: ts.MethodDeclaration, field: string): string | undefined {
  const [statement, ...rest] = method.body!.statements;
  if (!statement || rest.length > 0) return undefined;
  const expression = ts.isExpressionStatement(statement) ? statement.expression : ts.isReturnStatement(statement) ? statement.expression : undefined;
  if (!expression) return undefined;
  const e = skipOuter(expression);
  if (isValuesListing(e, field)) return 'values';
  if (!ts.isCallExpression(e)) return undefined;
  const callee = skipOuter(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !isFieldOfThis(callee.expression, field)) return undefined;
  const parameters = method.parameters.map((parameter) => (ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken ? parameter.name.text : undefined));
  const handsOn =
    e.arguments.length === parameters.length &&
    e.arguments.every((argument, index) => {
      const a = skipOuter(argument);
      return ts.isIdentifier(a) && a.text === parameters[index];
    });
  return handsOn ? callee.name.text : undefined;
}

/** `this.items.values()`, `[...this.items.values()]`, `Array.from(this.items.values())`, `Object.values(this.items)`. */
function isValuesListing(expression: ts.Expression, field: string): boolean {
  let e = skipOuter(expression);
  if (ts.isArrayLiteralExpression(e)) {
    const [only] = e.elements;
    if (e.elements.length !== 1 || !only || !ts.isSpreadElement(only)) return false;
    e = skipOuter(only.expression);
  }
  if (!ts.isCallExpression(e)) return false;
  const callee = skipOuter(e.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const [argument] = e.arguments;
  if (callee.name.text === 'values' && e.arguments.length === 0) return isFieldOfThis(callee.expression, field);
  const owner = skipOuter(callee.expression);
  if (!ts.isIdentifier(owner) || e.arguments.length !== 1 || !argument) return false;
  if (owner.text === 'Object' && callee.name.text === 'values') return isFieldOfThis(argument, field);
  return owner.text === 'Array' && callee.name.text === 'from' && isValuesListing(argument, field);
}
