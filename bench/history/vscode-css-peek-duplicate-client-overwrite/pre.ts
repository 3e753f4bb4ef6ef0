// history: pranaygp/vscode-css-peek PR #155 — https://github.com/pranaygp/vscode-css-peek/pull/155 (from the PR text)
// leaked: didOpenTextDocument only checked clients.has(folder) and inserted the folder's LanguageClient after an async findFiles, so every document opened in that window started another server and clients.set() overwrote the previous running client, which was never stopped (150+ orphaned server.js processes).
// covers: container=map drop=overwrite resource=custom born=factory

// Shaped like the vscode API declarations (only the members used here).
interface Thenable<T> extends PromiseLike<T> {}
interface Disposable {
  dispose(): void;
}
interface Uri {
  readonly scheme: string;
  readonly fsPath: string;
  toString(): string;
}
interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
}
interface TextDocument {
  readonly uri: Uri;
  readonly languageId: string;
  readonly fileName: string;
}
interface WorkspaceFoldersChangeEvent {
  readonly added: readonly WorkspaceFolder[];
  readonly removed: readonly WorkspaceFolder[];
}
interface ExtensionContext {
  readonly subscriptions: Disposable[];
  asAbsolutePath(relativePath: string): string;
}
declare const Workspace: {
  readonly textDocuments: readonly TextDocument[];
  findFiles(include: string, exclude?: string): Thenable<Uri[]>;
  getWorkspaceFolder(uri: Uri): WorkspaceFolder | undefined;
  onDidOpenTextDocument(listener: (document: TextDocument) => void): Disposable;
  onDidChangeWorkspaceFolders(listener: (event: WorkspaceFoldersChangeEvent) => void): Disposable;
};

// Shaped like vscode-languageclient/node's LanguageClient declarations (only the members used here).
interface ServerOptions {
  run: { module: string; transport: number };
  debug: { module: string; transport: number; options?: { execArgv: string[] } };
}
interface LanguageClientOptions {
  documentSelector: { scheme: string; language: string }[];
  initializationOptions?: unknown;
  workspaceFolder?: WorkspaceFolder;
}
declare class LanguageClient {
  constructor(id: string, name: string, serverOptions: ServerOptions, clientOptions: LanguageClientOptions);
  registerProposedFeatures(): void;
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
}
declare const TransportKind: { readonly ipc: 1 };

const SUPPORTED_EXTENSIONS = ['css', 'scss', 'less'];
const SUPPORTED_EXTENSION_REGEX = /\.(css|scss|less)$/;

let defaultClient: LanguageClient | undefined;
const clients: Map<string, LanguageClient> = new Map();

export function activate(context: ExtensionContext, peekFromLanguages: string[], peekToExclude: string[]): void {
  const module = context.asAbsolutePath('server/out/server.js');
  const peekToInclude = SUPPORTED_EXTENSIONS.map((l) => `**/*.${l}`);
  const documentSelector = [...SUPPORTED_EXTENSIONS, ...peekFromLanguages].map((language) => ({ scheme: 'file', language }));

  function serverOptionsFor(port: number): ServerOptions {
    return {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${port}`] } },
    };
  }

  function didOpenTextDocument(document: TextDocument): void {
    if (
      !['file', 'untitled'].includes(document.uri.scheme) ||
      (!peekFromLanguages.includes(document.languageId) && !SUPPORTED_EXTENSION_REGEX.test(document.fileName))
    ) {
      return;
    }

    const uri = document.uri;
    if (uri.scheme === 'untitled' && !defaultClient) {
      defaultClient = new LanguageClient('css-peek', 'CSS Peek', serverOptionsFor(6010), {
        documentSelector,
        initializationOptions: { stylesheets: [] },
      });
      defaultClient.registerProposedFeatures();
      void defaultClient.start();
      return;
    }

    const folder = Workspace.getWorkspaceFolder(uri);
    if (!folder) return;

    // the guard only sees clients that already finished the async file search
    if (!clients.has(folder.uri.toString())) {
      Workspace.findFiles(`{${peekToInclude.join(',')}}`, `{${peekToExclude.join(',')}}`).then((found) => {
        const stylesheets = found.filter((u) => u.scheme === 'file').map((u) => ({ uri: u.toString(), fsPath: u.fsPath }));
        const client = new LanguageClient('css-peek', 'CSS Peek', serverOptionsFor(6011 + clients.size), {
          documentSelector,
          initializationOptions: { stylesheets },
          workspaceFolder: folder,
        });
        client.registerProposedFeatures();
        void client.start();
        clients.set(folder.uri.toString(), client); // expect: stop-on-evict
      });
    }
  }

  context.subscriptions.push(Workspace.onDidOpenTextDocument(didOpenTextDocument));
  Workspace.textDocuments.forEach(didOpenTextDocument);
  context.subscriptions.push(
    Workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.removed) {
        const client = clients.get(folder.uri.toString());
        if (client) {
          clients.delete(folder.uri.toString());
          void client.stop();
        }
      }
    }),
  );
}

export function deactivate(): Thenable<void> {
  const promises: Thenable<void>[] = [];
  if (defaultClient) {
    promises.push(defaultClient.stop());
  }
  for (const client of clients.values()) {
    promises.push(client.stop());
  }
  return Promise.all(promises).then(() => undefined);
}
