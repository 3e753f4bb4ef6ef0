/**
 * Options as the code writes them: construction arguments and per-call arguments, read as
 * literals where they are literals, and tested against a library record's option cases.
 */
import ts from 'typescript';

import { skipOuter } from '../syntax/expressions.js';
import type { CacheLibrary, OptionTest } from './model.js';

// ---------------------------------------------------------------------------
// Options as written
// ---------------------------------------------------------------------------

export type OptionLiteral = boolean | number | string | null | undefined;

export type OptionValue =
  /** A literal the linter can read. */
  | { kind: 'literal'; value: OptionLiteral; node: ts.Node }
  /** Present, but not a literal: a function (a hook), a variable, a call. */
  | { kind: 'expression'; node: ts.Node };

/** Options as they appear at a construction or call site. */
export interface CacheOptions {
  values: ReadonlyMap<string, OptionValue>;
  /** A spread, computed key or non-literal options argument: absent options are unknown, not defaults. */
  open: boolean;
}

export const NO_OPTIONS: CacheOptions = { values: new Map(), open: false };

function readOptionValue(node: ts.Expression): OptionValue {
  const inner = skipOuter(node);
  switch (inner.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return { kind: 'literal', value: true, node };
    case ts.SyntaxKind.FalseKeyword:
      return { kind: 'literal', value: false, node };
    case ts.SyntaxKind.NullKeyword:
      return { kind: 'literal', value: null, node };
  }
  if (ts.isNumericLiteral(inner)) return { kind: 'literal', value: Number(inner.text), node };
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return { kind: 'literal', value: inner.text, node };
  if (ts.isIdentifier(inner) && inner.text === 'undefined') return { kind: 'literal', value: undefined, node };
  if (ts.isVoidExpression(inner)) return { kind: 'literal', value: undefined, node };
  if (ts.isPrefixUnaryExpression(inner) && ts.isNumericLiteral(inner.operand)) {
    const value = Number(inner.operand.text);
    if (inner.operator === ts.SyntaxKind.MinusToken) return { kind: 'literal', value: -value, node };
    if (inner.operator === ts.SyntaxKind.PlusToken) return { kind: 'literal', value, node };
  }
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(inner.operand)) {
    // `!0` / `!1`, as minifiers write booleans.
    return { kind: 'literal', value: !Number(inner.operand.text), node };
  }
  return { kind: 'expression', node };
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const expression = skipOuter(name.expression);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  }
  return undefined;
}

/**
 * Reads an options object literal. A non-literal argument (a variable, a call)
 * yields an `open` result: every option is then unknown.
 */
export function readOptionsObject(node: ts.Expression | undefined): CacheOptions {
  if (!node) return NO_OPTIONS;
  const inner = skipOuter(node);
  if (!ts.isObjectLiteralExpression(inner)) return { values: new Map(), open: true };
  const values = new Map<string, OptionValue>();
  let open = false;
  for (const property of inner.properties) {
    if (ts.isSpreadAssignment(property)) {
      // A later literal still wins over the spread, so keep reading; earlier ones become unknown.
      values.clear();
      open = true;
      continue;
    }
    const name = property.name && propertyName(property.name);
    if (name === undefined) {
      open = true;
      continue;
    }
    if (ts.isPropertyAssignment(property)) values.set(name, readOptionValue(property.initializer));
    else values.set(name, { kind: 'expression', node: property });
  }
  return { values, open };
}

function mergeOptions(first: CacheOptions, second: CacheOptions): CacheOptions {
  if (first.values.size === 0 && !first.open) return second;
  if (second.values.size === 0 && !second.open) return first;
  return { values: new Map([...first.values, ...second.values]), open: first.open || second.open };
}

/**
 * Options of a construction (`new LRUCache({...})`, `lru(100, 5000)`, `createLRU({...})`),
 * from its argument list as the library lays it out.
 */
export function readConstructionOptions(library: CacheLibrary, args: readonly ts.Expression[] | undefined): CacheOptions {
  if (!args) return NO_OPTIONS;
  let options = NO_OPTIONS;
  const { objects, positional } = library.construction;
  if (objects) {
    for (const index of objects) {
      const argument = args[index];
      if (!argument) continue;
      const inner = skipOuter(argument);
      // keyv's `new Keyv(new Map(), options)`: a store, not options.
      if (ts.isNewExpression(inner) && objects.length > 1) continue;
      options = mergeOptions(options, readOptionsObject(argument));
    }
  }
  if (positional) {
    const values = new Map<string, OptionValue>();
    let open = false;
    positional.forEach((name, index) => {
      const argument = args[index];
      if (argument) values.set(name, readOptionValue(argument));
    });
    if (args.some((argument) => ts.isSpreadElement(argument))) open = true;
    options = mergeOptions(options, { values, open });
  }
  return options;
}

/** Per-call options of a method call (`set(k, v, { noDisposeOnSet: true })`, node-cache `set(k, v, ttl)`). */
export function readCallOptions(library: CacheLibrary, method: string, args: readonly ts.Expression[]): CacheOptions {
  let options = NO_OPTIONS;
  for (const call of library.calls) {
    if (call.method !== method) continue;
    if (call.object !== undefined) {
      const argument = args[call.object];
      if (argument) options = mergeOptions(options, readOptionsObject(argument));
    }
    if (call.positional) {
      const values = new Map<string, OptionValue>();
      call.positional.forEach((name, index) => {
        const argument = args[index];
        if (name && argument) values.set(name, readOptionValue(argument));
      });
      options = mergeOptions(options, { values, open: false });
    }
  }
  return options;
}

/** Options from a plain object, for tests and for callers that evaluated options themselves. */
export function cacheOptionsFromRecord(record: Readonly<Record<string, unknown>>): CacheOptions {
  const values = new Map<string, OptionValue>();
  const placeholder = ts.factory.createIdentifier('undefined');
  for (const [name, value] of Object.entries(record)) {
    if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
      values.set(name, { kind: 'literal', value, node: placeholder });
    } else {
      values.set(name, { kind: 'expression', node: placeholder });
    }
  }
  return { values, open: false };
}

export type TestResult = 'match' | 'miss' | 'unknown';

export function testOption(value: OptionValue | undefined, open: boolean, test: OptionTest): TestResult {
  if (!value) return open ? 'unknown' : 'miss';
  if (value.kind === 'expression') {
    // A function or object is truthy whatever it holds.
    const node = value.node;
    const alwaysTruthy =
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      (ts.isExpression(node) &&
        (ts.isFunctionExpression(skipOuter(node)) || ts.isArrowFunction(skipOuter(node)) || ts.isObjectLiteralExpression(skipOuter(node))));
    if (alwaysTruthy) return test === 'truthy' ? 'match' : 'miss';
    return 'unknown';
  }
  switch (test) {
    case 'truthy':
      return value.value ? 'match' : 'miss';
    case 'falsy':
      // An explicit `undefined` means "use the default" in these libraries.
      return value.value !== undefined && !value.value ? 'match' : 'miss';
    case 'undefined':
      return value.value === undefined ? 'match' : 'miss';
  }
}
