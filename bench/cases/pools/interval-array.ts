// Shapes: an array of interval handles in a module. `arr.forEach(clearInterval); arr.length = 0`
// (must not report); `length = 0` alone and a dropped `splice` (must report); a destructured splice
// that is cleared (must not report).
const tickers: NodeJS.Timeout[] = [];

export function addTicker(fn: () => void, ms: number): number {
  tickers.push(setInterval(fn, ms));
  return tickers.length - 1;
}

export function stopAll(): void {
  tickers.forEach(clearInterval);
  tickers.length = 0; // ok: stop-on-evict
}

export function resetWithoutStopping(): void {
  tickers.length = 0; // expect: stop-on-evict
}

export function removeTicker(index: number): void {
  tickers.splice(index, 1); // expect: stop-on-evict
}

export function stopTicker(index: number): void {
  const [ticker] = tickers.splice(index, 1); // ok: stop-on-evict
  clearInterval(ticker);
}
