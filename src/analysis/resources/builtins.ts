/**
 * Node's own handles and rxjs subscriptions, as data: by the module that declares them
 * (`declare module 'net'` in @types/node) and the call that releases them. Subclasses count too.
 */
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import ts from 'typescript';

import type { Release, Resource } from './release.js';

export interface BuiltinResource {
  specifier: TypeOrValueSpecifier;
  release: Release;
}

export const timerRelease: Release = { kind: 'function', functions: ['clearTimeout', 'clearInterval'], methods: ['close'] };
/** `NodeJS.Timer`, the base of `Timeout`, which `clearTimeout()` is declared to take only as a `Timeout` since @types/node 16. */
const timerBaseRelease: Release = { ...timerRelease, argumentAs: 'NodeJS.Timeout' };
const immediateRelease: Release = { kind: 'function', functions: ['clearImmediate'] };

/**
 * The handle Node's `setTimeout()` and `setInterval()` hand back. `NodeJS.Timer` is what older code
 * and older @types/node call it; before 16 they declared it in the global `NodeJS` namespace.
 */
export const TIMER_HANDLE_TYPES: readonly TypeOrValueSpecifier[] = [
  { from: 'package', package: 'timers', name: ['Timeout', 'Timer'] },
  { from: 'package', package: 'node', name: ['Timeout', 'Timer'] },
];

/** Node's handles, by the module that declares them (`declare module 'net'` in @types/node). */
const DECLARED: readonly BuiltinResource[] = [
  ...TIMER_HANDLE_TYPES.flatMap((specifier) =>
    typeof specifier === 'object' && Array.isArray(specifier.name)
      ? specifier.name.map((name) => ({ specifier: { ...specifier, name }, release: name === 'Timer' ? timerBaseRelease : timerRelease }))
      : [{ specifier, release: timerRelease }],
  ),
  { specifier: { from: 'package', package: 'timers', name: 'Immediate' }, release: immediateRelease },
  // @types/node before 16 declared it as an interface of the global `NodeJS` namespace.
  { specifier: { from: 'package', package: 'node', name: 'Immediate' }, release: immediateRelease },
  { specifier: { from: 'package', package: 'fs', name: ['FSWatcher', 'StatWatcher'] }, release: method('close') },
  { specifier: { from: 'package', package: 'child_process', name: 'ChildProcess' }, release: method('kill') },
  { specifier: { from: 'package', package: 'worker_threads', name: 'Worker' }, release: method('terminate', true) },
  { specifier: { from: 'package', package: 'worker_threads', name: 'MessagePort' }, release: method('close') },
  { specifier: { from: 'package', package: 'net', name: 'Socket' }, release: method(['destroy', 'end', 'destroySoon']) },
  { specifier: { from: 'package', package: 'dgram', name: 'Socket' }, release: method('close') },
  {
    specifier: { from: 'package', package: 'net', name: 'Server' },
    release: method('close'),
  },
  { specifier: { from: 'package', package: 'http', name: 'Server' }, release: method(['close', 'closeAllConnections']) },
  { specifier: { from: 'package', package: 'https', name: 'Server' }, release: method('close') },
  { specifier: { from: 'package', package: 'http2', name: ['Http2Server', 'Http2SecureServer', 'Http2Session'] }, release: method('close') },
  { specifier: { from: 'package', package: 'readline', name: 'Interface' }, release: method('close') },
  { specifier: { from: 'package', package: 'readline/promises', name: 'Interface' }, release: method('close') },
  { specifier: { from: 'package', package: 'rxjs', name: ['Subscription', 'Subscriber'] }, release: method('unsubscribe') },
  // Streams (after the sockets, which are streams too): ended or destroyed; a readable only destroyed.
  { specifier: { from: 'package', package: 'stream', name: ['Writable', 'Duplex', 'Transform', 'PassThrough'] }, release: method(['end', 'destroy']) },
  { specifier: { from: 'package', package: 'stream', name: 'Readable' }, release: method('destroy') },
  // Explicit resource management: `move()` hands every resource to the stack it returns and leaves this one disposed.
  { specifier: { from: 'lib', name: 'DisposableStack' }, release: method(['dispose', 'move']) },
  { specifier: { from: 'lib', name: 'AsyncDisposableStack' }, release: method(['disposeAsync', 'move'], true) },
];

/** Newer @types/node declares each module as `node:timers` and re-exports it as `timers`: both are asked. */
export const BUILTIN_RESOURCES: readonly BuiltinResource[] = DECLARED.flatMap((builtin) => {
  const { specifier } = builtin;
  if (typeof specifier === 'string' || specifier.from !== 'package' || specifier.package === 'rxjs' || specifier.package === 'node') return [builtin];
  return [builtin, { ...builtin, specifier: { ...specifier, package: `node:${specifier.package}` } }];
});

/**
 * Built-ins that have a release of their own but belong to the object that made them, which ends
 * them with itself: an `RTCPeerConnection`'s transceivers, senders and receivers (`pc.close()` stops
 * them all, and `pc.getTransceivers()` still reaches one a container forgot). A container of them
 * is an index, never their owner.
 */
const OWNED_BY_THEIR_MAKER: TypeOrValueSpecifier[] = [{ from: 'lib', name: ['RTCRtpTransceiver', 'RTCRtpSender', 'RTCRtpReceiver'] }];

/**
 * DOM types whose method of a release's name ends no obligation of theirs: a `Window`'s `stop()`
 * stops the page loading (and `close()` closes only a window a script opened), a `Document`'s (an
 * `HTMLDocument`'s, an `XMLDocument`'s) `close()` ends a stream `document.write()` opened, a
 * dialog's `close()` hides it. A container of them holds views of the page, which the page keeps.
 */
const NOT_RELEASED_BY_NAME: TypeOrValueSpecifier[] = [
  { from: 'lib', name: ['Window', 'Document', 'HTMLDocument', 'XMLDocument', 'HTMLDialogElement', 'HTMLMarqueeElement'] },
];

/**
 * Objects whose release frees only what they hold themselves: a `CancellationTokenSource` of VS Code
 * or vscode-jsonrpc keeps the listeners of its own token, an `EventEmitter` of VS Code (an `Emitter`
 * of vscode-jsonrpc) the listeners of its own event, and `dispose()` only empties that list (no
 * timer, no handle, nothing registered elsewhere). Dropped unreleased, it is collected with them.
 */
const HOLDING_ONLY_THEMSELVES: TypeOrValueSpecifier[] = [
  { from: 'package', package: 'vscode', name: ['CancellationTokenSource', 'EventEmitter'] },
  { from: 'package', package: 'vscode-jsonrpc', name: ['CancellationTokenSource', 'Emitter'] },
];

/** Built-ins that are never a container's to release, whatever their methods are called. */
export const NOT_RESOURCES: TypeOrValueSpecifier[] = [...OWNED_BY_THEIR_MAKER, ...NOT_RELEASED_BY_NAME, ...HOLDING_ONLY_THEMSELVES];

/**
 * WHATWG streams: the methods of the underlying source or sink the stream calls as it ends
 * (`new ReadableStream({ start, cancel })`), and the controllers that end with their stream.
 */
export const STREAM_END_METHODS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ReadableStream', ['cancel']],
  ['WritableStream', ['close', 'abort']],
]);
export const STREAM_CONTROLLERS: ReadonlySet<string> = new Set([
  'ReadableStreamDefaultController',
  'ReadableByteStreamController',
  'WritableStreamDefaultController',
  'TransformStreamDefaultController',
]);

export function method(names: string | string[], returnsPromise = false): Release {
  return { kind: 'method', methods: typeof names === 'string' ? [names] : names, returnsPromise };
}

/**
 * A cleanup function (the `() => void` that `subscribe()`, `watch()` or a ref callback hands back):
 * calling it releases it. A resource only where the code that holds it calls such values itself.
 */
export const CLEANUP_FUNCTION: Resource = { typeName: 'cleanup function', release: { kind: 'call' }, origin: 'inferred' };

/**
 * An `AbortController`: aborting it ends the work it was handed to (a fetch, a stream reader). A
 * resource only where the code that holds it aborts such values itself, and owed only when it is
 * replaced under its key: one taken out is almost always one whose work has ended.
 */
export const ABORT_CONTROLLER: Resource = { typeName: 'AbortController', release: method('abort'), origin: 'builtin', owedOnlyWhenReplaced: true };
/** The DOM's, or the one @types/node declares globally for code without the DOM library. */
export const ABORT_CONTROLLER_TYPES: TypeOrValueSpecifier[] = [
  { from: 'lib', name: 'AbortController' },
  { from: 'package', package: 'node', name: 'AbortController' },
];

/**
 * A DOM node the code put in the document: `remove()` takes it out. A resource only where the code
 * that holds it removes such values itself (a list of positioned boxes an overlay draws and clears),
 * never for a node as such: most lists of nodes are views of the document, not owners.
 */
export const DOM_NODE: Resource = { typeName: 'DOM node', release: method('remove'), origin: 'builtin' };

/** A function called with no arguments, and nothing else: the shape of a cleanup (`() => void`, `() => Promise<void>`). */
export function isCleanupFunctionType(type: ts.Type): boolean {
  return isPlainFunctionType(type, (signature) => signature.getParameters().length === 0);
}

/** A listener (`(e: Event) => void`, `UrlPredicate`): a plain function of any parameters. */
export function isListenerFunctionType(type: ts.Type): boolean {
  return isPlainFunctionType(type, () => true);
}

/** Every present member is a function with no properties and no `new`, each of whose signatures passes `test`. */
function isPlainFunctionType(type: ts.Type, test: (signature: ts.Signature) => boolean): boolean {
  const absent = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => (part.getFlags() & absent) === 0);
  return (
    parts.length > 0 &&
    parts.every(
      (part) =>
        part.getProperties().length === 0 &&
        part.getConstructSignatures().length === 0 &&
        part.getCallSignatures().length > 0 &&
        part.getCallSignatures().every(test),
    )
  );
}
