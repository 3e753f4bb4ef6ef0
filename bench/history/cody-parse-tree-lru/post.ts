// history: sourcegraph/cody e806f7c10393 — https://github.com/sourcegraph/cody/commit/e806f7c1039349d6c532a05cbee01c072cb4b1d3 (diff read)
// leaked: the per-document LRU of tree-sitter parse trees had no dispose hook, so every tree replaced on re-parse or edit, or evicted past the 10-entry cap, was dropped without Tree.delete() and its WASM memory was never freed (CODY-3616).
// covers: container=cache:lru-cache drop=overwrite resource=custom born=factory
import { LRUCache } from 'lru-cache';

interface Point {
  row: number;
  column: number;
}

interface Edit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

declare class Tree {
  readonly rootNode: { type: string };
  edit(delta: Edit): Tree;
  delete(): void;
}

interface WrappedParser {
  safeParse(input: string, previousTree?: Tree): Tree;
}

interface TextDocument {
  readonly uri: { toString(): string };
  getText(): string;
  positionAt(offset: number): { line: number; character: number };
}

interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

declare function getParser(doc: TextDocument): WrappedParser | undefined;

const parseTreesPerFile = new LRUCache<string, Tree>({
  max: 10,
  // trees hold WASM memory: free each one once the cache lets go of it
  disposeAfter: (tree) => tree.delete(),
});

export function getCachedParseTree(document: TextDocument): { tree: Tree; parser: WrappedParser; cacheKey: string } | null {
  const parser = getParser(document);
  const cacheKey = document.uri.toString();
  const tree = parseTreesPerFile.get(cacheKey);
  if (!tree || !parser) {
    return null;
  }
  return { tree, parser, cacheKey };
}

export function updateParseTreeCache(document: TextDocument, parser: WrappedParser): void {
  const tree = parser.safeParse(document.getText());
  parseTreesPerFile.set(document.uri.toString(), tree); // ok: stop-on-evict
}

export function updateParseTreeOnEdit(document: TextDocument, contentChanges: readonly ContentChange[]): void {
  if (contentChanges.length === 0) {
    return;
  }
  const cached = getCachedParseTree(document);
  if (!cached) {
    return;
  }
  const { tree, parser, cacheKey } = cached;
  for (const change of contentChanges) {
    const start = document.positionAt(change.rangeOffset);
    const oldEnd = document.positionAt(change.rangeOffset + change.rangeLength);
    const newEnd = document.positionAt(change.rangeOffset + change.text.length);
    tree.edit({
      startIndex: change.rangeOffset,
      oldEndIndex: change.rangeOffset + change.rangeLength,
      newEndIndex: change.rangeOffset + change.text.length,
      startPosition: { row: start.line, column: start.character },
      oldEndPosition: { row: oldEnd.line, column: oldEnd.character },
      newEndPosition: { row: newEnd.line, column: newEnd.character },
    });
  }
  // incremental re-parse reuses the old tree as its base
  const updatedTree = parser.safeParse(document.getText(), tree);
  parseTreesPerFile.set(cacheKey, updatedTree); // ok: stop-on-evict
}
