/**
 * The words a value uses to say its life is over: the event it emits (`'close'`), the hook it takes
 * (`onClose`, `{ onEnd }`, `ws.onclose =`), the promise it settles (`closed`) and the state it
 * reaches (`Ended`). One list, so that an event, a hook, a promise and a state agree on what ended
 * means.
 */

/** Each verb with its past form: the event may be either (`'end'`, `'ended'`), a promise or a state is the past. */
const ENDINGS: readonly (readonly [verb: string, past: string])[] = [
  ['close', 'closed'],
  ['exit', 'exited'],
  ['end', 'ended'],
  ['finish', 'finished'],
  ['disconnect', 'disconnected'],
  ['destroy', 'destroyed'],
  ['dispose', 'disposed'],
  ['terminate', 'terminated'],
];
const VERBS = ENDINGS.map(([verb]) => verb);
const PASTS = ENDINGS.map(([, past]) => past);
const alternatives = (words: readonly string[]): string => words.join('|');
const capitalized = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/**
 * An event the value emits as it ends, `close` with any prefix (`transportclose`: closed with its
 * transport), a private `@close`, and `error` (an errored stream or socket is destroyed, a failed
 * connection gone).
 */
const END_EVENT = new RegExp(
  `^@?(?:[a-z]*close|${alternatives([...VERBS.filter((verb) => verb !== 'close'), ...PASTS, 'shutdown', 'stopped', 'error'])})$`,
  'i',
);
/**
 * `connection.onClose(fn)`, `socket.onError(fn)`, VS Code's `panel.onDidDispose(fn)`, an internal
 * `this._onClose(fn)`: a method (or an event property) of the value that registers `fn` for its end.
 */
const END_HOOK_METHOD = new RegExp(`^_?on(?:Did)?(?:${alternatives([...VERBS, ...PASTS, 'error', 'stop', 'stopped'].map(capitalized))})$`);
/** `view.stopObservable`, `conn.closed$`, `session.onEnd`: an observable of the value that emits as it ends (`.subscribe(fn)`). */
const END_OBSERVABLE = new RegExp(`^(?:on(?:Did)?)?(?:${alternatives([...VERBS, ...PASTS, 'stop', 'stopped'])})(?:Observable|Subject|Event|\\$)?$`, 'i');
/**
 * VS Code's `window.onDidCloseTerminal(fn)`, `debug.onDidTerminateDebugSession(fn)`: a hook of a
 * registry, not of the value, that hands `fn` the value that ended.
 */
const ENDED_VALUE_HOOK = new RegExp(`^on(?:Did)?(?:${alternatives(VERBS.map(capitalized))})[A-Z][A-Za-z]*$`);
/** Node's `finished(stream, fn)` and the `end-of-stream` package: run `fn` once the stream given first has ended. */
const END_OF_STREAM_FUNCTIONS: ReadonlySet<string> = new Set(['finished', 'eos', 'endOfStream', 'onFinished']);
/**
 * `createStream({ onEnd })`, `new Transport({ onsessionclosed })`: an option handed to the call that
 * makes the value, run as it (or the session it serves) ends — never its errors.
 */
const END_HOOK_OPTION = new RegExp(
  `^on(?:[A-Z][a-z]+|[a-z]+)??(?:${alternatives([...VERBS, ...PASTS].map(capitalized))})$|^on[a-z]*(?:${alternatives([...VERBS, ...PASTS])})$`,
);
/** `ws.onclose = fn`: the DOM's handler property for the end. */
const END_HANDLER_PROPERTY = new RegExp(`^on(?:${alternatives(VERBS)})$`);
/**
 * A state read as finished (`CallState.Ended`, `'closed'`, `WebSocket.CLOSED`). Not `disconnected`:
 * a client in that state is often still retrying, with its timers armed.
 */
const FINISHED_STATE = new RegExp(`^(?:${alternatives([...PASTS.filter((past) => past !== 'disconnected'), 'stopped', 'done', 'dead'])})$`, 'i');

/** The methods an emitter takes a listener by, the event's name first (`socket.on('close', fn)`). */
export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

export const isEndEvent = (name: string): boolean => END_EVENT.test(name);
export const isEndHookMethod = (name: string): boolean => END_HOOK_METHOD.test(name);
export const isEndedValueHook = (name: string): boolean => ENDED_VALUE_HOOK.test(name);
export const isEndOfStreamFunction = (name: string): boolean => END_OF_STREAM_FUNCTIONS.has(name);
export const isEndHookOption = (name: string): boolean => END_HOOK_OPTION.test(name);
export const isEndObservable = (name: string): boolean => END_OBSERVABLE.test(name);
export const isEndHandlerProperty = (name: string): boolean => END_HANDLER_PROPERTY.test(name);
/** `closed`, `finished`, `ended`…: the promise a value settles once it has ended (`writer.closed`). */
export const isEndPromise = (name: string): boolean => PASTS.includes(name);
export const isFinishedState = (name: string): boolean => FINISHED_STATE.test(name);

/**
 * The method that ends what a hook method waits for: `dispose` of `onDidDispose`, `close` of
 * `onClose` / `onClosed`. Undefined for any other name (an error or a stop is not an end it causes).
 */
export function endingMethodOf(hookName: string): string | undefined {
  if (!END_HOOK_METHOD.test(hookName)) return undefined;
  const word = hookName.replace(/^_?on(?:Did)?/, '').toLowerCase();
  return ENDINGS.find(([verb, past]) => word === verb || word === past)?.[0];
}
