// stop-on-evict on handles of npm packages: database pools and clients end by `end()`, which the
// name rules cannot tell, a connection a pool lends goes back by `release()` (never by the `end()` of
// the client class it extends), node-pty's terminals end by `kill()`, and better-sqlite3's `close()`,
// which returns the database, is found by name.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester, reportedWithRelease } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/** One handle per key, made on first use (the usual home of these handles); `forget` is the removal's body. */
const handlePerKey =
  (imports: string, type: string, make: string) =>
  (forget: string): string => `
${imports}
const handles = new Map<string, ${type}>();
export function handleFor(key: string): ${type} {
  let handle = handles.get(key);
  if (!handle) {
    handle = ${make};
    handles.set(key, handle);
  }
  return handle;
}
export async function forget(key: string): Promise<void> {
  ${forget}
}`;
const tenantPools = handlePerKey("import { Pool } from 'pg';", 'Pool', 'new Pool({ connectionString: key })');
/** postgres (porsager's): a `sql` per tenant. */
const tenantSql = handlePerKey("import postgres from 'postgres';", 'postgres.Sql', 'postgres(key)');
/** better-sqlite3: a database file per workspace. */
const workspaceDatabases = handlePerKey("import Database from 'better-sqlite3';", 'Database.Database', "new Database(key + '.db')");

/** Open transactions, each on a client the pool lent. */
const openTransactions = (commit: string): string => `
import type { Pool, PoolClient } from 'pg';
const transactions = new Map<string, PoolClient>();
export async function begin(id: string, pool: Pool): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  transactions.set(id, client);
}
export async function commit(id: string): Promise<void> {
  const client = transactions.get(id);
  if (!client) return;
  await client.query('COMMIT');
  ${commit}
}`;

/** mysql2's promise API: a connection per job. */
const jobConnections = (finish: string): string => `
import { createConnection, type Connection } from 'mysql2/promise';
const connections: Record<string, Connection> = {};
export async function start(job: string, uri: string): Promise<void> {
  connections[job] = await createConnection(uri);
}
export function finish(job: string): void {
  ${finish}
}`;

/** mysql2's callback API: a pool per shard, replaced when the shard moves. */
const shardPools = (move: string): string => `
import { createPool, type Pool } from 'mysql2';
const shards = new Map<number, Pool>();
export function open(shard: number, uri: string): void {
  if (!shards.has(shard)) shards.set(shard, createPool(uri));
}
export function move(shard: number, uri: string): void {
  ${move}
}`;

/** A terminal per session, as terminal apps keep them; `exit` is the handler of the session's end. */
const shellSessions = (exit: string): string => `
import { spawn, type IPty } from 'node-pty';
const sessions = new Map<string, IPty>();
export function open(id: string, cwd: string): IPty {
  const pty = spawn('bash', [], { cwd });
  sessions.set(id, pty);
  return pty;
}
export function closeSession(id: string): void {
  ${exit}
}`;

ruleTester.run('stop-on-evict: handles of npm packages', rule, {
  valid: [
    { name: 'a pg pool ended before it leaves the map', code: tenantPools('await handles.get(key)?.end();\n  handles.delete(key);') },
    { name: 'a lent client given back by release() before it leaves the map', code: openTransactions('client.release();\n  transactions.delete(id);') },
    { name: 'a mysql2 connection ended before it is deleted', code: jobConnections('void connections[job]?.end();\n  delete connections[job];') },
    { name: 'a mysql2 connection destroyed before it is deleted', code: jobConnections('connections[job]?.destroy();\n  delete connections[job];') },
    { name: 'a mysql2 pool ended with a callback before it is replaced', code: shardPools('shards.get(shard)?.end();\n  shards.set(shard, createPool(uri));') },
    { name: "porsager's postgres ended before it leaves the map", code: tenantSql('void handles.get(key)?.end();\n  handles.delete(key);') },
    { name: 'a node-pty terminal killed before it leaves the map', code: shellSessions('sessions.get(id)?.kill();\n  sessions.delete(id);') },
    {
      name: 'a better-sqlite3 database closed before it leaves the map',
      code: workspaceDatabases('handles.get(key)?.close();\n  handles.delete(key);'),
    },
  ],
  invalid: [
    reportedWithRelease(
      'a pg pool dropped without end(): its idle connections stay open',
      tenantPools('handles.delete(key);'),
      '  handles.delete(key);',
      '  void handles.get(key)?.end();\n',
    ),
    reportedWithRelease(
      'a lent client dropped without release(), never end(): the pool is one connection short for good',
      openTransactions('transactions.delete(id);'),
      '  transactions.delete(id);',
      '  transactions.get(id)?.release();\n',
    ),
    reportedWithRelease(
      'a mysql2 connection deleted without end()',
      jobConnections('delete connections[job];'),
      '  delete connections[job];',
      '  void connections[job]?.end();\n',
    ),
    reportedWithRelease(
      'a mysql2 pool replaced without end() (the callback API: no promise to void)',
      shardPools('shards.set(shard, createPool(uri));'),
      '  shards.set(shard, createPool(uri));',
      '  shards.get(shard)?.end();\n',
    ),
    reportedWithRelease(
      "porsager's postgres dropped without end()",
      tenantSql('handles.delete(key);'),
      '  handles.delete(key);',
      '  void handles.get(key)?.end();\n',
    ),
    reportedWithRelease(
      'a node-pty terminal dropped without kill(): its shell and descriptors stay',
      shellSessions('sessions.delete(id);'),
      '  sessions.delete(id);',
      '  sessions.get(id)?.kill();\n',
    ),
    reportedWithRelease(
      'a better-sqlite3 database dropped without close(), whose close() returns the database',
      workspaceDatabases('handles.delete(key);'),
      '  handles.delete(key);',
      '  handles.get(key)?.close();\n',
    ),
  ],
});
