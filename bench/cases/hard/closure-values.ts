// @eval unscored — PATTERNS.md "hard cases": a resource hidden in a closure stored as the value
// (`() => void` that clears its own timer). Proposed decision: a `() => void` is not a resource (no
// type information says it must be called), so no report; findings here are listed, not scored.
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
