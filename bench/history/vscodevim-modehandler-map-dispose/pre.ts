// history: VSCodeVim/Vim be042fdaaf0d — https://github.com/VSCodeVim/Vim/commit/be042fdaaf0dfddea335f20aae1b563cdf99ba2a (diff read)
// leaked: ModeHandlerMap dropped a ModeHandler from its object map (delete when its document closed, reassigning the map to {} when Vim was toggled off) without disposing it, so its selection listener and its embedded neovim child process lived on until the extension shut down.
// covers: container=object-map drop=delete,reassign resource=custom born=constructor
import { spawn, type ChildProcess } from 'node:child_process';

interface Disposable {
  dispose(): any;
}

interface Event<T> {
  (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]): Disposable;
}

interface TextDocument { readonly fileName: string }
interface TextEditor { readonly document: TextDocument }

declare const window: {
  readonly activeTextEditor: TextEditor | undefined;
  readonly onDidChangeTextEditorSelection: Event<{ readonly textEditor: TextEditor }>;
};
declare const workspace: {
  readonly textDocuments: readonly TextDocument[];
  readonly onDidCloseTextDocument: Event<TextDocument>;
};

// promised-neovim-client
interface Nvim {
  input(keys: string): Promise<number>;
  quit(): void;
}
declare function attach(writer: NodeJS.WritableStream, reader: NodeJS.ReadableStream): Promise<Nvim>;

const configuration = { enableNeovim: true, neovimPath: 'nvim' };

class Neovim implements Disposable {
  private process: ChildProcess | undefined;
  private nvim: Nvim | undefined;

  async initialize(): Promise<void> {
    this.process = spawn(configuration.neovimPath, ['-u', 'NONE', '-N', '--embed']);
    this.process.on('error', () => {
      configuration.enableNeovim = false;
    });
    this.nvim = await attach(this.process.stdin!, this.process.stdout!);
  }

  dispose(): void {
    if (this.nvim) {
      this.nvim.quit();
    }
    if (this.process) {
      this.process.kill();
    }
  }
}

class VimState implements Disposable {
  nvim: Neovim | undefined;

  constructor(public editor: TextEditor | undefined) {}

  dispose(): void {
    if (this.nvim) {
      this.nvim.dispose();
    }
  }
}

class ModeHandler implements Disposable {
  private readonly disposables: Disposable[] = [];
  readonly vimState: VimState;

  constructor() {
    this.vimState = new VimState(window.activeTextEditor);
    const listener = window.onDidChangeTextEditorSelection((e) => this.syncCursors(e.textEditor));
    this.disposables.push(listener);
    this.disposables.push(this.vimState);
  }

  private syncCursors(_editor: TextEditor): void {}

  dispose(): void {
    this.disposables.map((d) => d.dispose());
  }
}

class ModeHandlerMapImpl {
  modeHandlerMap: { [key: string]: ModeHandler } = {};

  async getOrCreate(key: string): Promise<[ModeHandler, boolean]> {
    let isNew = false;
    let modeHandler = this.modeHandlerMap[key];
    if (!modeHandler) {
      isNew = true;
      modeHandler = new ModeHandler();
      this.modeHandlerMap[key] = modeHandler;
    }
    return [modeHandler, isNew];
  }

  getKeys(): string[] {
    return Object.keys(this.modeHandlerMap);
  }

  delete(key: string): void {
    delete this.modeHandlerMap[key]; // expect: stop-on-evict
  }

  clear(): void {
    this.modeHandlerMap = {}; // expect: stop-on-evict
  }
}

export const ModeHandlerMap = new ModeHandlerMapImpl();

export async function getAndUpdateModeHandler(subscriptions: Disposable[]): Promise<ModeHandler> {
  const editor = window.activeTextEditor!;
  const [handler, isNew] = await ModeHandlerMap.getOrCreate(editor.document.fileName);
  if (isNew) {
    if (configuration.enableNeovim) {
      const neovim = new Neovim();
      await neovim.initialize();
      handler.vimState.nvim = neovim;
    }
    subscriptions.push(handler);
  }
  handler.vimState.editor = editor;
  return handler;
}

export function activate(): void {
  workspace.onDidCloseTextDocument(async () => {
    const documents = workspace.textDocuments;
    for (const key of ModeHandlerMap.getKeys()) {
      const [modeHandler] = await ModeHandlerMap.getOrCreate(key);
      const editor = modeHandler.vimState.editor;
      if (editor === undefined || documents.indexOf(editor.document) === -1) {
        ModeHandlerMap.delete(key);
      }
    }
  });
}

export function toggleExtension(isDisabled: boolean): void {
  if (isDisabled) {
    ModeHandlerMap.clear();
  }
}
