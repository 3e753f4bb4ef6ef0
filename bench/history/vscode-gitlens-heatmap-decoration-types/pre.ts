// history: gitkraken/vscode-gitlens a6a0a6712502 — https://github.com/gitkraken/vscode-gitlens/commit/a6a0a6712502b4b14a47bb6435c4412f4fe38f55 (diff read)
// leaked: AnnotationProviderBase.clear() reset its `decorations` array to undefined (and setDecorations() overwrote it) after only blanking the editor, never disposing the per-color TextEditorDecorationTypes the heatmap annotation creates on every render, so each toggle or refresh leaked a batch of decoration types.
// covers: container=array drop=reassign resource=custom born=parameter
interface Disposable {
  dispose(): any;
}

interface Range {
  readonly startLine: number;
  readonly endLine: number;
}

interface TextEditorDecorationType extends Disposable {
  readonly key: string;
}

interface TextEditor {
  setDecorations(type: TextEditorDecorationType, ranges: readonly Range[]): void;
}

declare const window: {
  createTextEditorDecorationType(options: { backgroundColor?: string; gutterIconPath?: string }): TextEditorDecorationType;
};

interface BlameLine {
  readonly line: number;
  readonly date: Date;
}

type Decoration = {
  decorationType: TextEditorDecorationType;
  ranges: Range[];
};

const sharedGutterDecoration = window.createTextEditorDecorationType({ gutterIconPath: 'blame.svg' });

function addOrUpdateHeatmapDecoration(date: Date, range: Range, map: Map<string, Decoration>): void {
  const age = Math.min(255, Math.floor((Date.now() - date.getTime()) / 86_400_000));
  const key = `rgba(${255 - age},0,${age},0.6)`;
  const existing = map.get(key);
  if (existing == null) {
    map.set(key, {
      decorationType: window.createTextEditorDecorationType({ backgroundColor: key }),
      ranges: [range],
    });
  } else {
    existing.ranges.push(range);
  }
}

abstract class AnnotationProviderBase implements Disposable {
  private decorations: Decoration[] | undefined;

  constructor(protected readonly editor: TextEditor | undefined) {}

  dispose(): any {
    this.clear();
  }

  clear(): void {
    if (this.editor == null) return;

    if (this.decorations?.length) {
      for (const d of this.decorations) {
        try {
          this.editor.setDecorations(d.decorationType, []);
        } catch {}
      }
      this.decorations = undefined; // expect: stop-on-evict
    }
  }

  protected setDecorations(decorations: Decoration[]): void {
    if (this.decorations?.length) {
      this.clear();
    }

    this.decorations = decorations; // expect: stop-on-evict
    for (const d of decorations) {
      this.editor?.setDecorations(d.decorationType, d.ranges);
    }
  }

  abstract provideAnnotation(lines: BlameLine[]): boolean;
}

export class GutterBlameProvider extends AnnotationProviderBase {
  provideAnnotation(lines: BlameLine[]): boolean {
    const ranges = lines.map((l) => ({ startLine: l.line - 1, endLine: l.line - 1 }));
    this.setDecorations([{ decorationType: sharedGutterDecoration, ranges }]);
    return true;
  }
}

export class HeatmapProvider extends AnnotationProviderBase {
  provideAnnotation(lines: BlameLine[]): boolean {
    const byColor = new Map<string, Decoration>();
    for (const l of lines) {
      addOrUpdateHeatmapDecoration(l.date, { startLine: l.line - 1, endLine: l.line - 1 }, byColor);
    }
    if (byColor.size) {
      this.setDecorations([...byColor.values()]);
    }
    return true;
  }
}
