// stop-on-evict — the program's own generic storage classes: a `PeerRepository<T>` whose methods only
// pass their arguments on to a Map is that Map under other names, for whatever `T` it is given.
import rule from '../../../src/rules/stop-on-evict.js';
import { createTypedRuleTester } from '../../ruleTester.js';

const ruleTester = createTypedRuleTester();

/**
 * From real code (ArkEcosystem/core, p2p peer connector): connections live in a thin keyed store,
 * read back through the connector's own `connection(peer)`; `ending` is what terminate() does
 * before it forgets the connection, and `held` the type the store is given.
 */
const peerConnector = (ending: string, held = 'Meter'): string => `
import { createMeter, type Meter } from './resources.js';
class PeerRepository<T> {
  private readonly repository: Map<string, T> = new Map<string, T>();
  public get(key: string): T | undefined { return this.repository.get(key); }
  public set(key: string, value: T): void { this.repository.set(key, value); }
  public forget(key: string): void { this.repository.delete(key); }
}
interface Peer { readonly ip: string }
export class PeerConnector {
  private readonly connections = new PeerRepository<${held}>();
  public connection(peer: Peer) { return this.connections.get(peer.ip); }
  public connect(peer: Peer) {
    const connection = this.connection(peer) || ${held === 'Meter' ? 'createMeter(peer.ip)' : 'peer.ip'};
    this.connections.set(peer.ip, connection);
    return connection;
  }
  public terminate(peer: Peer): void {
    const connection = this.connection(peer);
    if (connection) {
${ending}
      this.connections.forget(peer.ip);
    }
  }
}`;

ruleTester.run('stop-on-evict', rule, {
  valid: [
    {
      name: 'a connection stopped before the store forgets it, read through the owner’s own look-up by a field of its parameter',
      code: peerConnector('      connection.stop();'),
    },
    {
      name: 'a store of text forgets nothing that is owed',
      code: peerConnector('      console.log(connection);', 'string'),
    },
  ],
  invalid: [
    {
      name: 'a store of meters forgets one without stop(), named by the store’s own method',
      code: peerConnector('      console.log(connection);'),
      errors: [
        {
          messageId: 'unreleasedDrop',
          line: 22,
          data: { type: 'Meter', container: 'this.connections', operation: '`forget()`', release: '`stop()`' },
          suggestions: [
            {
              messageId: 'releaseBeforeDrop',
              output: peerConnector('      console.log(connection);').replace(
                '      this.connections.forget(peer.ip);',
                '      this.connections.get(peer.ip)?.stop();\n      this.connections.forget(peer.ip);',
              ),
            },
          ],
        },
      ],
    },
  ],
});
