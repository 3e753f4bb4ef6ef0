// Helper module for multi-file cases (no findings expected here): a factory returning an interface
// whose `stop()` releases a timer, and a helper that disposes it.
export interface Meter {
  readonly name: string;
  mark(n?: number): void;
  stop(): void;
}

export function createMeter(name: string, report: (name: string, rate: number) => void): Meter {
  let count = 0;
  const timer = setInterval(() => {
    report(name, count);
    count = 0;
  }, 1_000);
  return {
    name,
    mark: (n = 1) => {
      count += n;
    },
    stop: () => clearInterval(timer),
  };
}

export function disposeMeter(meter: Meter): void {
  meter.stop();
}

export function logMeter(meter: Meter | undefined): void {
  if (meter) console.log('meter', meter.name);
}
