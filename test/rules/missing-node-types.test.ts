// Both rules say once per program that Node's types are missing, where the file first uses Node,
// instead of finding nothing in silence (TypeScript 6 loads no @types unless `types` lists them).
import noSilentOverwrite from '../../src/rules/no-silent-overwrite.js';
import stopOnEvict from '../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, fixturesWithoutNodeDir } from '../ruleTester.js';

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
