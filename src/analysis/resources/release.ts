/**
 * What a resource is to the rest of the analysis, and how it is released: the release as data,
 * as text for messages, as code for suggestions, and as the names the dataflow listens for. The
 * one list of conventional release names lives here.
 */
import type { ReleaseVocabulary } from '../flow/index.js';

/** How a value is released. */
export type Release =
  /**
   * `value.stop()`; any of `methods` counts (a release family: `quit()` or `disconnect()`), the first
   * is named and suggested — unless it needs arguments the suggestion cannot invent.
   */
  | { kind: 'method'; methods: readonly string[]; returnsPromise: boolean; takesArguments?: boolean }
  /** `value[Symbol.dispose]()` / `await value[Symbol.asyncDispose]()`; any of `methods` counts too (a generator's `return()`). */
  | { kind: 'dispose'; async: boolean; methods?: readonly string[] }
  /** `clearInterval(value)`; any of `functions` counts, and any of `methods` too (`timeout.close()`). */
  | {
      kind: 'function';
      functions: readonly string[];
      methods?: readonly string[];
      /** The type the function is declared to take, when the value's own is a base of it. */ argumentAs?: string;
    }
  /** Every listed field must be released. */
  | { kind: 'fields'; fields: readonly ResourceField[] }
  /**
   * A container of resources (the arrays of a `Map<string, Timeout[]>`): every value it holds must be
   * released; `iteration` says how code reaches them (`m.values()`, the elements, `Object.values(o)`).
   */
  | { kind: 'each'; iteration: 'mapValues' | 'elements' | 'objectValues'; element: Resource }
  /** A cleanup function (what `subscribe()` or a ref callback hands back): calling it is the release. */
  | { kind: 'call' }
  /**
   * An id that another object releases when handed it back (`manager.unsubscribe(id)`): any of
   * `methods` counts, on whatever object; never suggested, since which object took it is not known
   * at the drop.
   */
  | {
      kind: 'handedBack';
      methods: readonly string[];
      /**
       * A listener taken back from what it listens to (`emitter.off('x', fn)`), by calls on these
       * receivers (`this.emitter`); the end of every one of them ends the listening too.
       */
      listensTo?: readonly string[];
    }
  /** What its constructor starts and none of its methods can end: nothing releases it, and nothing is suggested. */
  | { kind: 'unstoppable'; started: UnstoppableStart };

/** An interval kept by no handle, or a listener on a lasting emitter (`process`, `window`) that no method removes. */
export type UnstoppableStart = { kind: 'interval' } | { kind: 'listener'; on: string } | { kind: 'field'; name: string; release: string };

export interface ResourceField {
  name: string;
  resource: Resource;
  /** The field's type admits `null` (`timer: Timeout | null`): a release function is handed `?? undefined`, which is all `clearTimeout()` takes besides a handle. */
  mayBeNull?: true;
  /**
   * Function fields of the record that release this one on every path (`resolve` of a pending
   * request whose every literal clears the timer in it): `entry.resolve(v)` releases the field too.
   */
  releasedByRecordFunctions?: readonly string[];
}

export interface Resource {
  /** How the type reads in a message: `Meter`, `Timeout`, `{ resolve, reject, timer }`. */
  typeName: string;
  release: Release;
  /** Why it counts, for messages and docs: 'a Node timer', 'has stop()'. */
  origin: 'builtin' | 'option' | 'inferred' | 'name' | 'disposable' | 'record';
  /** Only some members of a union are resources (`MessageNode | RepositoryNode`): a release needs a test first. */
  mixed?: true;
  /** Of a mixed union: the classes every member that owes the release is an instance of — `instanceof` one of them tells the two kinds apart. */
  coveredBy?: readonly string[];
  /** Owed only when replaced under its key (an `AbortController`: one taken out has almost always finished its work). */
  owedOnlyWhenReplaced?: true;
  /**
   * Fields holding a handle whose end releases the value (a view's `panel`, whose `onDidDispose` hook
   * disposes the view), each with the methods that end it: `view.panel.dispose()` releases the view.
   */
  releasedByEndOf?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Conventional names of a release, most conventional first: a declared type with such a method
 * (callable without arguments, returning nothing) is a resource by the name rules, and inference
 * prefers these names when several methods release the same thing.
 */
export const RELEASE_NAMES: readonly string[] = ['stop', 'dispose', 'close', 'destroy', 'terminate', 'unsubscribe', 'shutdown', 'disconnect', 'release'];

/**
 * The release names that only end a life — not `stop()`, which may pause, nor `disconnect()`, which
 * may reconnect: a class's public method so named ends its values for their holders once it lets go
 * of what the class acquired, even where it releases nothing itself.
 */
export const TERMINAL_NAMES: ReadonlySet<string> = new Set(['dispose', 'destroy', 'close', 'terminate', 'shutdown']);

/**
 * Verbs that also end a lifecycle: a method named so may be a value's own release, and counts as one
 * for a type that is a resource anyway (`quit()` beside `disconnect()`), though the name alone proves
 * nothing — `cancel()` of a lock rejects its waiters, `end()` of a request finishes a body.
 */
export const LIFECYCLE_END_VERBS: readonly string[] = ['quit', 'cancel', 'kill', 'abort', 'hangup', 'end', 'teardown', 'halt', 'unload'];
/** The functions that clear a timer id, whichever timer call made it. */
export const TIMER_CLEARS: ReadonlySet<string> = new Set(['clearTimeout', 'clearInterval', 'clearImmediate', 'cancelAnimationFrame', 'cancelIdleCallback']);
const RELEASE_LIKE = new RegExp(`^(${[...RELEASE_NAMES, ...LIFECYCLE_END_VERBS].join('|')})`, 'i');

/** `off`, `removeListener`, `removeEventListener`, `unroute`, `unwatch`, `removeChangeHandler`; not `unshift`, which inserts. */
const DETACHING = /^(?:off|removeListener|removeEventListener|un(?!shift$)[a-z][a-zA-Z]*|remove[A-Z]\w*(?:Listener|Handler|Callback|Hook|Observer|Route)s?)$/;

/** A call that takes a listener back from what it listens to, besides the release-like names (`disconnect`, `unsubscribe`). */
export function isDetachingName(name: string): boolean {
  return DETACHING.test(name);
}

/** `stop`, `closeAll`, `dispose`, `killProcess`, `quit`: a name that reads as the end of a value's life. */
export function isReleaseLikeName(name: string): boolean {
  return RELEASE_LIKE.test(name);
}

/** Preference of a release name: conventional names first, in the order above. */
export function releaseNameRank(name: string): number {
  const index = RELEASE_NAMES.indexOf(name);
  return index === -1 ? RELEASE_NAMES.length : index;
}

/** The release as code, for messages: `stop()`, `clearInterval()`, `clearTimeout() on timer`. */
export function describeRelease(release: Release, preferredFunction?: string): string {
  switch (release.kind) {
    case 'method':
      return `\`${release.methods[0]}()\``;
    case 'dispose':
      return release.async ? '`[Symbol.asyncDispose]()`' : '`[Symbol.dispose]()`';
    case 'function':
      return `\`${preferredFunction && release.functions.includes(preferredFunction) ? preferredFunction : release.functions[0]}()\``;
    case 'fields':
      return release.fields
        .map((field) => {
          const fieldRelease = field.resource.release;
          // A record's cleanup functions: `calling \`off\``, `calling each of \`offs\``.
          if (fieldRelease.kind === 'call') return `calling \`${field.name}\``;
          if (fieldRelease.kind === 'each' && fieldRelease.element.release.kind === 'call') return `calling each of \`${field.name}\``;
          return fieldRelease.kind === 'each'
            ? `${describeRelease(fieldRelease.element.release, preferredFunction)} on each of \`${field.name}\``
            : `${describeRelease(fieldRelease, preferredFunction)} on \`${field.name}\``;
        })
        .join(' and ');
    case 'each':
      return release.element.release.kind === 'call' ? 'calling each of them' : `${describeRelease(release.element.release, preferredFunction)} on each value`;
    case 'call':
      return 'calling it';
    case 'handedBack':
      return `\`${release.methods[0]}()\` of what it ${release.listensTo ? 'listens to' : 'came from'}`;
    case 'unstoppable':
      switch (release.started.kind) {
        case 'interval':
          return "stopping its constructor's `setInterval()`, to which it keeps no handle";
        case 'listener':
          return `removing the listener its constructor adds to \`${release.started.on}\`, which none of its methods removes`;
        case 'field':
          return `${release.started.release} on its private \`${release.started.name}\`, which none of its methods calls`;
      }
  }
}

/** Every method or function name that counts as releasing this resource (fields included). */
export function releaseNames(release: Release): { methods: Set<string>; functions: Set<string> } {
  const methods = new Set<string>();
  const functions = new Set<string>();
  const visit = (r: Release): void => {
    if (r.kind === 'method') r.methods.forEach((m) => methods.add(m));
    else if (r.kind === 'dispose') r.methods?.forEach((m) => methods.add(m));
    else if (r.kind === 'function') {
      r.functions.forEach((f) => functions.add(f));
      r.methods?.forEach((m) => methods.add(m));
    } else if (r.kind === 'fields') r.fields.forEach((f) => visit(f.resource.release));
    else if (r.kind === 'each') visit(r.element.release);
    // Handed to a method of another object: the dataflow hears it as a function given the value.
    else if (r.kind === 'handedBack') r.methods.forEach((m) => functions.add(m));
  };
  visit(release);
  return { methods, functions };
}

/** Resources with a timer among their obligations: a timer itself, or a record or list holding one. */
export function holdsTimer(resource: Resource): boolean {
  const { release } = resource;
  if (release.kind === 'function') return release.functions.some((name) => TIMER_CLEARS.has(name));
  if (release.kind === 'fields') return release.fields.some((field) => holdsTimer(field.resource));
  if (release.kind === 'each') return holdsTimer(release.element);
  return false;
}

/** What cancels a one-shot timer's handle: every clear but the interval's own (`clearTimeout()` also takes an interval's). */
const ONE_SHOT_CLEARS: ReadonlySet<string> = new Set([...TIMER_CLEARS].filter((name) => name !== 'clearInterval'));

/** Resources whose whole obligation is a timer: a one-shot timer that fired owes nothing. */
export function isOnlyTimers(resource: Resource): boolean {
  const { release } = resource;
  if (release.kind === 'function') return release.functions.some((name) => ONE_SHOT_CLEARS.has(name));
  if (release.kind === 'fields') return release.fields.every((field) => isOnlyTimers(field.resource));
  if (release.kind === 'each') return isOnlyTimers(release.element);
  return false;
}

export interface ReleaseCodeOptions {
  /** The value may be absent (`map.get(k)`): call through `?.`. */
  optional: boolean;
  /** Which of several release functions to write (clearInterval for intervals). */
  preferredFunction?: string;
}

/**
 * Statements that release `valueText`, for suggestions. A release that returns a
 * promise is written as `void …` so the suggestion adds no floating promise.
 */
export function releaseStatements(release: Release, valueText: string, options: ReleaseCodeOptions): string[] {
  const dot = options.optional ? '?.' : '.';
  switch (release.kind) {
    case 'method':
      // A release that needs arguments is named in the message; the suggestion cannot invent them.
      return release.takesArguments ? [] : [`${release.returnsPromise ? 'void ' : ''}${valueText}${dot}${release.methods[0]}();`];
    case 'dispose':
      return [`${release.async ? 'void ' : ''}${valueText}${options.optional ? '?.' : ''}[Symbol.${release.async ? 'asyncDispose' : 'dispose'}]();`];
    case 'function': {
      const name = options.preferredFunction && release.functions.includes(options.preferredFunction) ? options.preferredFunction : release.functions[0];
      return [`${name}(${valueText}${release.argumentAs ? ` as ${release.argumentAs}` : ''});`];
    }
    case 'fields': {
      // `watcher: FSWatcher | null`: a field that may hold nothing is released only when it holds something.
      const statements = release.fields.map((field) =>
        releaseStatements(
          field.resource.release,
          `${valueText}${dot}${field.name}${field.mayBeNull && field.resource.release.kind === 'function' ? ' ?? undefined' : ''}`,
          // A cleanup function the record holds is called through the record's own `?.`; `?.()` only when the field may be empty.
          field.mayBeNull ? { ...options, optional: true } : field.resource.release.kind === 'call' ? { ...options, optional: false } : options,
        ),
      );
      return statements.some((part) => part.length === 0) ? [] : statements.flat();
    }
    case 'each': {
      const iterable = valuesOf(release.iteration, valueText, options.optional);
      const inner = releaseStatements(release.element.release, 'inner', { ...options, optional: false });
      return inner.length === 0 ? [] : [`for (const inner of ${iterable}) ${inner.length === 1 ? inner[0] : `{ ${inner.join(' ')} }`}`];
    }
    case 'call':
      return [`${valueText}${options.optional ? '?.' : ''}();`];
    case 'handedBack':
    case 'unstoppable':
      return [];
  }
}

/** Text iterating the values of a container, which may be absent: `m.get(k)?.values() ?? []`. */
function valuesOf(iteration: Extract<Release, { kind: 'each' }>['iteration'], valueText: string, optional: boolean): string {
  switch (iteration) {
    case 'mapValues':
      return optional ? `${valueText}?.values() ?? []` : `${valueText}.values()`;
    case 'objectValues':
      return `Object.values(${optional ? `${valueText} ?? {}` : valueText})`;
    case 'elements':
      return optional ? `${valueText} ?? []` : valueText;
  }
}

/** What a drop owes: `'*'` for a value released as a whole, one slot per resource field of a record. */
export function obligationSlots(resource: Resource): string[] {
  return resource.release.kind === 'fields' ? resource.release.fields.map((field) => field.name) : ['*'];
}

/** The names the dataflow listens for when these resources are dropped. */
export function releaseVocabulary(resources: readonly Resource[]): ReleaseVocabulary {
  const methods = new Set<string>();
  const functions = new Set<string>();
  const wholeMethods = new Set<string>();
  for (const resource of resources) {
    const names = releaseNames(resource.release);
    names.methods.forEach((name) => methods.add(name));
    names.functions.forEach((name) => functions.add(name));
    if (resource.release.kind !== 'fields') names.methods.forEach((name) => wholeMethods.add(name));
  }
  const fieldMethods = new Set([...methods].filter((name) => !wholeMethods.has(name)));
  const recordFunctions = new Map<string, string[]>();
  for (const resource of resources) {
    if (resource.release.kind !== 'fields') continue;
    for (const field of resource.release.fields)
      for (const name of field.releasedByRecordFunctions ?? []) recordFunctions.set(name, [...(recordFunctions.get(name) ?? []), field.name]);
  }
  // `socket.destroy` among them: the methods that, called on a field's handle, release other fields.
  const fieldHandleEnds = new Set([...recordFunctions.keys()].flatMap((name) => (name.includes('.') ? [name.slice(name.indexOf('.') + 1)] : [])));
  const handleEnds = new Map<string, string[]>();
  for (const resource of resources)
    for (const [field, ends] of resource.releasedByEndOf ?? []) for (const end of ends) handleEnds.set(end, [...(handleEnds.get(end) ?? []), field]);
  const callsValue = resources.some((resource) => isReleasedByCall(resource.release));
  const calledFields = new Set(
    resources.flatMap((resource) =>
      resource.release.kind === 'fields' ? resource.release.fields.filter((field) => field.resource.release.kind === 'call').map((field) => field.name) : [],
    ),
  );
  // A class name answers `instanceof` for the flow only when it covers the owing members of every mixed union in it.
  const mixed = resources.filter((resource) => resource.mixed);
  const coveringClasses = commonCovering(mixed);
  // A field's classes answer for that field, when every record that has a field of that name owes it as such a union.
  const fieldsByName = new Map<string, Resource[]>();
  for (const resource of resources)
    if (resource.release.kind === 'fields')
      for (const field of resource.release.fields) fieldsByName.set(field.name, [...(fieldsByName.get(field.name) ?? []), field.resource]);
  const fieldCoveringClasses = new Map<string, ReadonlySet<string>>();
  for (const [name, fields] of fieldsByName) {
    const covering = fields.every((field) => field.mixed) ? commonCovering(fields) : new Set<string>();
    if (covering.size > 0) fieldCoveringClasses.set(name, covering);
  }
  return {
    methods,
    functions,
    ...(fieldMethods.size > 0 && { fieldMethods }),
    ...(recordFunctions.size > 0 && { recordFunctions }),
    ...(fieldHandleEnds.size > 0 && { fieldHandleEnds }),
    ...(handleEnds.size > 0 && { handleEnds }),
    ...(callsValue && { callsValue }),
    ...(calledFields.size > 0 && { calledFields }),
    ...(coveringClasses.size > 0 && { coveringClasses }),
    ...(fieldCoveringClasses.size > 0 && { fieldCoveringClasses }),
  };
}

/** The classes every owing member of each of these mixed unions is an instance of. */
function commonCovering(mixed: readonly Resource[]): Set<string> {
  const covering = new Set(mixed.length > 0 ? (mixed[0]!.coveredBy ?? []) : []);
  for (const resource of mixed.slice(1)) for (const name of covering) if (!resource.coveredBy?.includes(name)) covering.delete(name);
  return covering;
}

function isReleasedByCall(release: Release): boolean {
  if (release.kind === 'call') return true;
  if (release.kind === 'fields') return release.fields.some((field) => isReleasedByCall(field.resource.release));
  return release.kind === 'each' && isReleasedByCall(release.element.release);
}
