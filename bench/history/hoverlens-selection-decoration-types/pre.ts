// history: NonSpicyBurrito/hoverlens 73124a8a5164 — https://github.com/NonSpicyBurrito/hoverlens/commit/73124a8a51646607b19bf75110c98423f74d96ca (diff read)
// leaked: on every cursor move the extension replaced its currentDecorations array with freshly created decoration types after only blanking the old ones with setDecorations(type, []), never disposing them, so each selection change leaked a batch of TextEditorDecorationTypes.
// covers: container=array drop=reassign resource=custom born=factory
interface Disposable {
  dispose(): any;
}

interface Position {
  readonly line: number;
  readonly character: number;
}

interface Selection {
  readonly active: Position;
}

interface TextDocument {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

interface TextEditorDecorationType extends Disposable {
  readonly key: string;
}

interface TextEditor {
  readonly document: TextDocument;
  setDecorations(type: TextEditorDecorationType, ranges: readonly Selection[]): void;
}

interface TextEditorSelectionChangeEvent {
  readonly textEditor: TextEditor;
  readonly selections: readonly Selection[];
}

interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

declare class CancellationTokenSource {
  readonly token: CancellationToken;
  cancel(): void;
}

interface ExtensionContext {
  readonly subscriptions: Disposable[];
}

declare const window: {
  createTextEditorDecorationType(options: { after?: { contentText?: string; margin?: string } }): TextEditorDecorationType;
  onDidChangeTextEditorSelection(listener: (e: TextEditorSelectionChangeEvent) => any): Disposable;
};

declare function makeSelection(line: number): Selection;
declare function fetchHoverLines(editor: TextEditor, position: Position): Promise<string[]>;
declare function debounce<A extends unknown[]>(fn: (...args: A) => unknown, getMs: () => number): (...args: A) => void;

type LineDecoration = readonly [TextEditor, TextEditorDecorationType, number];

async function getDecorations(editor: TextEditor, selections: readonly Selection[]): Promise<LineDecoration[]> {
  if (!selections.length) return [];
  const result: LineDecoration[] = [];
  for (const { active } of selections) {
    const lines = await fetchHoverLines(editor, active);
    const room = Math.min(lines.length, editor.document.lineCount - active.line);
    for (let i = 0; i < room; i++) {
      const type = window.createTextEditorDecorationType({ after: { contentText: lines[i], margin: '0 0 0 2em' } });
      result.push([editor, type, active.line + i] as const);
    }
  }
  return result;
}

export function activate(context: ExtensionContext): void {
  let tokenSource: CancellationTokenSource | undefined;
  let currentDecorations: LineDecoration[] = [];

  const updateDecorations = debounce(async (event: TextEditorSelectionChangeEvent) => {
    tokenSource = new CancellationTokenSource();
    const token = tokenSource.token;
    const decorations = await getDecorations(event.textEditor, event.selections);
    if (token.isCancellationRequested) return;

    currentDecorations.forEach(([editor, type]) => editor.setDecorations(type, []));

    currentDecorations = decorations; // expect: stop-on-evict
    currentDecorations.forEach(([editor, type, line]) => editor.setDecorations(type, [makeSelection(line)]));
  }, () => 50);

  context.subscriptions.push(
    window.onDidChangeTextEditorSelection((event) => {
      tokenSource?.cancel();
      updateDecorations(event);
    }),
  );
}
