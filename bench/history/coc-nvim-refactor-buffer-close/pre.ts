// history: neoclide/coc.nvim 2dbe0ae611f2 — https://github.com/neoclide/coc.nvim/commit/2dbe0ae611f218ed65e7095824f31dda433d00ff (diff read)
// leaked: when a refactor buffer's document closed, Refactor removed its RefactorBuffer from the buffers map without disposing it, so the buffer-local <CR> keymap and its workspace text-change listener stayed registered for a buffer that no longer existed.
// covers: container=map drop=delete resource=listener born=factory
interface Disposable {
  dispose(): void;
}

type Event<T> = (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]) => Disposable;

interface DidChangeTextDocumentParams {
  bufnr: number;
  contentChanges: { text: string }[];
}

interface TextDocumentLike {
  bufnr: number;
  uri: string;
}

interface Neovim {
  eval(expr: string): Promise<unknown>;
  command(cmd: string, isNotify?: boolean): void;
}

declare const workspace: {
  readonly nvim: Neovim;
  readonly onDidCloseTextDocument: Event<TextDocumentLike>;
  readonly onDidChangeTextDocument: Event<DidChangeTextDocumentParams>;
  registerLocalKeymap(mode: string, key: string, fn: () => unknown, notify?: boolean): Disposable;
};

function disposeAll(disposables: Disposable[]): void {
  while (disposables.length) {
    disposables.pop()!.dispose();
  }
}

interface RefactorConfig {
  openCommand: string;
  saveToFile: boolean;
}

class RefactorBuffer {
  private _disposed = false;
  private disposables: Disposable[] = [];

  constructor(
    private readonly bufnr: number,
    private readonly nvim: Neovim,
    readonly config: RefactorConfig,
  ) {
    this.disposables.push(workspace.registerLocalKeymap('n', '<CR>', this.splitOpen.bind(this), true));
    workspace.onDidChangeTextDocument(this.onDocumentChange, this, this.disposables);
  }

  onChange(_e: DidChangeTextDocumentParams): void {
    if (this._disposed) return;
  }

  private onDocumentChange(e: DidChangeTextDocumentParams): void {
    if (e.bufnr === this.bufnr) return;
  }

  private async splitOpen(): Promise<void> {
    this.nvim.command(`${this.config.openCommand} split`, true);
  }

  dispose(): void {
    this._disposed = true;
    disposeAll(this.disposables);
  }
}

let refactorId = 0;

export default class Refactor {
  private nvim: Neovim;
  private buffers: Map<number, RefactorBuffer> = new Map();
  config: RefactorConfig = { openCommand: 'edit', saveToFile: true };
  private disposables: Disposable[] = [];

  constructor() {
    this.nvim = workspace.nvim;
    workspace.onDidCloseTextDocument(
      (e) => {
        const buf = this.buffers.get(e.bufnr);
        if (buf) this.buffers.delete(e.bufnr); // expect: stop-on-evict
      },
      null,
      this.disposables,
    );
    workspace.onDidChangeTextDocument(
      (e) => {
        const buf = this.buffers.get(e.bufnr);
        if (buf) buf.onChange(e);
      },
      null,
      this.disposables,
    );
  }

  getBuffer(bufnr: number): RefactorBuffer | undefined {
    return this.buffers.get(bufnr);
  }

  async createRefactorBuffer(): Promise<RefactorBuffer> {
    this.nvim.command(`${this.config.openCommand} __coc_refactor__${refactorId++}`, true);
    const bufnr = (await this.nvim.eval('bufnr("%")')) as number;
    const buf = new RefactorBuffer(bufnr, this.nvim, this.config);
    this.buffers.set(bufnr, buf);
    return buf;
  }

  dispose(): void {
    for (const buf of this.buffers.values()) {
      buf.dispose();
    }
    this.buffers.clear();
    disposeAll(this.disposables);
  }
}
