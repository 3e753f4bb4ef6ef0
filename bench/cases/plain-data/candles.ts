// Shape (must not report): maps of plain data — candles whose `close` is a price, not a method.
export interface Candle {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export class CandleBook {
  private readonly latest = new Map<string, Candle>();
  private history: Record<string, Candle[]> = {};

  update(symbol: string, candle: Candle): void {
    this.latest.set(symbol, candle); // ok: stop-on-evict
    (this.history[symbol] ??= []).push(candle);
  }

  close(symbol: string, price: number): void {
    const c = this.latest.get(symbol);
    this.latest.set(symbol, { open: price, high: price, low: price, close: price, volume: 0 }); // ok: stop-on-evict
    if (c) this.history[symbol]?.push(c);
  }

  delist(symbol: string): void {
    this.latest.delete(symbol); // ok: stop-on-evict
    delete this.history[symbol]; // ok: stop-on-evict
  }

  reset(): void {
    this.latest.clear(); // ok: stop-on-evict
    this.history = {}; // ok: stop-on-evict
  }
}
