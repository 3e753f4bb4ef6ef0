// history: vuejs/language-tools 5c65365543af — https://github.com/vuejs/language-tools/commit/5c65365543af5b34443d9cc2e542e491873e24d2 (diff read)
// leaked: whenever the root directory watcher reported an existing tsconfig.json, add() built a second project service and overwrote the tsconfig's entry in languageServices without calling the old entry's dispose(), so its file/directory watchers and language service kept running (and kept diagnosing) forever.
// covers: container=map drop=overwrite resource=custom born=factory
interface Disposable {
  dispose(): any;
}

interface FileWatcher {
  close(): void;
}

declare const sys: {
  fileExists(path: string): boolean;
  readDirectory(root: string, names: string[]): string[];
  watchFile(path: string, callback: (fileName: string, kind: 'changed' | 'deleted') => void): FileWatcher;
  watchDirectory(path: string, callback: (fileName: string) => void, recursive?: boolean): FileWatcher;
};

interface ParsedConfig {
  fileNames: string[];
}

interface VueLanguageService {
  validate(uri: string): Promise<string[]>;
  dispose(): void;
}

interface TextDocument {
  readonly uri: string;
}

interface TextDocuments {
  onDidChangeContent(listener: (e: { document: TextDocument }) => void): Disposable;
}

declare function parseConfig(tsConfig: string): ParsedConfig;
declare function createVueLanguageService(getConfig: () => ParsedConfig): VueLanguageService;
declare function basename(path: string): string;
declare function dirname(path: string): string;

interface ProjectService {
  languageService: VueLanguageService;
  getParsedConfig(): ParsedConfig;
  dispose(): void;
}

export function createProjects(documents: TextDocuments, rootPath: string) {
  const configNames = ['tsconfig.json', 'jsconfig.json'];
  const languageServices = new Map<string, ProjectService>();

  for (const tsConfig of sys.readDirectory(rootPath, configNames)) {
    add(tsConfig);
  }

  sys.watchDirectory(
    rootPath,
    (fileName) => {
      if (!configNames.includes(basename(fileName))) return;
      if (sys.fileExists(fileName)) {
        add(fileName);
      } else {
        remove(fileName);
      }
    },
    true,
  );

  return { services: languageServices };

  function add(tsConfig: string): void {
    let disposed = false;
    let parsed = parseConfig(tsConfig);
    const fileWatchers = new Map<string, FileWatcher>();
    const languageService = createVueLanguageService(() => parsed);

    const configWatcher = sys.watchFile(tsConfig, (_name, kind) => {
      if (kind === 'changed') {
        parsed = parseConfig(tsConfig);
        syncFileWatchers();
      }
    });
    const dirWatcher = sys.watchDirectory(dirname(tsConfig), () => {
      if (!disposed) {
        parsed = parseConfig(tsConfig);
        syncFileWatchers();
      }
    }, true);
    documents.onDidChangeContent((e) => void languageService.validate(e.document.uri));
    syncFileWatchers();

    languageServices.set(tsConfig, { // expect: stop-on-evict
      languageService,
      getParsedConfig: () => parsed,
      dispose,
    });

    function syncFileWatchers(): void {
      const wanted = new Set(parsed.fileNames);
      for (const [fileName, watcher] of fileWatchers) {
        if (!wanted.has(fileName)) {
          watcher.close();
          fileWatchers.delete(fileName);
        }
      }
      for (const fileName of wanted) {
        if (!fileWatchers.has(fileName)) {
          fileWatchers.set(fileName, sys.watchFile(fileName, () => void languageService.validate(fileName)));
        }
      }
    }

    function dispose(): void {
      disposed = true;
      for (const watcher of fileWatchers.values()) {
        watcher.close();
      }
      dirWatcher.close();
      configWatcher.close();
      languageService.dispose();
    }
  }

  function remove(tsConfig: string): void {
    languageServices.get(tsConfig)?.dispose();
    languageServices.delete(tsConfig);
  }
}
