// Shape (must report): module-level Map of timeout handles — `set(jobId, setTimeout(…))` over a key
// that may already hold an armed timer, and `delete(jobId)` on cancel without `clearTimeout`.
// Must not report: the delete inside the one-shot timer's own callback (it has already fired).
const pending = new Map<number, ReturnType<typeof setTimeout>>();

function runJob(jobId: number): void {
  console.log('running job', jobId);
}

export function schedule(jobId: number, delayMs: number): void {
  pending.set( // expect: stop-on-evict
    jobId,
    setTimeout(() => {
      pending.delete(jobId); // ok: stop-on-evict
      runJob(jobId);
    }, delayMs),
  );
}

export function cancel(jobId: number): boolean {
  return pending.delete(jobId); // expect: stop-on-evict
}

export function pendingCount(): number {
  return pending.size;
}
