// history: microsoft/vscode-cpptools 911c39d05438 — https://github.com/microsoft/vscode-cpptools/commit/911c39d054384a181d4fdbef6a844d61151bd20a (diff read)
// leaked: when the polling fallback found compile_commands.json deleted, CppProperties.checkCompileCommands() reset compileCommandsFileWatchers to [] without closing the fs.watch handles it held, so every delete/recreate cycle left the old watchers open.
// covers: container=array drop=reassign resource=watcher born=factory
import * as fs from 'node:fs';

interface Disposable {
  dispose(): any;
}

interface Configuration {
  name: string;
  compileCommands?: string;
}

export class CppProperties {
  private configurations: Configuration[] | undefined;
  private currentIndex = 0;
  private compileCommandsFile: string | null | undefined = undefined;
  private compileCommandsFileWatchers: fs.FSWatcher[] = [];
  private fallbackCheckTime: Date = new Date();
  private changeTimer?: NodeJS.Timeout;
  private readonly changedFiles = new Set<string>();
  private disposables: Disposable[] = [];

  constructor(
    private readonly resolvePath: (path: string | undefined) => string,
    private readonly onCompileCommandsChanged: (path: string) => void,
  ) {}

  private get current(): Configuration | undefined {
    return this.configurations?.[this.currentIndex];
  }

  applyConfigurations(configurations: Configuration[]): void {
    this.configurations = configurations;
    this.updateCompileCommandsFileWatchers();
  }

  updateCompileCommandsFileWatchers(): void {
    if (!this.configurations) {
      return;
    }
    this.compileCommandsFileWatchers.forEach((watcher) => watcher.close());
    this.compileCommandsFileWatchers = [];

    const paths = new Set<string>();
    for (const config of this.configurations) {
      if (config.compileCommands) {
        const resolved = this.resolvePath(config.compileCommands);
        if (fs.existsSync(resolved)) {
          paths.add(resolved);
        }
      }
    }
    try {
      paths.forEach((path) => {
        this.compileCommandsFileWatchers.push(
          fs.watch(path, () => {
            if (this.changeTimer) {
              clearTimeout(this.changeTimer);
            }
            this.changedFiles.add(path);
            this.changeTimer = setTimeout(() => {
              this.changedFiles.forEach((changed) => this.onCompileCommandsChanged(changed));
              this.changedFiles.clear();
              this.changeTimer = undefined;
            }, 1000);
          }),
        );
      });
    } catch {
      // out of watch handles: rely on checkCompileCommands() polling instead
    }
  }

  checkCompileCommands(): void {
    const compileCommands = this.current?.compileCommands;
    if (!compileCommands) {
      return;
    }
    const file = this.resolvePath(compileCommands);
    fs.stat(file, (err, stats) => {
      if (err) {
        if (err.code === 'ENOENT' && this.compileCommandsFile) {
          this.compileCommandsFileWatchers.forEach((watcher) => watcher.close());
          this.compileCommandsFileWatchers = []; // ok: stop-on-evict
          this.onCompileCommandsChanged(file);
          this.compileCommandsFile = null;
        }
      } else if (stats.mtime > this.fallbackCheckTime) {
        this.fallbackCheckTime = new Date();
        this.onCompileCommandsChanged(file);
        this.compileCommandsFile = file;
      }
    });
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.disposables = [];
    this.compileCommandsFileWatchers.forEach((watcher) => watcher.close());
    this.compileCommandsFileWatchers = [];
    if (this.changeTimer) {
      clearTimeout(this.changeTimer);
      this.changeTimer = undefined;
    }
  }
}
