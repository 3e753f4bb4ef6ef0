// history: opensumi/core 9ce38238d99c — https://github.com/opensumi/core/commit/9ce38238d99c543d89832311df5c33f6607f5e7f (diff read)
// leaked: when the editor closed a model, the extension host's ExtensionDocumentDataManagerImpl.$fireModelRemovedEvent deleted its ExtHostDocumentData from _documents without disposing it, so the TextDocument extensions still held kept its full line buffer alive and kept reporting isClosed === false.
// covers: container=map drop=delete resource=custom born=constructor
// Shapes of @opensumi/ide-core-common (VS Code's Emitter/Event ported) and of the vscode API types used.
interface IDisposable {
  dispose(): void;
}
interface Event<T> {
  (listener: (e: T) => any, thisArgs?: any, disposables?: IDisposable[]): IDisposable;
}
declare class Emitter<T> {
  get event(): Event<T>;
  fire(event: T): void;
  dispose(): void;
}
declare class Uri {
  static parse(value: string): Uri;
  readonly scheme: string;
  readonly fsPath: string;
  toString(): string;
}
interface TextDocument {
  readonly uri: Uri;
  readonly fileName: string;
  readonly languageId: string;
  readonly version: number;
  readonly isClosed: boolean;
  readonly isDirty: boolean;
  readonly lineCount: number;
  getText(): string;
  save(): Promise<boolean>;
}

interface IMainThreadDocumentsShape {
  $trySaveDocument(uri: string): Promise<boolean>;
}
interface IExtensionDocumentModelOpenedEvent {
  uri: string;
  lines: string[];
  eol: string;
  versionId: number;
  languageId: string;
  dirty: boolean;
}

class MirrorTextModel {
  protected _uri: Uri;
  protected _lines: string[];
  protected _eol: string;
  protected _versionId: number;

  constructor(uri: Uri, lines: string[], eol: string, versionId: number) {
    this._uri = Uri.parse(uri.toString());
    this._lines = lines;
    this._eol = eol;
    this._versionId = versionId;
  }

  dispose(): void {
    this._lines.length = 0;
  }

  getText(): string {
    return this._lines.join(this._eol);
  }
}

class ExtHostDocumentData extends MirrorTextModel {
  readonly #proxy: IMainThreadDocumentsShape;
  private _languageId: string;
  private _isDirty: boolean;
  private _document?: TextDocument;
  private _isDisposed = false;

  constructor(proxy: IMainThreadDocumentsShape, uri: Uri, lines: string[], eol: string, languageId: string, versionId: number, isDirty: boolean) {
    super(uri, lines, eol, versionId);
    this.#proxy = proxy;
    this._languageId = languageId;
    this._isDirty = isDirty;
  }

  override dispose(): void {
    this._isDisposed = true;
    this._isDirty = false;
  }

  get document(): TextDocument {
    if (!this._document) {
      const data = this;
      this._document = {
        get uri() { return data._uri; },
        get fileName() { return data._uri.fsPath; },
        get languageId() { return data._languageId; },
        get version() { return data._versionId; },
        get isClosed() { return data._isDisposed; },
        get isDirty() { return data._isDirty; },
        get lineCount() { return data._lines.length; },
        getText() { return data.getText(); },
        save() { return data._save(); },
      };
    }
    return this._document;
  }

  _acceptIsDirty(isDirty: boolean): void {
    this._isDirty = isDirty;
  }

  private _save(): Promise<boolean> {
    if (this._isDisposed) {
      return Promise.reject(new Error('Document has been closed'));
    }
    return this.#proxy.$trySaveDocument(this._uri.toString());
  }
}

export class ExtensionDocumentDataManagerImpl {
  private readonly _documents: Map<string, ExtHostDocumentData> = new Map();
  private readonly _onDidOpenTextDocument = new Emitter<TextDocument>();
  private readonly _onDidCloseTextDocument = new Emitter<TextDocument>();
  readonly onDidOpenTextDocument = this._onDidOpenTextDocument.event;
  readonly onDidCloseTextDocument = this._onDidCloseTextDocument.event;

  constructor(private readonly _proxy: IMainThreadDocumentsShape) {}

  getDocumentData(path: Uri | string): ExtHostDocumentData | undefined {
    return this._documents.get(path.toString());
  }

  $fireModelOpenedEvent(e: IExtensionDocumentModelOpenedEvent): void {
    const { uri, eol, languageId, versionId, lines, dirty } = e;
    const document = new ExtHostDocumentData(this._proxy, Uri.parse(uri), lines, eol, languageId, versionId, dirty);
    this._documents.set(uri, document);
    this._onDidOpenTextDocument.fire(document.document);
  }

  $fireModelRemovedEvent(e: { uri: string }): void {
    const { uri } = e;
    const document = this._documents.get(uri.toString());
    if (document) {
      this._documents.delete(uri); // expect: stop-on-evict
      this._onDidCloseTextDocument.fire(document.document);
    }
  }
}
