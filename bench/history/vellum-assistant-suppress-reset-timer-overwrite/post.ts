// history: vellum-ai/vellum-assistant 11b4401da75cb41b68d4be99ef3953a641edebec — https://github.com/vellum-ai/vellum-assistant/pull/130 (diff read)
// leaked: handleModelSet() stored a fresh 300 ms "__suppress_reset__" timeout in debounceTimers over the previous one without clearing it, so the orphaned timer still fired and re-enabled config reloads early.
// covers: container=map drop=overwrite resource=timer

import * as net from 'node:net';
import { watch, type FSWatcher } from 'node:fs';

// Local config helpers (shapes of the project's config/loader module).
declare function loadRawConfig(): Record<string, unknown>;
declare function saveRawConfig(raw: Record<string, unknown>): void;
declare function reloadProvidersFromConfig(): { model: string; provider: string };
declare function getDataDir(): string;

export class DaemonServer {
  private watchers: FSWatcher[] = [];
  private debounceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private suppressConfigReload = false;

  startFileWatchers(): void {
    const handlers: Record<string, () => void> = {
      'config.json': () => {
        if (this.suppressConfigReload) return;
        reloadProvidersFromConfig();
      },
    };
    const watcher = watch(getDataDir(), (_eventType, filename) => {
      if (!filename || !handlers[filename]) return;
      // Debounce: editors often write a file in several steps.
      const existing = this.debounceTimers.get(filename);
      if (existing) clearTimeout(existing);
      const timer = setTimeout(() => {
        this.debounceTimers.delete(filename);
        handlers[filename]();
      }, 200);
      this.debounceTimers.set(filename, timer);
    });
    this.watchers.push(watcher);
  }

  stopFileWatchers(): void {
    for (const timer of this.debounceTimers.values()) {
      clearTimeout(timer);
    }
    this.debounceTimers.clear();
    for (const watcher of this.watchers) {
      watcher.close();
    }
    this.watchers = [];
  }

  handleModelSet(model: string, socket: net.Socket): void {
    try {
      const raw = loadRawConfig();
      raw.model = model;
      // Keep the file watcher from doing a second, redundant reload.
      this.suppressConfigReload = true;
      try {
        saveRawConfig(raw);
      } catch (err) {
        this.suppressConfigReload = false;
        throw err;
      }
      const existingSuppressTimer = this.debounceTimers.get('__suppress_reset__');
      if (existingSuppressTimer) clearTimeout(existingSuppressTimer);
      const resetTimer = setTimeout(() => {
        this.suppressConfigReload = false;
      }, 300);
      this.debounceTimers.set('__suppress_reset__', resetTimer);

      const info = reloadProvidersFromConfig();
      socket.write(JSON.stringify({ type: 'model_info', ...info }) + '\n');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      socket.write(JSON.stringify({ type: 'error', message: `Failed to set model: ${message}` }) + '\n');
    }
  }
}
