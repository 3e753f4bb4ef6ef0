// Both rules say once per program that Node's types are missing, where the file first uses Node,
// instead of finding nothing in silence (TypeScript 6 loads no @types unless `types` lists them).
import noSilentOverwrite from '../../src/rules/no-silent-overwrite.js';
import stopOnEvict from '../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, fixturesNode14Dir, fixturesWithoutNodeDir } from '../ruleTester.js';

const withoutNodeTypes = createTypedRuleTester(fixturesWithoutNodeDir);
const withNodeTypes = createTypedRuleTester();

const socketsInAMap = `import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function close(id: string) {
  sockets.delete(id);
}`;

const timersWithoutImports = `const timers = new Map<string, ReturnType<typeof setTimeout>>();
export function later(id: string, fn: () => void) {
  timers.set(id, setTimeout(fn, 1000));
}`;

withoutNodeTypes.run('stop-on-evict (a program without Node types)', stopOnEvict, {
  valid: [
    {
      name: 'code that uses nothing of Node is not asked about',
      code: `const counts = new Map<string, number>();
export function hit(key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}`,
    },
  ],
  invalid: [
    {
      name: 'an import of a Node module, where sockets are any',
      code: socketsInAMap,
      errors: [{ messageId: 'missingNodeTypes', line: 1 }],
    },
    {
      name: 'a timer the checker cannot resolve',
      code: timersWithoutImports,
      errors: [{ messageId: 'missingNodeTypes', line: 3 }],
    },
  ],
});

withoutNodeTypes.run('no-silent-overwrite (a program without Node types)', noSilentOverwrite, {
  valid: [],
  invalid: [
    {
      name: 'an import of a Node module',
      code: socketsInAMap,
      errors: [{ messageId: 'missingNodeTypes', line: 1 }],
    },
  ],
});

withNodeTypes.run('stop-on-evict (a program with Node types)', stopOnEvict, {
  valid: [],
  invalid: [
    {
      name: 'the same code is checked, and only its leak is reported',
      code: socketsInAMap,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            { messageId: 'releaseBeforeDrop', output: socketsInAMap.replace('  sockets.delete(id);', '  sockets.get(id)?.destroy();\n  sockets.delete(id);') },
          ],
        },
      ],
    },
  ],
});

// @types/node before 16 declared the handles as interfaces of the global `NodeJS` namespace, not in
// the `timers` module: a program on them has Node's types, and its timers are timers.
const withNodeTypes14 = createTypedRuleTester(fixturesNode14Dir);

const pollers = (stop: string): string => `const pollers = new Map<string, NodeJS.Timeout>();
const pending = new Map<string, NodeJS.Immediate>();
export function poll(id: string, fn: () => void) {
  if (!pollers.has(id)) pollers.set(id, setInterval(fn, 1000));
  if (!pending.has(id)) pending.set(id, setImmediate(fn));
}
export function stop(id: string) {
  ${stop}
  pollers.delete(id);
  pending.delete(id);
}`;

withNodeTypes14.run('stop-on-evict (a program on Node types 14)', stopOnEvict, {
  valid: [
    {
      name: 'timers cleared before their entries are deleted',
      code: pollers('clearInterval(pollers.get(id));\n  clearImmediate(pending.get(id));'),
    },
  ],
  invalid: [
    {
      name: 'a Timeout and an Immediate deleted without being cleared',
      code: pollers('clearInterval(pollers.get(id));'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: pollers('clearInterval(pollers.get(id));').replace('  pending.delete', '  clearImmediate(pending.get(id));\n  pending.delete'),
            },
          ],
        },
      ],
    },
  ],
});
