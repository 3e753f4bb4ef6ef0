// Shape (must report): node-cache holding resources with the default `useClones: true` — the hooks get
// (and stop) copies, the original ticker keeps running. Reported on the construction.
import NodeCache from 'node-cache';
import { Ticker } from './lib/ticker.js';

export class CloningTickers {
  private readonly cache = new NodeCache({ stdTTL: 300 }); // expect: stop-on-evict

  constructor() {
    this.cache.on('del', (_key: string, value: Ticker) => value.stop());
    this.cache.on('expired', (_key: string, value: Ticker) => value.stop());
  }

  ensure(key: string): void {
    if (this.cache.has(key)) return;
    this.cache.set<Ticker>(key, new Ticker(key)); // ok: no-silent-overwrite
  }
}
