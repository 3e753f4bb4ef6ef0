/** Node's own handles, through a union value type and an object map. */
const polls = new Map<string, NodeJS.Timeout | undefined>();

export function startPoll(id: string, run: () => void): void {
  if (!polls.has(id)) polls.set(id, setInterval(run, 1000));
}

export function stopAll(): void {
  polls.clear(); // LEAK: every interval keeps running
}

const retries: Record<string, NodeJS.Timeout> = {};

export function scheduleRetry(id: string, run: () => void): void {
  if (!(id in retries)) retries[id] = setTimeout(run, 500);
}

export function forget(id: string): void {
  delete retries[id]; // LEAK: the timeout still fires
}

export function cancel(id: string): void {
  clearTimeout(retries[id]);
  delete retries[id];
}
