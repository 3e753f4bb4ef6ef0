// @eval unscored — PATTERNS.md "hard cases": a resource hidden in a closure stored as the value
// (`() => void` that clears its own timer). Decided on 2026-12-07: a function written in place whose
// body clears a timer (or makes another releasing or detaching call) is a cleanup function where the
// container's own code calls its values (`cancel()` below), so `forget()` and the `set()` over a key
// are reported; findings here are listed, not scored.
const cancels = new Map<string, () => void>();

export function every(key: string, ms: number, fn: () => void): void {
  const timer = setInterval(fn, ms);
  cancels.set(key, () => clearInterval(timer));
}

export function forget(key: string): void {
  cancels.delete(key);
}

export function cancel(key: string): void {
  cancels.get(key)?.();
  cancels.delete(key);
}
