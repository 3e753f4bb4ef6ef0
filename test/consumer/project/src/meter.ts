/** A meter starts a timer; only stop() clears it. */
export class Meter {
  readonly #timer: NodeJS.Timeout;
  #count = 0;

  constructor(readonly route: string) {
    this.#timer = setInterval(() => {
      this.#count = 0;
    }, 1000);
  }

  mark(): void {
    this.#count++;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

export function createMeter(route: string): Meter {
  return new Meter(route);
}
