/** An ES module written as .mts: jobs polled on an interval, one per id. */
const jobs = new Map<string, NodeJS.Timeout>();

export function schedule(id: string, run: () => void): void {
  if (!jobs.has(id)) jobs.set(id, setInterval(run, 1000));
}

export function unschedule(id: string): void {
  jobs.delete(id); // LEAK: the interval keeps running
}
