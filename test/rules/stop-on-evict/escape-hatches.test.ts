// stop-on-evict — the options users set where the program alone cannot tell: release helpers,
// lending calls, containers to leave alone, and how sure an overwrite must be. Each is shown with
// and without the option.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/** From real code (vue language tools): a nested add() stores a watcher per config file; `registration` is who else calls it. */
const projectsByConfig = (registration: string, store = 'projects.set(file, watch(file));'): string => `
import { watch, type FSWatcher } from 'node:fs';
import type { EventEmitter } from 'node:events';
declare function listConfigs(root: string): string[];
declare function watchDirectory(root: string, onFile: (file: string) => void): void;
export function createProjects(root: string, events: EventEmitter) {
  const projects = new Map<string, FSWatcher>();
  for (const file of listConfigs(root)) add(file);
  ${registration}
  return { projects, remove };
  function add(file: string): void {
    ${store}
  }
  function remove(file: string): void {
    projects.get(file)?.close();
    projects.delete(file);
  }
}
`;

/** A socket stored for an id from a `let` given a value on each branch; `otherwise` is the second branch. */
const branchMade = (otherwise: string): string => `
import net from 'node:net';
import tls from 'node:tls';
declare const spare: net.Socket;
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number, secure: boolean) {
  let socket: net.Socket;
  if (secure) socket = tls.connect(port);
  else ${otherwise}
  sockets.set(id, socket);
}
`;

/** Every channel slot of a connection written again, by an index bounded by the array's own length. */
const slotsReopened = (store: string): string => `
import { PassThrough } from 'node:stream';
export class Connection {
  private readonly channels: Array<{ id: number; buffer: PassThrough }> = [];
  reopenAll(): void {
    for (let id = 0; id < this.channels.length; id++) ${store}
  }
}
`;

/**
 * From real code (learn-sdn-hub): a console made for each terminal and stored by its own `ready`
 * listener; `before` runs first in the method that makes it.
 */
const consoleOnReady = (before: string): string => `
import { EventEmitter } from 'node:events';
class SSHConsole extends EventEmitter {
  private readonly keepAlive = setInterval(() => this.emit('ping'), 1000);
  constructor(readonly name: string) {
    super();
  }
  isOpen(): boolean {
    return true;
  }
  close(): void {
    clearInterval(this.keepAlive);
  }
}
export class Consoles {
  private readonly active = new Map<string, SSHConsole>();
  open(terminal: { name: string }): void {
    ${before}
    const sshConsole = new SSHConsole(terminal.name);
    sshConsole.on('ready', () => this.active.set(terminal.name, sshConsole));
  }
  stop(): void {
    for (const [, c] of this.active) c.close();
    this.active.clear();
  }
}
`;

/**
 * From real code (mcp-use, BaseMCPClient): a session made for a server of the configuration;
 * `lookUp` reads what the function knows of the name before the session is stored.
 */
const configuredSessions = (lookUp: string): string => `import net from 'node:net';
const configured: Record<string, { port: number }> = {};
const pending = new Map<string, { port: number }>();
const sessions: Record<string, net.Socket> = {};
export function open(name: string): net.Socket {
${lookUp}
  const session = net.createConnection(config.port);
  sessions[name] = session;
  return session;
}
export function close(name: string): void {
  sessions[name]?.destroy();
  delete sessions[name];
}
`;

/**
 * From real code (homebridge-winix-purifiers, regaw-leinad/homebridge-winix-purifiers#40): each
 * periodic discovery makes a polling handler per device and stores it under the device's uuid; the
 * branch taken for a device the platform already knows (`accessories`) stores over that device's
 * earlier handler.
 */
const rediscovered = (branch: 'known' | 'new'): string => `import net from 'node:net';
export class Platform {
  private readonly accessories = new Map<string, { name: string }>();
  private readonly handlers = new Map<string, net.Socket>();
  discover(ids: string[], port: number): void {
    for (const uuid of ids) {
      let accessory = this.accessories.get(uuid);
      if (accessory) {
        accessory.name = uuid;
${branch === 'known' ? '        this.handlers.set(uuid, net.createConnection(port));' : ''}
      } else {
        accessory = { name: uuid };
        this.accessories.set(uuid, accessory);
${branch === 'new' ? '        this.handlers.set(uuid, net.createConnection(port));' : ''}
      }
    }
  }
  remove(uuid: string): void {
    this.handlers.get(uuid)?.destroy();
    this.handlers.delete(uuid);
    this.accessories.delete(uuid);
  }
}
`;

/**
 * From real code (ioBroker.matter's bridge): what a device's mapping hands out — its `list` of
 * endpoints, or one endpoint — is stored blind under the device's uuid.
 */
const bridgedDevices = (list: boolean): string => `import { type Watcher } from './resources.js';
declare function mappingFor(uuid: string): { endpoints(): ${list ? 'Watcher[]' : 'Watcher'} };
export class Bridge {
  readonly #devices = new Map<string, ${list ? 'Watcher[]' : 'Watcher'}>();
  add(uuid: string): void {
    const endpoints = mappingFor(uuid).endpoints();
    this.#devices.set(uuid, endpoints);
  }
  remove(uuid: string): void {
    ${list ? 'for (const endpoint of this.#devices.get(uuid) ?? []) endpoint.dispose();' : 'this.#devices.get(uuid)?.dispose();'}
    this.#devices.delete(uuid);
  }
}
`;

/**
 * From real code (watchparty, server.ts): rooms loaded once from a store at start-up, a default room
 * made only when the store had none, and new rooms under names drawn until one is free; `defaultRoom`
 * is the default room's key and `draw` how a new room's name is chosen.
 */
const loadedRooms = (defaultRoom: string, draw: string): string => `import { createMeter, type Meter } from './resources.js';
declare function savedRoomNames(): Promise<string[]>;
declare function pickName(): string;
const DEFAULT_ROOM = '/default';
const rooms = new Map<string, Meter>();
export async function init(lobby: string): Promise<void> {
  const names = await savedRoomNames();
  names.forEach((name) => {
    rooms.set(name, createMeter(name));
  });
  if (!rooms.has(${defaultRoom})) {
    rooms.set(${defaultRoom}, createMeter(lobby));
  }
}
export function createRoom(): string {
${draw}
  rooms.set(name, createMeter(name));
  return name;
}
export function closeRoom(name: string): void {
  rooms.get(name)?.stop();
  rooms.delete(name);
}
`;
const DRAWN_UNTIL_FREE = '  let name = pickName();\n  while (rooms.has(name)) name = pickName();';
const WARNED = '  const name = pickName();\n  if (rooms.has(name)) console.warn(name);';

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: "options: by default, a console made for a terminal and stored by its own 'ready' listener is a value made for its id",
      code: consoleOnReady('console.log(terminal.name);'),
    },
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
    {
      name: 'options: by default (overwrites "evident"), a connection made for an id that nothing shows is taken is left out',
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number) {
  sockets.set(id, net.createConnection(port));
}
export function unregister(id: string) {
  sockets.get(id)?.destroy();
  sockets.delete(id);
}
`,
    },
    {
      name: 'from real code (watchparty): by default, rooms loaded once at start-up are left out; a default room made when missing and names drawn until free say nothing of the loaded names',
      code: loadedRooms("'/default'", DRAWN_UNTIL_FREE),
    },
    {
      name: 'from real code (watchparty): by default, a default room made when missing under a constant says nothing of the loaded names either',
      code: loadedRooms('DEFAULT_ROOM', DRAWN_UNTIL_FREE),
    },
    {
      name: 'options: by default, a session made for a name another map hands over once (read, then deleted there) is left out',
      code: configuredSessions('  const config = pending.get(name);\n  if (!config) throw new Error(name);\n  pending.delete(name);'),
    },
    {
      name: 'options: by default, one endpoint a mapping makes for a uuid, stored blind under it, is left out',
      code: bridgedDevices(false),
    },
    {
      name: 'from real code (homebridge-winix-purifiers): by default, a handler made for a device another registry does not know yet, stored in the branch of the miss, is left out',
      code: rediscovered('new'),
    },
    {
      name: 'options: by default (overwrites "evident"), a record made for an id and stored by assignment is left out',
      code: `
import net from 'node:net';
const peers: Record<string, { socket: net.Socket }> = {};
export function register(id: string, port: number) {
  const peer = { socket: net.createConnection(port) };
  peers[id] = peer;
}
`,
    },
    {
      name: 'from real code (amqplib): by default, an array slot found free and filled with a record made for it; freeing the slot writes null',
      code: `
import { PassThrough } from 'node:stream';
declare function nextFreeSlot(): number;
export class Connection {
  private readonly channels: Array<{ id: number; buffer: PassThrough } | null> = [];
  open(): number {
    const id = nextFreeSlot();
    this.channels[id] = { id, buffer: new PassThrough() };
    return id;
  }
  release(id: number): void {
    const slot = this.channels[id];
    if (!slot) return;
    slot.buffer.end();
    this.channels[id] = null;
  }
}
`,
    },
    {
      name: 'options: by default, a watcher made per config file by a helper called from a loop and a one-shot event is left out',
      code: projectsByConfig("events.once('ready', (file: string) => add(file));"),
    },
    {
      name: 'options: by default, a server made on either branch of a conditional for an id is left out too',
      code: `
import net from 'node:net';
declare function listenOn(port: number): Promise<net.Server>;
const servers = new Map<string, net.Server>();
export async function serve(id: string, port?: number) {
  const server = port === undefined ? await new Promise<net.Server>((resolve) => resolve(net.createServer())) : await listenOn(port);
  servers.set(id, server);
}
`,
    },
    {
      name: 'options: by default, a connection a `let` is given on each branch (every value made here) is left out too',
      code: branchMade('socket = net.createConnection(port);'),
    },
    {
      name: 'options: by default, a connection made for a branded id (string & { __peer }) is left out like one for a string id',
      code: `
import net from 'node:net';
type PeerId = string & { readonly __peer: unique symbol };
const peers = new Map<PeerId, net.Socket>();
export function join(id: PeerId, port: number) {
  peers.set(id, net.createConnection(port));
}
`,
    },
  ],
  invalid: [
    {
      name: 'from real code (watchparty): a name only warned about when taken, not drawn again, says the map keeps names that come back: the loaded rooms may replace live ones',
      code: loadedRooms("'/default'", WARNED),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: loadedRooms("'/default'", WARNED).replace('    rooms.set(name,', '    rooms.get(name)?.stop();\n    rooms.set(name,'),
            },
          ],
        },
        {
          messageId: 'unreleasedDropWhen',
          line: 18,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: loadedRooms("'/default'", WARNED).replace('\n  rooms.set(name,', '\n  rooms.get(name)?.stop();\n  rooms.set(name,'),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (watchparty): a room made when missing under a name the caller gives says names come back: the loaded rooms may replace live ones',
      code: loadedRooms('lobby', DRAWN_UNTIL_FREE),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: loadedRooms('lobby', DRAWN_UNTIL_FREE).replace('    rooms.set(name,', '    rooms.get(name)?.stop();\n    rooms.set(name,'),
            },
          ],
        },
      ],
    },
    {
      name: 'options: by default, the list of endpoints a mapping makes for a uuid, stored blind under it, may replace an earlier list: a group is no entity made for its id',
      code: bridgedDevices(true),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 7,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: bridgedDevices(true).replace(
                '    this.#devices.set(uuid, endpoints);',
                '    if (this.#devices.get(uuid) !== endpoints) for (const inner of this.#devices.get(uuid) ?? []) inner.dispose();\n    this.#devices.set(uuid, endpoints);',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'options: by default, a session made for a name the configuration must hold (a miss throws) may replace the one an earlier call made',
      code: configuredSessions('  const config = configured[name];\n  if (!config) throw new Error(name);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 9,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: configuredSessions('  const config = configured[name];\n  if (!config) throw new Error(name);').replace(
                '  sessions[name] = session;',
                '  if (sessions[name] !== session) sessions[name]?.destroy();\n  sessions[name] = session;',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'from real code (homebridge-winix-purifiers): by default, a handler made again for a device another registry already knows (the branch of a hit) may replace the earlier one',
      code: rediscovered('known'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: rediscovered('known').replace(
                '        this.handlers.set(uuid, net.createConnection(port));',
                '        this.handlers.get(uuid)?.destroy();\n        this.handlers.set(uuid, net.createConnection(port));',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a console stored by its own 'ready' listener after the method looked its key up: the key may be taken",
      code: consoleOnReady('if (this.active.get(terminal.name)?.isOpen()) return;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 20,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: consoleOnReady('if (this.active.get(terminal.name)?.isOpen()) return;').replace(
                "sshConsole.on('ready', () => this.active.set(terminal.name, sshConsole));",
                "sshConsole.on('ready', () => { if (this.active.get(terminal.name) !== sshConsole) this.active.get(terminal.name)?.close(); return this.active.set(terminal.name, sshConsole); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'options: by default, a `let` given a socket handed over on one branch may replace an earlier one: reported',
      code: branchMade('socket = spare;'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 10,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: branchMade('socket = spare;').replace('  sockets.set', '  if (sockets.get(id) !== socket) sockets.get(id)?.destroy();\n  sockets.set'),
            },
          ],
        },
      ],
    },
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
    {
      name: "options: overwrites 'possible' reports a connection made for an id, which may replace an earlier one",
      options: [{ overwrites: 'possible' }],
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number) {
  sockets.set(id, net.createConnection(port));
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number) {
  sockets.get(id)?.destroy();
  sockets.set(id, net.createConnection(port));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: a replacement where a get-or-create elsewhere shows the ids come back",
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function connect(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function reconnect(id: string, port: number) {
  sockets.set(id, net.createConnection(port));
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
const sockets = new Map<string, net.Socket>();
export function connect(id: string, port: number) {
  if (!sockets.has(id)) sockets.set(id, net.createConnection(port));
}
export function reconnect(id: string, port: number) {
  sockets.get(id)?.destroy();
  sockets.set(id, net.createConnection(port));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: a replacement after a lookup of the same map",
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number) {
  sockets.get(id)?.setNoDelay(true);
  sockets.set(id, net.createConnection(port));
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(id: string, port: number) {
  sockets.get(id)?.setNoDelay(true);
  sockets.get(id)?.destroy();
  sockets.set(id, net.createConnection(port));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: a timer re-armed per name",
      code: `
const timers = new Map<string, NodeJS.Timeout>();
export function schedule(name: string, run: () => void) {
  timers.set(name, setTimeout(run, 1_000));
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 4,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
const timers = new Map<string, NodeJS.Timeout>();
export function schedule(name: string, run: () => void) {
  clearTimeout(timers.get(name));
  timers.set(name, setTimeout(run, 1_000));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: an array slot written by an index that walks the values already there",
      code: slotsReopened('this.channels[id] = { id, buffer: new PassThrough() };'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: slotsReopened('{ this.channels[id]?.buffer?.end(); this.channels[id] = { id, buffer: new PassThrough() }; }'),
            },
          ],
        },
      ],
    },
    {
      name: "from real code (vue language tools): by default (overwrites 'evident'), still reported: a helper called with the file a directory watcher reports, which it reports again",
      code: projectsByConfig('watchDirectory(root, (file) => add(file));'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 12,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: projectsByConfig('watchDirectory(root, (file) => add(file));', 'projects.get(file)?.close();\n    projects.set(file, watch(file));'),
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: a key from a few constants",
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(role: 'primary' | 'replica', port: number) {
  sockets.set(role, net.createConnection(port));
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 5,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function register(role: 'primary' | 'replica', port: number) {
  sockets.get(role)?.destroy();
  sockets.set(role, net.createConnection(port));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "options: by default (overwrites 'evident'), still reported: a new connection stored under a name it may share",
      code: `
import net from 'node:net';
const sockets = new Map<string, net.Socket>();
export function listen(server: net.Server, nameOf: (socket: net.Socket) => string) {
  server.on('connection', (socket) => {
    sockets.set(nameOf(socket), socket);
  });
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [], // the key is a call: repeating it to release would call it twice
        },
      ],
    },
    {
      name: 'options: by default, still reported: a server that one branch takes from the caller, who may hand the same one again or another under the id',
      code: `
import net from 'node:net';
const servers = new Map<string, net.Server>();
export function serve(id: string, existing?: net.Server) {
  const server = existing === undefined ? net.createServer() : existing;
  servers.set(id, server);
}
`,
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 6,
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: `
import net from 'node:net';
const servers = new Map<string, net.Server>();
export function serve(id: string, existing?: net.Server) {
  const server = existing === undefined ? net.createServer() : existing;
  if (servers.get(id) !== server) servers.get(id)?.close();
  servers.set(id, server);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
