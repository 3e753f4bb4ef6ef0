// history: sveltejs/language-tools 826f4ddf8db4 — https://github.com/sveltejs/language-tools/commit/826f4ddf8db4f90c522675534f7fd27ad18ffafe (diff read)
// leaked: SnapshotManager.set() overwrote a file's previous DocumentSnapshot in `documents` without releasing it, so the wasm-backed SourceMapConsumer held by the old snapshot's lazily built fragment was never destroyed (one per edit).
// covers: container=map drop=overwrite resource=custom born=parameter
interface Position {
  line: number;
  character: number;
}

interface RawSourceMap {
  version: number;
  mappings: string;
  sources: string[];
}

interface SourceMapConsumer {
  originalPositionFor(pos: { line: number; column: number }): { line: number | null; column: number | null };
  destroy(): void;
}

interface SourceMapConsumerConstructor {
  new (rawSourceMap: RawSourceMap): Promise<SourceMapConsumer>;
}

declare const SourceMapConsumer: SourceMapConsumerConstructor;

class IdentityMapper {
  constructor(private readonly url: string) {}

  getOriginalPosition(pos: Position): Position {
    return pos;
  }

  getURL(): string {
    return this.url;
  }
}

class ConsumerMapper {
  constructor(
    private readonly consumer: SourceMapConsumer,
    private readonly url: string,
    private readonly prependedLines: number,
  ) {}

  getOriginalPosition(pos: Position): Position {
    const mapped = this.consumer.originalPositionFor({
      line: pos.line - this.prependedLines + 1,
      column: pos.character,
    });
    return { line: (mapped.line ?? 0) - 1, character: mapped.column ?? 0 };
  }

  getURL(): string {
    return this.url;
  }
}

type DocumentMapper = IdentityMapper | ConsumerMapper;

class SnapshotFragment {
  constructor(
    private readonly mapper: DocumentMapper,
    readonly text: string,
  ) {}

  getOriginalPosition(pos: Position): Position {
    return this.mapper.getOriginalPosition(pos);
  }
}

class SvelteSnapshot {
  private fragment?: SnapshotFragment;

  constructor(
    readonly filePath: string,
    readonly version: number,
    private readonly text: string,
    private readonly prependedLines: number,
    private readonly tsxMap?: RawSourceMap,
  ) {}

  async getFragment(): Promise<SnapshotFragment> {
    if (!this.fragment) {
      this.fragment = new SnapshotFragment(await this.createMapper(), this.text);
    }
    return this.fragment;
  }

  private async createMapper(): Promise<DocumentMapper> {
    const url = `file://${this.filePath}`;
    if (!this.tsxMap) {
      return new IdentityMapper(url);
    }
    return new ConsumerMapper(await new SourceMapConsumer(this.tsxMap), url, this.prependedLines);
  }
}

class ScriptSnapshot extends IdentityMapper {
  constructor(
    readonly filePath: string,
    readonly version: number,
  ) {
    super(`file://${filePath}`);
  }

  async getFragment(): Promise<ScriptSnapshot> {
    return this;
  }
}

type DocumentSnapshot = SvelteSnapshot | ScriptSnapshot;

export class SnapshotManager {
  private static readonly byTsconfig = new Map<string, SnapshotManager>();

  static forTsconfig(tsconfigPath: string): SnapshotManager {
    let manager = this.byTsconfig.get(tsconfigPath);
    if (!manager) {
      manager = new SnapshotManager();
      this.byTsconfig.set(tsconfigPath, manager);
    }
    return manager;
  }

  private readonly documents = new Map<string, DocumentSnapshot>();

  set(fileName: string, snapshot: DocumentSnapshot) {
    return this.documents.set(fileName, snapshot); // expect: stop-on-evict
  }

  get(fileName: string): DocumentSnapshot | undefined {
    return this.documents.get(fileName);
  }

  fileNames(): string[] {
    return Array.from(this.documents.keys());
  }
}
