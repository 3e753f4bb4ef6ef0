// history: Dart-Code/Dart-Code 577a9aff3efe — https://github.com/Dart-Code/Dart-Code/commit/577a9aff3efe754d6c8c19306cc882f6facd8641 (diff read)
// leaked: logToUserBuffered() only unref()'d the pending per-category flush timer (unref does not cancel it), then stored a new setTimeout over it in logBufferFlushes, so every partial chunk of stdout/stderr left a live flush timer behind.
// covers: container=object-map drop=overwrite resource=timer born=factory
import type { ChildProcess } from 'node:child_process';

export abstract class DebugSessionOutput {
  private logBuffer: { [category: string]: string } = {};
  private logBufferFlushes: { [category: string]: NodeJS.Timer } = {};

  protected abstract logToUser(text: string, category: string): void;

  attach(proc: ChildProcess): void {
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (data: string) => this.logToUserBuffered(data, 'stdout'));
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (data: string) => this.logToUserBuffered(data, 'stderr'));
  }

  // chunks may end mid-line: hold the tail until a newline or a short quiet period
  protected logToUserBuffered(message: string, category: string): void {
    this.logBufferFlushes[category]?.unref();
    this.logBuffer[category] = (this.logBuffer[category] || '') + message;

    const lastNewLine = this.logBuffer[category].lastIndexOf('\n');
    if (lastNewLine !== -1) {
      const complete = this.logBuffer[category].slice(0, lastNewLine + 1);
      this.logBuffer[category] = this.logBuffer[category].slice(lastNewLine + 1);
      this.logToUser(complete, category);
    } else {
      this.logBufferFlushes[category] = setTimeout(() => this.flushLogBuffer(category), 50); // expect: stop-on-evict
    }
  }

  private flushLogBuffer(category: string): void {
    const pending = this.logBuffer[category];
    delete this.logBuffer[category];
    if (pending) {
      this.logToUser(pending, category);
    }
  }
}
