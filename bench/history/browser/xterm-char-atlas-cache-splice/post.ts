// history: xtermjs/xterm.js fe9eb7d31ebb — https://github.com/xtermjs/xterm.js/commit/fe9eb7d31ebb0a5935eaf311d97dfbdeb5102477 (diff read)
// leaked: the module-wide charAtlasCache array spliced out an atlas entry once its last terminal changed config or was disposed, without calling atlas.dispose(), so a DynamicCharAtlas' pending bitmap-commit timeout (window.setTimeout) still fired and kept the atlas canvases alive.
// covers: container=array drop=splice resource=custom born=factory env=browser
interface IDisposable {
  dispose(): void;
}

type AtlasKind = 'none' | 'static' | 'dynamic';

interface ITerminalLike {
  options: { experimentalCharAtlas: AtlasKind; fontSize: number };
}

interface IAtlasConfig {
  scaledCharWidth: number;
  scaledCharHeight: number;
  fontSize: number;
  background: string;
}

interface IColors { background: string }

abstract class BaseAtlas implements IDisposable {
  dispose(): void {}
  beginFrame(): void {}
  abstract draw(ctx: CanvasRenderingContext2D, code: number, x: number, y: number): boolean;
}

// the 'none' and 'static' atlases own no timer, only the dynamic one does
class NoneAtlas extends BaseAtlas {
  constructor(_document: Document, _config: IAtlasConfig) { super(); }
  draw(): boolean { return false; }
}
class StaticAtlas extends NoneAtlas {}

const COMMIT_DELAY_MS = 100;

class DynamicAtlas extends BaseAtlas {
  private readonly cacheCanvas: HTMLCanvasElement;
  private pendingGlyphs: number[] = [];
  private commitTimer: number | null = null;
  private bitmap: ImageBitmap | null = null;

  constructor(document: Document, private readonly config: IAtlasConfig) {
    super();
    this.cacheCanvas = document.createElement('canvas');
    this.cacheCanvas.width = 1024;
    this.cacheCanvas.height = 1024;
  }

  override dispose(): void {
    if (this.commitTimer !== null) {
      window.clearTimeout(this.commitTimer);
      this.commitTimer = null;
    }
  }

  draw(ctx: CanvasRenderingContext2D, code: number, x: number, y: number): boolean {
    if (code === 32) return true;
    const { scaledCharWidth: w, scaledCharHeight: h } = this.config;
    ctx.drawImage(this.bitmap ?? this.cacheCanvas, 0, 0, w, h, x, y, w, h);
    this.queueForBitmap(code);
    return true;
  }

  private queueForBitmap(code: number): void {
    this.pendingGlyphs.push(code);
    if (this.commitTimer !== null) return;
    this.commitTimer = window.setTimeout(() => this.commitBitmap(), COMMIT_DELAY_MS);
  }

  private commitBitmap(): void {
    this.pendingGlyphs = [];
    void window.createImageBitmap(this.cacheCanvas).then((bitmap) => {
      this.bitmap = bitmap;
    });
    this.commitTimer = null;
  }
}

const atlasKinds = {
  none: NoneAtlas,
  static: StaticAtlas,
  dynamic: DynamicAtlas,
};

interface IAtlasCacheEntry {
  atlas: BaseAtlas;
  config: IAtlasConfig;
  ownedBy: ITerminalLike[];
}

const charAtlasCache: IAtlasCacheEntry[] = [];

function makeConfig(width: number, height: number, terminal: ITerminalLike, colors: IColors): IAtlasConfig {
  return {
    scaledCharWidth: width,
    scaledCharHeight: height,
    fontSize: terminal.options.fontSize,
    background: colors.background,
  };
}

function sameConfig(a: IAtlasConfig, b: IAtlasConfig): boolean {
  return a.scaledCharWidth === b.scaledCharWidth && a.scaledCharHeight === b.scaledCharHeight &&
    a.fontSize === b.fontSize && a.background === b.background;
}

export function acquireCharAtlas(terminal: ITerminalLike, colors: IColors, width: number, height: number): BaseAtlas {
  const wanted = makeConfig(width, height, terminal, colors);

  // if this terminal already holds an atlas, keep it or let go of it
  for (let i = 0; i < charAtlasCache.length; i++) {
    const entry = charAtlasCache[i];
    const owner = entry.ownedBy.indexOf(terminal);
    if (owner >= 0) {
      if (sameConfig(entry.config, wanted)) {
        return entry.atlas;
      }
      if (entry.ownedBy.length === 1) {
        entry.atlas.dispose();
        charAtlasCache.splice(i, 1);
      } else {
        entry.ownedBy.splice(owner, 1);
      }
      break;
    }
  }

  // share an atlas another terminal already built with the same config
  for (const entry of charAtlasCache) {
    if (sameConfig(entry.config, wanted)) {
      entry.ownedBy.push(terminal);
      return entry.atlas;
    }
  }

  const created: IAtlasCacheEntry = {
    atlas: new atlasKinds[terminal.options.experimentalCharAtlas](document, wanted),
    config: wanted,
    ownedBy: [terminal],
  };
  charAtlasCache.push(created);
  return created.atlas;
}

export function removeTerminalFromCache(terminal: ITerminalLike): void {
  for (let i = 0; i < charAtlasCache.length; i++) {
    const owner = charAtlasCache[i].ownedBy.indexOf(terminal);
    if (owner !== -1) {
      if (charAtlasCache[i].ownedBy.length === 1) {
        charAtlasCache[i].atlas.dispose();
        charAtlasCache.splice(i, 1);
      } else {
        charAtlasCache[i].ownedBy.splice(owner, 1);
      }
      break;
    }
  }
}
