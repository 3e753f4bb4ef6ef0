// Shape from bullmq's ChildPool: the child's release is a public kill() in front of a private
// killProcess(). Resetting the pool after killing copies of every child is fine (must not report);
// removing one without kill() leaks its process, and the message must name kill() (must report).
import { fork, type ChildProcess } from 'node:child_process';

class Child {
  private proc?: ChildProcess;

  init(script: string): void {
    this.proc = fork(script);
  }

  private killProcess(): void {
    this.proc?.kill();
  }

  kill(): void {
    this.killProcess();
  }
}

export class ChildPool {
  private retained: { [id: string]: Child } = {};

  retain(id: string, script: string): Child {
    const existing = this.retained[id];
    if (existing) return existing;
    const child = new Child();
    child.init(script);
    this.retained[id] = child; // ok: stop-on-evict
    return child;
  }

  remove(id: string): void {
    delete this.retained[id]; // expect: stop-on-evict
  }

  clean(): void {
    const children = Object.values(this.retained);
    this.retained = {}; // ok: stop-on-evict
    children.forEach((child) => child.kill());
  }
}
