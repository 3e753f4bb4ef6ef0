// Shapes: the stop happens on one branch only — "when `graceful` is false" the meter leaks (must
// report). With an `else` that also stops, or an early return, every path is covered (must not report).
class Sampler {
  private readonly timer = setInterval(() => this.sample(), 250);
  private readonly samples: number[] = [];

  private sample(): void {
    this.samples.push(process.memoryUsage().rss);
  }

  drain(): number[] {
    return this.samples.splice(0);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export class SamplerRegistry {
  private readonly samplers = new Map<number, Sampler>();

  add(pid: number): void {
    if (this.samplers.has(pid)) throw new Error(`sampler for ${pid} exists`);
    this.samplers.set(pid, new Sampler()); // ok: stop-on-evict
  }

  remove(pid: number, graceful: boolean): void {
    const sampler = this.samplers.get(pid);
    if (graceful) {
      sampler?.drain();
      sampler?.stop();
    }
    this.samplers.delete(pid); // expect: stop-on-evict
  }

  removeBoth(pid: number, graceful: boolean): number[] {
    const sampler = this.samplers.get(pid);
    let rest: number[] = [];
    if (graceful && sampler) {
      rest = sampler.drain();
      sampler.stop();
    } else {
      sampler?.stop();
    }
    this.samplers.delete(pid); // ok: stop-on-evict
    return rest;
  }

  removeEarly(pid: number): void {
    const sampler = this.samplers.get(pid);
    if (sampler === undefined) return;
    sampler.stop();
    this.samplers.delete(pid); // ok: stop-on-evict
  }
}
