/**
 * Handles of npm packages whose release the name rules cannot tell, as data: each by the package
 * that declares it and the call that releases it. Database drivers' pools and clients end by
 * `end()`, which is no conventional release name (`end()` of a request finishes a body); a
 * connection lent by a pool goes back by `release()`, never by the `end()` of the client class it
 * extends, so it is listed too (a type is matched by its own name before its bases'). A
 * pseudo-terminal ends by `kill()`. Packages whose release has a conventional name (better-sqlite3's
 * `close()`, mongodb's, ioredis's `disconnect()`) need no entry.
 */
import { method, type BuiltinResource } from './builtins.js';

export const PACKAGE_HANDLES: readonly BuiltinResource[] = [
  // @types/pg: `PoolClient extends Client`.
  { specifier: { from: 'package', package: 'pg', name: 'PoolClient' }, release: method('release') },
  { specifier: { from: 'package', package: 'pg', name: ['Pool', 'Client'] }, release: method('end') },
  // postgres (porsager's): the `sql` function a connection string makes (a reserved one is released by name).
  { specifier: { from: 'package', package: 'postgres', name: 'Sql' }, release: method('end') },
  // mysql2 (its callback and promise APIs name their types alike) and @types/mysql: `PoolConnection extends Connection`.
  ...['mysql2', 'mysql'].flatMap((driver): BuiltinResource[] => [
    { specifier: { from: 'package', package: driver, name: 'PoolConnection' }, release: method('release') },
    { specifier: { from: 'package', package: driver, name: ['Pool', 'PoolCluster'] }, release: method('end') },
    { specifier: { from: 'package', package: driver, name: 'Connection' }, release: method(['end', 'destroy']) },
  ]),
  // node-pty's `IPty`: its process and the terminal's file descriptors stay until `kill()`.
  { specifier: { from: 'package', package: 'node-pty', name: 'IPty' }, release: method('kill') },
];
