// @eval unscored — PATTERNS.md "hard cases": a timer removed on one branch of a promise and left to fire
// on another (bounded, benign: a one-shot timeout that fires later and finds nothing).
const timeouts = new Map<string, NodeJS.Timeout>();

export async function withDeadline<T>(id: string, work: Promise<T>, ms: number): Promise<T> {
  if (timeouts.has(id)) throw new Error(`${id} busy`);
  timeouts.set(id, setTimeout(() => timeouts.delete(id), ms));
  try {
    const value = await work;
    clearTimeout(timeouts.get(id));
    timeouts.delete(id);
    return value;
  } catch (err) {
    timeouts.delete(id);
    throw err;
  }
}
