/**
 * Calls: releases by method (`value.stop()`) and by function (`clearInterval(t)`), arguments
 * handed to helpers (summarized once per declaration) or to code that may keep them, iteration
 * callbacks run over a container's elements, and Promise executors run inline.
 */
import ts from 'typescript';

import {
  calleeName,
  calledMethodName,
  canonical,
  entryNames,
  isFunctionLike,
  isPromiseCombinator,
  listedBy,
  skipOuter,
  valuesSourceOf,
  withoutNothingFallback,
} from '../syntax/expressions.js';
import type { HandedAs, HelperEffects, Interpreter } from './interpreter.js';
import { notePushedKey } from './keyLists.js';
import {
  allFact,
  bindEntry,
  bindEntryFields,
  cloneState,
  isTestFact,
  manyRefSource,
  placeFact,
  sameKeyOf,
  type ManyRef,
  type State,
  type ValueRef,
} from './state.js';
import type { DropSite } from './types.js';
import { isSymbolDisposeAccess, releaseEveryValue } from './values.js';
import { walkKeysForEach } from './writtenLists.js';

export const MAX_HELPER_DEPTH = 3;
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'every', 'some', 'filter']);
/** Functions that only look at their arguments. */
const ESCAPE_IGNORING_CALLS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'assert', 'stringify', 'String', 'Number', 'Boolean', 'isArray']);
/** An event's payload (`onWillRemove.fire(projects)`, `this.emit('removed', conn)`) is shown to listeners, not handed over. */
const NOTIFYING_CALLS = new Set(['fire', 'emit']);
/**
 * Calls that let go of their argument somewhere else — `mux.unpipeFrom(buffer)`, `registry.remove(x)`,
 * `emitter.off(…)` — keep nothing: the value is still the caller's to release. (`unsubscribe(x)` may
 * release it, and is not among them.)
 */
const LETTING_GO = /^(?:un(?!subscribe)[a-zA-Z]+|remove[a-zA-Z]*|delete[a-zA-Z]*|detach[a-zA-Z]*|forget[a-zA-Z]*|off)$/;
export function call(it: Interpreter, node: ts.CallExpression, state: State): State {
  const callee = skipOuter(node.expression);
  let current = state;
  // Receiver first, then arguments, then the call itself.
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
    current = it.expression(callee.expression, current);
    if (ts.isElementAccessExpression(callee)) current = it.expression(callee.argumentExpression, current);
  } else {
    current = it.expression(callee, current);
  }
  const methodName = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  // `[index].forEach((k) => …)`, `Object.keys(m).forEach((k) => …)`, also over a list chosen by a test.
  const [onlyArgument] = node.arguments;
  if (methodName === 'forEach' && node.arguments.length === 1 && onlyArgument && (ts.isArrowFunction(onlyArgument) || ts.isFunctionExpression(onlyArgument))) {
    const walked = walkKeysForEach(it, (callee as ts.PropertyAccessExpression).expression, onlyArgument, current);
    if (walked) return forgetTests(walked);
  }
  const iterated =
    methodName !== undefined && ITERATION_METHODS.has(methodName) && ts.isPropertyAccessExpression(callee)
      ? it.iteratedRef(callee.expression, current)
      : undefined;

  for (const [index, argument] of node.arguments.entries()) {
    if (iterated && index === 0 && (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) {
      current = it.elementCallback(argument, iterated, current);
    } else {
      current = it.expression(argument, current);
    }
  }
  if (current.dead) return current;
  notePushedKey(it, node, current);

  // value.stop(), value?.close(), record.timer.unref()…
  if (methodName !== undefined && ts.isPropertyAccessExpression(callee)) {
    const { releases } = it.options;
    // `entry.resolve(v)` where every record's `resolve` clears its timer first; `view.panel.dispose()`
    // where the panel's end releases the view (containers/recordFunctions.ts, containers/handleEnds.ts).
    const releasedFields = releases.recordFunctions?.get(methodName);
    const endedBy = releases.handleEnds?.get(methodName);
    const ref =
      releases.methods.has(methodName) || releasedFields || endedBy || releases.fieldHandleEnds?.has(methodName)
        ? (it.slotRef(callee.expression) ?? it.slotRef(throughReturnedReceiver(it, callee.expression)))
        : undefined;
    // A name bound to one field (`const { controller } = entry`) is that field, not the record; so is an element of one.
    const onWholeRecord = ref?.slot === '*' && !isBoundField(ref.ref, current);
    if (releases.methods.has(methodName)) {
      // `entry.close()` where only `entry.timer.close()` releases: a callback field, not the record's release.
      const onRecord = onWholeRecord && releases.fieldMethods?.has(methodName);
      if (ref && !onRecord) current = it.release(ref.ref, ref.slot, current);
      // `vscode.Disposable.from(...this.listeners).dispose()`: one value made of every element, released whole.
      const combined = combinedElements(callee.expression);
      const many = combined && it.manyRef(combined, current);
      if (many) current = it.releaseMany(many, '*', current);
    }
    if (ref && releasedFields && onWholeRecord) for (const slot of releasedFields) current = it.release(ref.ref, slot, current);
    // `claim.handle.close()` where the record's maker replaced `handle.close` with one clearing `claim.keepAlive` too.
    const releasedBeside = ref && ref.slot !== '*' ? releases.recordFunctions?.get(`${ref.slot}.${methodName}`) : undefined;
    if (ref && releasedBeside) for (const slot of releasedBeside) current = it.release(ref.ref, slot, current);
    if (ref && endedBy?.includes(ref.slot)) current = it.release(ref.ref, '*', current);
    if (iterated && node.arguments[0] && !ts.isArrowFunction(node.arguments[0]) && !ts.isFunctionExpression(node.arguments[0])) {
      // `timers.forEach(clearInterval)`, `meters.forEach(stopMeter)`
      for (const slot of it.callbackReleasedSlots(node.arguments[0])) current = it.releaseMany(iterated, slot, current);
    }
  }
  // `settle()` in a callback, where the outer function stored `settle` as the record's `resolve`
  // and every record's `resolve` releases its timer: the record function, called by its local name.
  if (ts.isIdentifier(callee)) {
    const alias = current.aliases.get(callee.text);
    const releasedFields = alias?.kind === 'field' ? it.options.releases.recordFunctions?.get(alias.slot) : undefined;
    if (alias?.kind === 'field' && releasedFields) for (const slot of releasedFields) current = it.release(alias.ref, slot, current);
  }
  // `cleanup()`, `m.get(k)?.()`: a cleanup function called is released.
  // `entry.off()` of a record whose `off` field holds a cleanup function: that field called.
  const callsField = ts.isPropertyAccessExpression(callee) && methodName !== undefined && it.options.releases.calledFields?.has(methodName) === true;
  if (it.options.releases.callsValue && (callsField || !(ts.isPropertyAccessExpression(callee) && methodName !== undefined))) {
    const ref = it.slotRef(callee);
    if (ref) current = it.release(ref.ref, ref.slot, current);
  }
  if (ts.isElementAccessExpression(callee) && isSymbolDisposeAccess(callee.argumentExpression)) {
    const ref = it.slotRef(callee.expression);
    if (ref) current = it.release(ref.ref, ref.slot, current);
  }
  // `process.kill(child.pid)`, `treeKill(child.pid, 'SIGKILL')`: a process killed by its id.
  const killed = killedByPid(it, node);
  const killedRef = killed && it.slotRef(killed);
  if (killedRef) current = it.release(killedRef.ref, killedRef.slot, current);
  // A drop asked at a call of a function of the program (`this.create(t)` for an insertion in
  // `create`, asked at each caller): what the key holds as the call starts, before its body stores.
  const dropId = it.dropIds.get(node);
  if (dropId !== undefined && it.helpers.resolve(node)) return forgetTests(it.passArguments(node, it.drop(dropId, current)));
  const name = calleeName(node);
  if (name !== undefined && it.options.releases.functions.has(name) && !methodName?.startsWith('__')) {
    for (const argument of node.arguments) {
      const ref = it.slotRef(withoutNothingFallback(argument));
      if (ref) current = it.release(ref.ref, ref.slot, current);
    }
  } else if (!iterated && !(methodName !== undefined && it.options.containers.lookups.has(methodName))) {
    current = it.passArguments(node, current);
  }

  // Container operations: a drop site, or facts (`delete` empties a place, `set` fills it).
  return forgetTests(it.containerCall(node, current));
}

/** A name bound to one field of a record (`const { controller } = entry`): that field, not the record. */
function isBoundField(ref: ValueRef, state: State): boolean {
  if (ref.kind !== 'variable') return false;
  const alias = state.aliases.get(ref.name);
  if (alias?.kind === 'field') return true;
  // `for (const d of s.disposables) d.dispose()`: an element of a list a value holds in a field, not that value.
  const listed = alias?.kind === 'element' && alias.source.startsWith('c:') ? alias.source.slice(2) : undefined;
  return listed !== undefined && listed.includes('.') && !/^this\.[\w$#]+$/.test(listed);
}

/** `from(...list)`: the container whose every element a call combines into one value. */
function combinedElements(expression: ts.Expression): ts.Expression | undefined {
  const e = skipOuter(expression);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const [only] = e.arguments;
  return only && ts.isSpreadElement(only) ? only.expression : undefined;
}

/**
 * The process a `kill`-named call is given the id of, when `kill()` is a release the engine was
 * asked about. Signal `0` only asks whether the process is alive.
 */
function killedByPid(it: Interpreter, node: ts.CallExpression): ts.Expression | undefined {
  if (!it.options.releases.methods.has('kill') || !/kill/i.test(calleeName(node) ?? '')) return undefined;
  const [id, signal] = node.arguments.map(skipOuter);
  if (!id || !ts.isPropertyAccessExpression(id) || id.name.text !== 'pid') return undefined;
  if (signal && ts.isNumericLiteral(signal) && signal.text === '0') return undefined;
  return skipOuter(id.expression);
}

/** Any call may change what a value's tests answer. */
function forgetTests(state: State): State {
  const asked = [...state.facts.keys()].filter(isTestFact);
  if (asked.length === 0) return state;
  const next = cloneState(state);
  for (const key of asked) next.facts.delete(key);
  return next;
}

/** Arguments handed to a function: released or kept (handed on), or only looked at, by what the callee does. */
export function passArguments(it: Interpreter, node: ts.CallExpression, state: State): State {
  let current = state;
  const name = calleeName(node);
  const method = calledMethodName(node);
  const handed = node.arguments.map((argument) => {
    // `other.push(...list)`: every value of the spread collection is put in another container.
    if (ts.isSpreadElement(argument))
      return { ref: undefined, many: method !== undefined && it.options.containers.inserts.has(method) ? it.manyRef(argument.expression, current) : undefined };
    const ref = it.slotRef(argument);
    return { ref, many: ref ? undefined : it.manyRef(argument, current) };
  });
  // `list.push(…)`, `this.log.info(…)` given no value this function tracks change nothing it can see:
  // a function of the module, a method of `this` or of an object the module names may still empty
  // a container the drop names.
  const callee = skipOuter(node.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  const onOther =
    receiver !== undefined && !isThisObject(receiver) && !(ts.isIdentifier(receiver) && it.helpers.moduleNames(node.getSourceFile()).has(receiver.text));
  const mayMatter = !onOther || handed.some(({ ref, many }) => many || (ref && isFollowed(it, ref.ref, current)));
  const helper = mayMatter && it.depth < MAX_HELPER_DEPTH ? it.helpers.resolve(node) : undefined;
  if (helper) current = it.applyHelperEffects(node, helper, current);
  for (const [index, { ref, many }] of handed.entries()) {
    // `Array.from(m.values())`, `Object.values(o)`: a copy, read here like `[...m.values()]`; nothing is handed on.
    if ((!ref && !many) || (node.arguments.length === 1 && valuesSourceOf(node) === node.arguments[index])) continue;
    // A helper with a body says which slots it releases or keeps; a function declared
    // elsewhere (a library, a callback) may keep the value.
    const slots = helper
      ? it.helpers.releasedSlots(helper, index, it.options, it.depth + 1, handedAs(it, ref?.ref, ref?.slot, many !== undefined, current))
      : name !== undefined && (ESCAPE_IGNORING_CALLS.has(name) || NOTIFYING_CALLS.has(name) || LETTING_GO.test(name) || isPromiseCombinator(node))
        ? []
        : ['*'];
    for (const slot of slots) {
      if (ref) current = it.release(ref.ref, ref.slot === '*' ? slot : ref.slot, current);
      else if (many) current = it.releaseMany(many, slot, current);
    }
  }
  return current;
}

/** What the helper is given: a collection, one field of a record (`entry.stream`, or `stream` bound to it), or a value. */
function handedAs(it: Interpreter, ref: ValueRef | undefined, slot: string | undefined, many: boolean, state: State): HandedAs {
  if (many || (ref && namesDroppedContainer(it, ref))) return 'elements';
  if (slot !== undefined && slot !== '*') return 'field';
  return ref?.kind === 'variable' && state.aliases.get(ref.name)?.kind === 'field' ? 'field' : 'value';
}

/** `this.meters` handed whole: a container a drop here names, whose elements a helper may release one by one. */
function namesDroppedContainer(it: Interpreter, ref: ValueRef): boolean {
  return ref.kind === 'variable' && it.drops.some((drop) => drop.container === ref.name);
}

const FOLLOWED_NAMES = new WeakMap<readonly DropSite[], ReadonlySet<string>>();

/**
 * A value whose release this analysis can see: a place, a drop's result, or a name that is an
 * alias here or a drop's value, container or key. Releasing any other local sets a fact no drop
 * reads — so `iterator.return(undefined)` need not make the checker type `iterator`.
 */
export function isFollowed(it: Interpreter, ref: ValueRef, state: State): boolean {
  if (ref.kind !== 'variable' || state.aliases.has(ref.name)) return true;
  let names = FOLLOWED_NAMES.get(it.drops);
  if (!names) {
    names = new Set(
      it.drops.flatMap((drop) => [
        drop.container,
        ...drop.containerRoots,
        ...(drop.target.kind === 'value' ? [drop.target.variable] : drop.target.kind === 'key' ? drop.target.keyRoots : []),
      ]),
    );
    FOLLOWED_NAMES.set(it.drops, names);
  }
  return names.has(ref.name);
}

/** A helper of the same module, or a method of this object's class or its bases, that releases or deletes `container[param]`, or all of a container. */
export function applyHelperEffects(it: Interpreter, node: ts.CallExpression, helper: ts.FunctionLikeDeclaration, state: State): State {
  const effects = sameModuleEffects(it, node, helper);
  if (!effects) return state;
  const throughThis = isCalledOnThis(node);
  const applies = (container: string): boolean => !container.startsWith('this.') || throughThis;
  const next = cloneState(state);
  for (const { container, slot, emptied } of effects.all) {
    if (!applies(container)) continue;
    if (emptied) next.facts.set(allFact(container, slot), { roots: [] });
    else releaseEveryValue(it, next, container, slot, []);
  }
  for (const { container, parameterIndex, path = '', slot } of effects.places) {
    if (!applies(container)) continue;
    const argument = node.arguments[parameterIndex];
    const key = argument && canonical(argument);
    if (!key || (path && !/^[\w$.]+$/.test(key.text))) continue;
    next.facts.set(placeFact(container, `${key.text}${path}`, slot), { roots: key.roots });
    // `deleteSession(s)` removing `s.to`, where `s.to` spells the key `s` was read at.
    const spelled = path ? sameKeyOf(next, `${key.text}${path}`) : undefined;
    if (spelled) next.facts.set(placeFact(container, spelled.text, slot), { roots: spelled.roots });
  }
  return next;
}

/**
 * What a helper called at `node` releases or deletes in containers, when it does anything: container
 * names mean the same thing only in the same module, so a helper of another module answers nothing,
 * but for a base class's method called on this object (`super.destroy()`), whose `this.…` containers
 * are this object's.
 */
export function sameModuleEffects(it: Interpreter, node: ts.CallExpression, helper: ts.FunctionLikeDeclaration) {
  const sameModule = helper.getSourceFile() === node.getSourceFile();
  if (!sameModule && !isCalledOnThis(node)) return undefined;
  const found = it.helpers.effects(helper, it.options, it.depth + 1);
  const effects = found && !sameModule ? ownContainerEffects(found) : found;
  return effects && (effects.places.length > 0 || effects.all.length > 0) ? effects : undefined;
}

function ownContainerEffects(effects: HelperEffects): HelperEffects {
  const own = ({ container }: { container: string }): boolean => container.startsWith('this.');
  return { places: effects.places.filter(own), all: effects.all.filter(own) };
}

/** `this.closeAll()`, `super.destroy()`: a method of the object whose containers `this.…` names. */
function isCalledOnThis(node: ts.CallExpression): boolean {
  const callee = skipOuter(node.expression);
  return ts.isPropertyAccessExpression(callee) && isThisObject(skipOuter(callee.expression));
}

/** `this` or `super`: the object a method runs on, whichever class declares the method. */
function isThisObject(receiver: ts.Expression): boolean {
  return receiver.kind === ts.SyntaxKind.ThisKeyword || receiver.kind === ts.SyntaxKind.SuperKeyword;
}

/** `watcher.removeAllListeners().close()`: a call of a method declared to return `this` stands for its receiver. */
function throughReturnedReceiver(it: Interpreter, expression: ts.Expression): ts.Expression {
  let e = skipOuter(expression);
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(skipOuter(e.expression)) && it.helpers.returnsReceiver(e)) {
    e = skipOuter((skipOuter(e.expression) as ts.PropertyAccessExpression).expression);
  }
  return e;
}

/**
 * `timers.forEach(clearInterval)`, `records.forEach(cleanup)`: the slots of each element the callback
 * releases, a release function or a function of the program read as a helper handed the element.
 */
export function callbackReleasedSlots(it: Interpreter, callback: ts.Expression): string[] {
  const expression = skipOuter(callback);
  if (ts.isIdentifier(expression) && it.options.releases.functions.has(expression.text)) return ['*'];
  if (!ts.isIdentifier(expression) && !ts.isPropertyAccessExpression(expression)) return [];
  const helper = it.depth < MAX_HELPER_DEPTH ? it.helpers.resolveFunction(expression) : undefined;
  return helper && helper.parameters.length > 0 ? it.helpers.releasedSlots(helper, 0, it.options, it.depth + 1) : [];
}

/** `meters.forEach((meter) => meter.stop())`: analyzed as its own body, with the parameter as the element. */
export function elementCallback(it: Interpreter, callback: ts.ArrowFunction | ts.FunctionExpression, source: ManyRef, state: State): State {
  const [valueParameter, keyParameter] = callback.parameters;
  if (!valueParameter) return state;
  const inner = it.nested();
  let start = it.clearElementFacts(source, state);
  start = inner.bindLoopVariable(valueParameter.name, source, false, start);
  if (keyParameter && ts.isIdentifier(keyParameter.name) && ts.isIdentifier(valueParameter.name) && source.kind === 'container') {
    const alias = start.aliases.get(valueParameter.name.text);
    if (alias?.kind === 'element') {
      start.aliases.set(valueParameter.name.text, { ...alias, keyVariable: keyParameter.name.text });
      start.aliases.set(keyParameter.name.text, { kind: 'keyOf', container: source.container });
    }
  }
  // Pending drops of the outer function stay outside: the callback cannot pay them except through elements.
  const end = inner.run(callback.body, start);
  if (end.dead) return state;
  const prefix = `e\u0000${manyRefSource(source)}\u0000`;
  let next = state;
  for (const key of end.facts.keys()) {
    if (key.startsWith(prefix)) next = it.releaseMany(source, key.slice(prefix.length), next);
  }
  return next;
}

/** A callback that runs at once (a Promise executor): its paths continue this function's. */
export function inline(it: Interpreter, callback: ts.ArrowFunction | ts.FunctionExpression, state: State): State {
  const inner = it.nested();
  const end = inner.run(callback.body, state);
  inner.releasedSomewhere.forEach((id) => it.releasedSomewhere.add(id));
  inner.owedAtDrop.forEach((id) => it.owedAtDrop.add(id));
  for (const [id, missed] of inner.missedWhen) if (!it.missedWhen.has(id)) it.missedWhen.set(id, missed);
  for (const [id, at] of inner.racedBy) if (!it.racedBy.has(id)) it.racedBy.set(id, at);
  return end;
}

/**
 * `map.forEach((value, key) => { … })` run as this function: its parameters are an entry of the
 * container, as in `for (const [key, value] of map)`. So are `([key, value]) => …` handed to a
 * helper together with the one container it walks (`runEach(label, this.conns, ([k, c], done) => …)`).
 */
export function bindForEachParameters(it: Interpreter, fn: ts.Node, state: State): State {
  const call = fn.parent;
  if (!isFunctionLike(fn) || !call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return state;
  if (calledMethodName(call) !== 'forEach' || call.arguments[0] !== fn) return bindEntryPattern(it, fn, call, state);
  const receiver = skipOuter((skipOuter(call.expression) as ts.PropertyAccessExpression).expression);
  const [valueParameter, keyParameter] = fn.parameters;
  // `Object.entries(items).forEach(([id, item]) => …)`, `map.entries().forEach(…)`: an entry of the container.
  const entry = valueParameter && ts.isArrayBindingPattern(valueParameter.name) ? entryNames(valueParameter.name) : undefined;
  const walked = entry?.key !== undefined ? listedBy(receiver, 'entries') : undefined;
  const entrySource = walked && it.manyRef(walked, state);
  if (entry?.key !== undefined && entrySource?.kind === 'container') return bindEntry(entry.value, entry.key, entrySource, state);
  const source = it.manyRef(receiver, state);
  if (source?.kind !== 'container' || !valueParameter) return state;
  const keyName = keyParameter && ts.isIdentifier(keyParameter.name) ? keyParameter.name.text : undefined;
  // `map.forEach(({ sender, stream }, id) => …)`: each name is a field of the element at `id`, as in a loop.
  if (ts.isObjectBindingPattern(valueParameter.name)) return bindEntryFields(valueParameter.name, keyName, source, state);
  if (!ts.isIdentifier(valueParameter.name)) return state;
  return bindEntry(valueParameter.name.text, keyName, source, state);
}

/** `([key, value], done) => …` beside exactly one container among the call's other arguments: an entry of it. */
function bindEntryPattern(it: Interpreter, fn: ts.FunctionLikeDeclaration, call: ts.CallExpression, state: State): State {
  const entry = fn.parameters[0]?.name;
  const names = entry && ts.isArrayBindingPattern(entry) && entry.elements.length === 2 ? entryNames(entry) : undefined;
  if (names?.key === undefined) return state;
  // Only a container some drop here names: any other name would read as one too.
  const dropped = call.arguments
    .filter((argument) => argument !== fn)
    .map((argument) => it.manyRef(argument, state))
    .filter(
      (source): source is ManyRef & { kind: 'container' } => source?.kind === 'container' && it.drops.some((drop) => drop.container === source.container),
    );
  return dropped.length === 1 ? bindEntry(names.value, names.key, dropped[0]!, state) : state;
}
