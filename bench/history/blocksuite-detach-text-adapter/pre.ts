// history: toeverything/blocksuite 47d17e2f32ff — https://github.com/toeverything/blocksuite/commit/47d17e2f32ff77ceaa236c2ed7047afe3a6f8116 (diff read)
// leaked: Store.detachText() removed a rich-text block's TextAdapter from textAdapters when its element disconnected, without calling destroy(), so the Y.Text observer and the Quill 'editor-change' handler it registered stayed attached.
// covers: container=map drop=delete resource=custom born=factory
// Shaped like the yjs and quill declarations (only the members used here).
declare class YTextEvent {
  readonly delta: Array<{ insert?: string; retain?: number; delete?: number }>;
}
declare class YText {
  observe(fn: (event: YTextEvent) => void): void;
  unobserve(fn: (event: YTextEvent) => void): void;
  toDelta(): unknown[];
}
declare class Quill {
  on(event: 'editor-change', handler: (...args: unknown[]) => void): this;
  off(event: 'editor-change', handler: (...args: unknown[]) => void): this;
  setContents(delta: unknown[]): void;
  updateContents(delta: unknown[]): void;
}

class QuillBinding {
  constructor(
    readonly text: YText,
    readonly editor: Quill,
  ) {
    text.observe(this.onRemoteChange);
    editor.setContents(text.toDelta());
    editor.on('editor-change', this.onLocalChange);
  }

  private onRemoteChange = (event: YTextEvent): void => {
    this.editor.updateContents(event.delta);
  };

  private onLocalChange = (..._args: unknown[]): void => {
    // forwards user edits into the shared text
  };

  destroy(): void {
    this.text.unobserve(this.onRemoteChange);
    this.editor.off('editor-change', this.onLocalChange);
  }
}

export class BlockStore {
  readonly bindings = new Map<string, QuillBinding>();

  constructor(private readonly texts: (id: string) => YText) {}

  attachText(id: string, editor: Quill): void {
    const binding = new QuillBinding(this.texts(id), editor);
    this.bindings.set(id, binding);
  }

  detachText(id: string): void {
    this.bindings.delete(id); // expect: stop-on-evict
  }
}
