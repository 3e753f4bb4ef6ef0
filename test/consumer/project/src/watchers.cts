/** A CommonJS module written as .cts: one heartbeat interval per watcher. */
const heartbeats = new Map<string, NodeJS.Timeout>();

function watch(id: string, beat: () => void): void {
  heartbeats.set(id, setInterval(beat, 5000)); // LEAK: replaces a running interval without clearing it
}

function unwatch(id: string): void {
  clearInterval(heartbeats.get(id));
  heartbeats.delete(id);
}

export = { watch, unwatch };
