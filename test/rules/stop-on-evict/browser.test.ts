// stop-on-evict in a browser program: the DOM lib's timers return `number`, so a timer is known by
// where it came from (`window.setInterval`, `requestAnimationFrame`, the global `setTimeout`), not by its type.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, fixturesBrowserDir } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester(fixturesBrowserDir);

/** From real code (lexical, LexicalEditor.ts): editors kept per key, each holding `field` of the page it is mounted in. */
const mountedEditors = (field: string, assigned: string): string => `declare function viewOf(el: HTMLElement): Window | null;
export class Editor {
  ${field} = null;
  setRoot(el: HTMLElement): void { ${assigned} }
}
const editors = new Map<string, Editor>();
export function open(key: string): Editor { const e = new Editor(); editors.set(key, e); return e; }
export function close(key: string): void { editors.delete(key); }
`;

/** From real code (lexical, positionNodeOnRange.ts): boxes drawn per line of a range, reused by index; `trim` drops the extra ones, `stop` takes them all off the page. */
const drawnBoxes = (trim: string, stop: string): string => `export function track(parent: HTMLElement) {
  const boxes: HTMLElement[] = [];
  function draw(lines: number): void {
    for (let i = 0; i < lines; i++) {
      const box = boxes[i] || document.createElement('div');
      if (box.parentNode !== parent) parent.append(box);
      boxes[i] = box;
    }
    while (boxes.length > lines) {
${trim}
    }
  }
  function stop(): void {
${stop}
  }
  return { draw, stop };
}
`;

/** From real code (amazon-chime-sdk-js): an index by stream id of what `make` adds to the peer connection. */
const byStream = (type: string, make: string): string => `export class Streams {
  private byId = new Map<number, ${type}>();
  constructor(private readonly peer: RTCPeerConnection) {}
  add(id: number): void {
    if (!this.byId.has(id)) this.byId.set(id, ${make});
  }
  drop(id: number): void {
    this.byId.delete(id);
  }
}
`;

/** Replies waited on per id, each with the timer a local holds (`const timer = window.setTimeout(…)`); `settle` is what a reply does before the delete. */
const waitedReplies = (settle: string): string => `interface Waiter {
  resolve: (value: unknown) => void;
  timer: number;
}
const waiters = new Map<string, Waiter>();
export function wait(id: string): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => waiters.delete(id), 5000);
    if (!waiters.has(id)) waiters.set(id, { resolve, timer });
  });
}
export function reply(id: string, value: unknown): void {
  ${settle}
  waiters.get(id)?.resolve(value);
  waiters.delete(id);
}
`;

/** From real code (ioBroker.homewizard): feeds kept per url, each armed after insertion with the branded id an adapter's `setInterval` returns; `settle` runs before the delete. */
const brandedPollers = (settle: string): string => `type Interval = number & { readonly __brand: 'Interval' };
declare const adapter: {
  setInterval(callback: () => void, ms: number): Interval | undefined;
  clearInterval(id: Interval | undefined): void;
};
interface Feed {
  url: string;
  poll: Interval | undefined;
}
const feeds = new Map<string, Feed>();

export function follow(url: string): void {
  if (feeds.has(url)) return;
  const feed: Feed = { url, poll: undefined };
  feeds.set(url, feed);
  feed.poll = adapter.setInterval(() => void fetch(url), 1000);
}

export function unfollow(url: string): void {
${settle}  feeds.delete(url);
}
`;

/**
 * From real code (xterm.js addon-image, ImageStorage.ts): decoded images kept per id, each a canvas or
 * a bitmap (only a bitmap has `close()`); `release` is what `delete()` does once it took one out.
 */
const imageSpecs = (release: string): string => `interface ImageSpec { orig: HTMLCanvasElement | ImageBitmap; tileCount: number }
export class ImageStorage {
  private readonly images = new Map<number, ImageSpec>();
  private lastId = 0;
  async add(blob: Blob, asCanvas: boolean): Promise<number> {
    const orig = asCanvas ? document.createElement('canvas') : await createImageBitmap(blob);
    this.images.set(++this.lastId, { orig, tileCount: 0 });
    return this.lastId;
  }
  delete(id: number): void {
    const spec = this.images.get(id);
    if (!spec) return;
    this.images.delete(id);
    ${release}
  }
}
`;

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'from real code (xterm.js): a record field that is a canvas or a bitmap, closed where it is a bitmap',
      code: imageSpecs('if (spec.orig instanceof ImageBitmap) spec.orig.close();'),
    },
    {
      name: 'from real code (xterm.js): the same, behind a test that the class exists (window.ImageBitmap)',
      code: imageSpecs('if (window.ImageBitmap && spec.orig instanceof ImageBitmap) spec.orig.close();'),
    },
    {
      name: 'the same, through a local given the field or destructured from the record',
      code: imageSpecs(`const orig = spec.orig;
    if (orig instanceof ImageBitmap) orig.close();
    const { orig: again } = spec;
    if (again instanceof ImageBitmap) again.close();`),
    },
    {
      name: 'the same, through a type guard of the program',
      code: imageSpecs(`function isBitmap(image: unknown): image is ImageBitmap {
      return image instanceof ImageBitmap;
    }
    if (isBitmap(spec.orig)) spec.orig.close();`),
    },
    {
      name: "the same, behind typeof ImageBitmap !== 'undefined'",
      code: imageSpecs("if (typeof ImageBitmap !== 'undefined' && spec.orig instanceof ImageBitmap) spec.orig.close();"),
    },
    {
      name: 'a drawn box popped and taken off the page, and a box reused at its own index (boxes[i] || make())',
      code: drawnBoxes('      boxes.pop()?.remove();', '    for (const box of boxes) box.remove();'),
    },
    {
      name: 'DOM nodes the holder never takes off the page are not its to remove: a pop owes nothing',
      code: drawnBoxes('      boxes.pop();', '    boxes.length = 0;'),
    },
    {
      name: "from real code (lexical): a record holding the page's Window owes nothing: its stop() stops loading, its close() closes only a window a script opened",
      code: mountedEditors('_window: Window | null', 'this._window = viewOf(el);'),
    },
    {
      name: 'from real code (rrweb): a record holding an HTMLDocument it made owes nothing: its close() ends a stream document.write() opened',
      code: mountedEditors('_doc: HTMLDocument | null', "this._doc = document.implementation.createHTMLDocument('');"),
    },
    {
      name: 'browser: a reply clears the timer a local handed to its record before the delete',
      code: waitedReplies('window.clearTimeout(waiters.get(id)?.timer);'),
    },
    {
      name: 'from real code (amazon-chime-sdk-js): transceivers indexed by stream id belong to their peer connection, which stops them',
      code: byStream('RTCRtpTransceiver', "this.peer.addTransceiver('video', { direction: 'recvonly' })"),
    },
    {
      name: 'browser: window.setInterval ids cleared before the delete',
      code: `const pollers = new Map<string, number>();

export function follow(feed: string, refresh: () => void): void {
  if (!pollers.has(feed)) pollers.set(feed, window.setInterval(refresh, 1000));
}

export function unfollow(feed: string): void {
  window.clearInterval(pollers.get(feed));
  pollers.delete(feed);
}
`,
    },
    {
      name: 'browser: a branded interval id cleared before the record is deleted',
      code: brandedPollers('  adapter.clearInterval(feeds.get(url)?.poll);\n'),
    },
    {
      name: 'browser: a Map<string, number> of counters holds data',
      code: `const hits = new Map<string, number>();

export function hit(route: string): void {
  hits.set(route, (hits.get(route) ?? 0) + 1);
}

export function reset(route: string): void {
  hits.delete(route);
}
`,
    },
    {
      name: "browser: the record's timer cleared before the delete",
      code: `interface Pending {
  retries: number;
  timer?: number;
}

const pending = new Map<string, Pending>();

export function schedule(id: string, retry: () => void): void {
  if (pending.has(id)) return;
  const entry: Pending = { retries: 0 };
  pending.set(id, entry);
  entry.timer = setTimeout(retry, 500);
}

export function settle(id: string): void {
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}
`,
    },
    {
      name: 'browser: animation frames cancelled before the array is emptied',
      code: `const frames: number[] = [];

export function animate(step: FrameRequestCallback): void {
  frames.push(requestAnimationFrame(step));
}

export function stopAll(): void {
  frames.forEach(cancelAnimationFrame);
  frames.length = 0;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a record field that is a canvas or a bitmap, released where it is a canvas: the bitmap is still owed',
      code: imageSpecs('if (spec.orig instanceof HTMLCanvasElement) spec.orig.remove();'),
      errors: [{ messageId: 'unreleasedDrop', line: 13 }],
    },
    {
      name: 'a local given the field, released where it is the other class: the bitmap is still owed',
      code: imageSpecs(`const orig = spec.orig;
    if (orig instanceof HTMLCanvasElement) orig.remove();`),
      errors: [{ messageId: 'unreleasedDrop', line: 13 }],
    },
    {
      name: 'a record field closed where it is a bitmap and another test holds: the bitmap is owed where that test fails',
      code: imageSpecs('if (this.lastId > 10 && spec.orig instanceof ImageBitmap) spec.orig.close();'),
      errors: [{ messageId: 'unreleasedDropWhen', line: 13 }],
    },
    {
      name: 'a drawn box popped without remove(), where the holder takes its boxes off the page when it stops',
      code: drawnBoxes('      boxes.pop();', '    for (const box of boxes) box.remove();'),
      errors: [{ messageId: 'unreleasedDrop', line: 10 }],
    },
    {
      name: 'browser: a record holding the WebSocket it opened owes its close()',
      code: mountedEditors('_socket: WebSocket | null', "this._socket = new WebSocket('wss://example.test/' + el.id);"),
      errors: [{ messageId: 'unreleasedDrop', line: 8 }],
    },
    {
      name: 'browser: a record given a timer id through a local (`{ resolve, timer }`) owes its clearTimeout()',
      code: waitedReplies(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 15,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: waitedReplies('').replace('  waiters.delete(id);\n}', '  clearTimeout(waiters.get(id)?.timer);\n  waiters.delete(id);\n}'),
            },
          ],
        },
      ],
    },
    {
      name: 'data channels indexed by stream id are closed by whoever drops them',
      code: byStream('RTCDataChannel', 'this.peer.createDataChannel(String(id))'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: byStream('RTCDataChannel', 'this.peer.createDataChannel(String(id))').replace(
                '    this.byId.delete(id);',
                '    this.byId.get(id)?.close();\n    this.byId.delete(id);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'browser: window.setInterval ids in a Map<string, number>, deleted without clearInterval',
      code: `const pollers = new Map<string, number>();

export function follow(feed: string, refresh: () => void): void {
  if (!pollers.has(feed)) pollers.set(feed, window.setInterval(refresh, 1000));
}

export function unfollow(feed: string): void {
  pollers.delete(feed);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const pollers = new Map<string, number>();

export function follow(feed: string, refresh: () => void): void {
  if (!pollers.has(feed)) pollers.set(feed, window.setInterval(refresh, 1000));
}

export function unfollow(feed: string): void {
  clearInterval(pollers.get(feed));
  pollers.delete(feed);
}
`,
            },
          ],
        }, // timer id in `pollers` is dropped by `delete()` without `clearInterval()`.
      ],
    },
    {
      name: 'browser: a branded interval id (`number & { __brand }`) armed into a record after insertion, record deleted without clearInterval',
      code: brandedPollers(''),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          // The global clearInterval takes the branded id too.
          suggestions: [{ messageId: 'releaseBeforeDrop', output: brandedPollers('  clearInterval(feeds.get(url)?.poll);\n') }],
        }, // Feed in `feeds` is dropped by `delete()` without `clearInterval()` on `poll`.
      ],
    },
    {
      name: 'browser: a global setTimeout armed into a record after insertion, record deleted without clearTimeout',
      code: `interface Pending {
  retries: number;
  timer?: number;
}

const pending = new Map<string, Pending>();

export function schedule(id: string, retry: () => void): void {
  if (pending.has(id)) return;
  const entry: Pending = { retries: 0 };
  pending.set(id, entry);
  entry.timer = setTimeout(retry, 500);
}

export function settle(id: string): void {
  pending.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `interface Pending {
  retries: number;
  timer?: number;
}

const pending = new Map<string, Pending>();

export function schedule(id: string, retry: () => void): void {
  if (pending.has(id)) return;
  const entry: Pending = { retries: 0 };
  pending.set(id, entry);
  entry.timer = setTimeout(retry, 500);
}

export function settle(id: string): void {
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}
`,
            },
          ],
        }, // Pending in `pending` is dropped by `delete()` without `clearTimeout()` on `timer`.
      ],
    },
    {
      name: 'browser: animation frames in an array, emptied without cancelAnimationFrame',
      code: `const frames: number[] = [];

export function animate(step: FrameRequestCallback): void {
  frames.push(requestAnimationFrame(step));
}

export function stopAll(): void {
  frames.length = 0;
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `const frames: number[] = [];

export function animate(step: FrameRequestCallback): void {
  frames.push(requestAnimationFrame(step));
}

export function stopAll(): void {
  for (const value of frames) cancelAnimationFrame(value);
  frames.length = 0;
}
`,
            },
          ],
        }, // timer id in `frames` is dropped by `length = 0` without `cancelAnimationFrame()`.
      ],
    },
  ],
});

/** Frames kept per key, each taking its key out when it runs; `scheduled` is the call that makes one. */
const selfRemovingFrames = (scheduled: string): string => `const frames = new Map<string, number>();

export function animate(key: string, step: () => void): void {
  cancelAnimationFrame(frames.get(key)!);
  frames.set(key, ${scheduled});
}
`;

ruleTester.run('stop-on-evict: a one-shot frame or idle callback that takes its own key out', rule, {
  valid: [
    {
      name: 'browser: a frame deleting its key when it runs has fired, as a setTimeout callback has',
      code: selfRemovingFrames('requestAnimationFrame(() => {\n    frames.delete(key);\n    step();\n  })'),
    },
    {
      name: 'browser: the same for an idle callback',
      code: selfRemovingFrames('requestIdleCallback(() => {\n    frames.delete(key);\n    step();\n  })'),
    },
  ],
  invalid: [
    {
      name: 'twin: an interval deleting its key when it ticks still runs',
      code: selfRemovingFrames('window.setInterval(() => {\n    frames.delete(key);\n    step();\n  }, 16)'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: selfRemovingFrames('window.setInterval(() => {\n    clearInterval(frames.get(key));\n    frames.delete(key);\n    step();\n  }, 16)'),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A frame requested per key, the one pending cancelled before another is requested; `cancel` is how.
 * Frame and timer ids start above 0, so `?? 0` hands `cancelAnimationFrame()` nothing to cancel.
 */
const framePerKey = (cancel: string): string => `const frames = new Map<string, number>();
let lastFrame = 0;
export function schedule(key: string, step: () => void): void {
  ${cancel}
  frames.set(key, requestAnimationFrame(step));
  lastFrame = frames.get(key) ?? lastFrame;
}
`;

ruleTester.run('stop-on-evict: a release handed a fallback for no handle', rule, {
  valid: [
    { name: 'browser: the pending frame cancelled, with 0 when there is none', code: framePerKey('cancelAnimationFrame(frames.get(key) ?? 0);') },
    { name: 'browser: the same with `|| -1`', code: framePerKey('cancelAnimationFrame(frames.get(key) || -1);') },
  ],
  invalid: [
    {
      name: 'twin: the fallback is another frame, so what is cancelled may be that one',
      code: framePerKey('cancelAnimationFrame(frames.get(key) ?? lastFrame);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: framePerKey('cancelAnimationFrame(frames.get(key) ?? lastFrame);\n  cancelAnimationFrame(frames.get(key));'),
            },
          ],
        },
      ],
    },
  ],
});
