// stop-on-evict — a record taken out of a list and put back as a new record that carries its
// resources (`list = list.filter((c) => c.name !== name); list.push({ ...old, status })`): the
// resources move into the replacement; they are not dropped.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (cline's MCP hub, `apps/vscode/src/services/mcp/McpHub.ts`): a connection record is
 * pushed as it starts; when connecting fails for want of authorization, the record is replaced by
 * one marked as waiting, which keeps the same client and transport. `made` is the record pushed
 * first, `replace` what the failure path does with it.
 */
const connectionHub = ({ made = '{ server: { name, status: "connecting" }, client, transport }', replace = '', after = '' } = {}): string => `
interface Client {
  connect(transport: Transport): Promise<void>;
  close(): Promise<void>;
}
interface Transport {
  onerror?: (error: Error) => void;
  start(): Promise<void>;
  close(): Promise<void>;
}
declare function makeClient(): Client;
declare function makeTransport(url: string): Transport;
class NeedsAuthorization extends Error {}
interface Connection {
  server: { name: string; status: string };
  client: Client;
  transport: Transport;
}
export class Hub {
  private connections: Connection[] = [];
  async connect(name: string, url: string): Promise<void> {
    const client = makeClient();
    let transport: Transport;
    if (url.startsWith('ws:')) transport = makeTransport(url);
    else transport = makeTransport("ws://" + url);
    transport.onerror = () => {
      transport.onerror = undefined;
    };
    const connection: Connection = ${made};
    this.connections.push(connection);
    try {
      await client.connect(transport);
    } catch (error) {
      if (error instanceof NeedsAuthorization) {
        ${replace}
        return;
      }
      await client.close();
      throw error;
    }
    ${after}
  }
  async remove(name: string): Promise<void> {
    for (const c of this.connections) {
      if (c.server.name === name) {
        await c.client.close();
        await c.transport.close();
      }
    }
    this.connections = this.connections.filter((c) => c.server.name !== name);
  }
}
`;

const WAITING = 'const waiting: Connection = { server: { name, status: "needs-auth" }, client, transport };';
const FILTER = 'this.connections = this.connections.filter((conn) => conn.server.name !== name);';

/** A list of socket records whose status is updated by replacing the record with a copy; `update` is the body of `mark()`. */
const statusList = (update: string): string => `
import * as net from 'node:net';
interface Peer {
  host: string;
  status: string;
  socket: net.Socket;
}
export class Peers {
  private peers: Peer[] = [];
  open(host: string): void {
    this.peers.push({ host, status: 'new', socket: net.connect(80, host) });
  }
  mark(host: string, status: string): void {
    ${update}
  }
  close(host: string): void {
    for (const p of this.peers) if (p.host === host) p.socket.destroy();
    this.peers = this.peers.filter((p) => p.host !== host);
  }
}
`;

const FOUND = 'const old = this.peers.find((p) => p.host === host);\n    if (!old) return;\n    this.peers = this.peers.filter((p) => p.host !== host);';

const lineOf = (code: string, text: string): number => code.split('\n').findIndex((line) => line.includes(text)) + 1;

const dropAt = (name: string, code: string, drop: string) => ({
  name,
  code,
  errors: [{ messageId: 'unreleasedDrop' as const, line: lineOf(code, drop) }],
});

ruleTester.run('stop-on-evict: a record replaced by one that carries its resources', rule, {
  valid: [
    {
      name: 'from real code (cline): the connection is replaced by a record holding the same client and transport',
      code: connectionHub({ replace: `${WAITING}\n        ${FILTER}\n        this.connections.push(waiting);` }),
    },
    {
      name: 'from real code (cline): a later block of the long function declares another `connection`',
      code: connectionHub({
        replace: `${WAITING}\n        ${FILTER}\n        this.connections.push(waiting);`,
        after:
          'if (url) {\n      const connection = this.connections.find((c) => c.server.name === name);\n      if (connection) connection.server.status = "connected";\n    }',
      }),
    },
    {
      name: 'the replacement written in place of the push',
      code: connectionHub({
        replace: `${FILTER}\n        this.connections.push({ server: { name, status: "needs-auth" }, client, transport });`,
      }),
    },
    {
      name: 'a copy of the record found by the same test, with only its status changed',
      code: statusList(`${FOUND}\n    this.peers.push({ ...old, status });`),
    },
    {
      name: 'the copy names the socket it carries',
      code: statusList(`${FOUND}\n    this.peers.push({ host, status, socket: old.socket });`),
    },
  ],
  invalid: [
    dropAt('the connection is taken out and nothing is put back in its place', connectionHub({ replace: FILTER }), 'conn.server.name !== name'),
    dropAt(
      'the replacement holds a new transport: the old one is dropped',
      connectionHub({
        replace: `${FILTER}\n        this.connections.push({ server: { name, status: "needs-auth" }, client, transport: makeTransport(url) });`,
      }),
      'conn.server.name !== name',
    ),
    dropAt(
      'the transport is made again before the replacement is written: the one the connection held is dropped',
      connectionHub({ replace: `transport = makeTransport(url);\n        ${WAITING}\n        ${FILTER}\n        this.connections.push(waiting);` }),
      'conn.server.name !== name',
    ),
    dropAt(
      'the record pushed first is named by its url, so the records the filter takes out by name are others',
      connectionHub({
        made: '{ server: { name: url, status: "connecting" }, client, transport }',
        replace: `${WAITING}\n        ${FILTER}\n        this.connections.push(waiting);`,
      }),
      'conn.server.name !== name',
    ),
    dropAt(
      'the copy is given a new socket over the one it found',
      statusList(`${FOUND}\n    this.peers.push({ ...old, status, socket: net.connect(80, host) });`),
      'this.peers = this.peers.filter((p) => p.host !== host);',
    ),
    dropAt(
      'the record copied was found by another test than the one the filter takes out by',
      statusList(
        "const old = this.peers.find((p) => p.status === 'new');\n    if (!old) return;\n    this.peers = this.peers.filter((p) => p.host !== host);\n    this.peers.push({ ...old, status });",
      ),
      'this.peers = this.peers.filter((p) => p.host !== host);',
    ),
  ],
});
