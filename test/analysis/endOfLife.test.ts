import { describe, expect, it } from 'vitest';

import {
  endingMethodOf,
  isEndedValueHook,
  isEndEvent,
  isEndHandlerProperty,
  isEndHookMethod,
  isEndHookOption,
  isEndObservable,
  isEndOfStreamFunction,
  isEndPromise,
  isFinishedState,
} from '../../src/analysis/syntax/endOfLife.js';

describe('end-of-life words', () => {
  it("a registry's hooks that hand the ended value: on(Did) + a verb + what ended; not the value's own hook, not other moments", () => {
    for (const name of ['onDidCloseTerminal', 'onDidTerminateDebugSession', 'onDidCloseTextDocument', 'onDisposeView', 'onDidEndTaskProcess'])
      expect(isEndedValueHook(name), name).toBe(true);
    for (const name of ['onDidClose', 'onClose', 'onDidOpenTerminal', 'onDidChangeActiveTerminal', 'onDidClosed', 'onDidCloseterminal'])
      expect(isEndedValueHook(name), name).toBe(false);
  });

  it("end-of-stream functions: node's finished and its packages; not the promise form's names", () => {
    for (const name of ['finished', 'eos', 'endOfStream', 'onFinished']) expect(isEndOfStreamFunction(name), name).toBe(true);
    for (const name of ['finish', 'pipeline', 'end']) expect(isEndOfStreamFunction(name), name).toBe(false);
  });

  it('events: each verb and its past, any close, a private @close, shutdown, stopped and error; not data or ready', () => {
    for (const name of [
      'close',
      'closed',
      'exit',
      'end',
      'ended',
      'finish',
      'disconnected',
      'destroy',
      'disposed',
      'terminate',
      'shutdown',
      'stopped',
      'error',
      'transportclose',
      '@close',
      'Close',
    ])
      expect(isEndEvent(name), name).toBe(true);
    for (const name of ['data', 'ready', 'message', 'open', 'closing', 'endpoint', 'errors', '@data']) expect(isEndEvent(name), name).toBe(false);
  });

  it('hook methods: on + a verb, its past or Error, capitalized; not progress, not lower case', () => {
    for (const name of [
      'onClose',
      'onClosed',
      'onExited',
      'onEnd',
      'onFinished',
      'onDisconnect',
      'onTerminate',
      'onDisposed',
      'onError',
      'onDidDispose',
      'onStop',
    ])
      expect(isEndHookMethod(name), name).toBe(true);
    for (const name of ['onProgress', 'onData', 'onclose', 'onCloseRequested', 'close', 'onDidChange', 'onDidOpen'])
      expect(isEndHookMethod(name), name).toBe(false);
  });

  it('observables: a verb, its past or stop, with an Observable, Subject, Event or $ suffix; not data or changes', () => {
    for (const name of ['stopObservable', 'closed$', 'onEnd', 'endEvent', 'disposedSubject', 'onDidClose']) expect(isEndObservable(name), name).toBe(true);
    for (const name of ['dataObservable', 'change$', 'onDidChange', 'stopping', 'closeButton']) expect(isEndObservable(name), name).toBe(false);
  });

  it('hook options: the same words in any case, also after what ended (`onsessionclosed`), but never an error hook', () => {
    for (const name of ['onClose', 'onclose', 'onEnded', 'onTerminated', 'onDispose', 'onsessionclosed', 'onSessionClosed', 'onStreamEnd'])
      expect(isEndHookOption(name), name).toBe(true);
    for (const name of ['onError', 'onData', 'onOpen', 'onsessioninitialized', 'onCloseAll', 'onEndpoint', 'onTrend'])
      expect(isEndHookOption(name), name).toBe(false);
  });

  it('handler properties, promises and states', () => {
    expect(['onclose', 'onexit', 'onend', 'onfinish'].every(isEndHandlerProperty)).toBe(true);
    expect(['onerror', 'onmessage', 'onClose'].some(isEndHandlerProperty)).toBe(false);
    expect(['closed', 'finished', 'ended', 'exited'].every(isEndPromise)).toBe(true);
    expect(['ready', 'close', 'done'].some(isEndPromise)).toBe(false);
    expect(['Ended', 'closed', 'CLOSED', 'terminated', 'stopped', 'done', 'dead'].every(isFinishedState)).toBe(true);
    // A disconnected client is often still retrying, its timers armed.
    expect(['disconnected', 'closing', 'open', 'connecting'].some(isFinishedState)).toBe(false);
  });

  it('the method that ends what a hook method waits for, and none for an error or a stop', () => {
    expect(['onDidDispose', 'onDispose', 'onClose', 'onClosed', '_onDestroy', 'onDidTerminate'].map(endingMethodOf)).toEqual([
      'dispose',
      'dispose',
      'close',
      'close',
      'destroy',
      'terminate',
    ]);
    expect(['onError', 'onStop', 'onDidChange', 'dispose'].map(endingMethodOf)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
