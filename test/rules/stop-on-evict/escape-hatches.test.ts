// stop-on-evict — the options users set where the program alone cannot tell: release helpers,
// lending calls and containers to leave alone. Each is shown with and without the option.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'options: a release helper that releases by id through another object, named in releaseFunctions',
      options: [{ releaseFunctions: ['closeQuietly'] }],
      code: `
import net from 'node:net';
declare const connections: { closeById(id: number): void };
function closeQuietly(socket: net.Socket | undefined): void {
  if (socket?.localPort !== undefined) connections.closeById(socket.localPort);
}
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function close(id: string) {
  closeQuietly(sockets.get(id));
  sockets.delete(id);
}
`,
    },
    {
      name: 'options: a socket taken from a pool, its call named in lendingCalls',
      options: [{ lendingCalls: ['take'] }],
      code: `
import net from 'node:net';
declare const pool: { take(host: string): net.Socket; giveBack(socket: net.Socket): void };
const inUse = new Map<string, net.Socket>();
export function take(id: string, host: string) {
  if (!inUse.has(id)) inUse.set(id, pool.take(host));
}
export function done(id: string) {
  inUse.delete(id);
}
`,
    },
    {
      name: 'options: a container named in ignoredContainers',
      options: [{ ignoredContainers: ['registry'] }],
      code: `
import net from 'node:net';
const registry = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!registry.has(id)) registry.set(id, net.createConnection(port));
}
export function forget(id: string) {
  registry.delete(id);
}
`,
    },
  ],
  invalid: [
    {
      name: 'options: a release helper that releases by id through another object, not named',
      code: `
import net from 'node:net';
declare const connections: { closeById(id: number): void };
function closeQuietly(socket: net.Socket | undefined): void {
  if (socket?.localPort !== undefined) connections.closeById(socket.localPort);
}
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function close(id: string) {
  closeQuietly(sockets.get(id));
  sockets.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 13,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
declare const connections: { closeById(id: number): void };
function closeQuietly(socket: net.Socket | undefined): void {
  if (socket?.localPort !== undefined) connections.closeById(socket.localPort);
}
const sockets = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function close(id: string) {
  closeQuietly(sockets.get(id));
  sockets.get(id)?.destroy();
  sockets.delete(id);
}
`,
            },
          ],
        }, // Socket in `sockets` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'options: a socket taken from a pool, its call not named',
      code: `
import net from 'node:net';
declare const pool: { take(host: string): net.Socket; giveBack(socket: net.Socket): void };
const inUse = new Map<string, net.Socket>();
export function take(id: string, host: string) {
  if (!inUse.has(id)) inUse.set(id, pool.take(host));
}
export function done(id: string) {
  inUse.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
declare const pool: { take(host: string): net.Socket; giveBack(socket: net.Socket): void };
const inUse = new Map<string, net.Socket>();
export function take(id: string, host: string) {
  if (!inUse.has(id)) inUse.set(id, pool.take(host));
}
export function done(id: string) {
  inUse.get(id)?.destroy();
  inUse.delete(id);
}
`,
            },
          ],
        }, // Socket in `inUse` is dropped by `delete()` without `destroy()`.
      ],
    },
    {
      name: 'options: ignoredContainers names another container',
      options: [{ ignoredContainers: ['cache'] }],
      code: `
import net from 'node:net';
const registry = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!registry.has(id)) registry.set(id, net.createConnection(port));
}
export function forget(id: string) {
  registry.delete(id);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 8,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const registry = new Map<string, net.Socket>();
export function open(id: string, port: number) {
  if (!registry.has(id)) registry.set(id, net.createConnection(port));
}
export function forget(id: string) {
  registry.get(id)?.destroy();
  registry.delete(id);
}
`,
            },
          ],
        }, // Socket in `registry` is dropped by `delete()` without `destroy()`.
      ],
    },
  ],
});
