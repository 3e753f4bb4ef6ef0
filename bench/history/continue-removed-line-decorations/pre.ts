// history: continuedev/continue 71685897a87c — https://github.com/continuedev/continue/commit/71685897a87ceff868a375ff60841a63dce9535a (diff read)
// leaked: RemovedLineDecorationManager.deleteRangesStartingAt() bumped its counter before disposing, so it disposed the entry after each one it meant to and then spliced the group out of ranges with the second line's decoration type never disposed.
// covers: container=array drop=splice resource=custom born=factory
interface TextEditorDecorationType {
  readonly key: string;
  dispose(): void;
}

interface Position {
  readonly line: number;
}

declare class Range {
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
  readonly start: Position;
}

interface TextEditor {
  setDecorations(decorationType: TextEditorDecorationType, ranges: readonly Range[]): void;
}

declare const window: {
  createTextEditorDecorationType(options: { isWholeLine: boolean; after?: { contentText: string } }): TextEditorDecorationType;
};

// every removed line gets its own decoration type so it can show its old text
const removedLineDecorationType = (line: string) =>
  window.createTextEditorDecorationType({ isWholeLine: true, after: { contentText: line } });

interface RemovedLine {
  line: string;
  range: Range;
  decoration: TextEditorDecorationType;
}

export class RemovedLineDecorationManager {
  ranges: RemovedLine[] = [];

  constructor(private editor: TextEditor) {}

  addLines(startIndex: number, lines: string[]): void {
    lines.forEach((line, i) => {
      this.ranges.push({
        line,
        range: new Range(startIndex + i, 0, startIndex + i, Number.MAX_SAFE_INTEGER),
        decoration: removedLineDecorationType(line),
      });
    });
    this.applyDecorations();
  }

  applyDecorations(): void {
    this.ranges.forEach((r) => this.editor.setDecorations(r.decoration, [r.range]));
  }

  clear(): void {
    this.ranges.forEach((r) => r.decoration.dispose());
    this.ranges = [];
  }

  // removed lines are single-line ranges: a group is a run of consecutive lines
  deleteRangesStartingAt(line: number): RemovedLine[] | undefined {
    for (let i = 0; i < this.ranges.length; i++) {
      if (this.ranges[i].range.start.line === line) {
        this.ranges[i].decoration.dispose();
        let count = 1;
        while (i + count < this.ranges.length && this.ranges[i + count].range.start.line === line + count) {
          count++;
          this.ranges[i + count].decoration.dispose();
        }
        return this.ranges.splice(i, count); // expect: stop-on-evict
      }
    }
    return undefined;
  }
}

export function rejectBlock(manager: RemovedLineDecorationManager, startLine: number): void {
  manager.deleteRangesStartingAt(startLine);
  manager.applyDecorations();
}
