// history: facebook/lexical cf25494881c9 (PR #8762) — https://github.com/facebook/lexical/commit/cf25494881c9c04b090f6681d7b603ec31e157ff (diff read)
// leaked: positionNodeOnRange kept one absolutely positioned <div> per client rect of the range in lastNodes, and when the range shrank to fewer rects it popped the extra nodes off the array without removing them from the wrapper, so orphan highlight boxes stayed in the DOM until the whole thing was stopped.
// covers: container=array drop=pop resource=custom born=factory env=browser

// lexical
declare class LexicalEditor {
  getRootElement(): null | HTMLElement;
  registerRootListener(
    listener: (rootElement: null | HTMLElement, prevRootElement: null | HTMLElement) => void,
  ): () => void;
}
declare function isHTMLElement(x: unknown): x is HTMLElement;
// @lexical/selection
declare function createRectsFromDOMRange(editor: LexicalEditor, range: Range): Array<ClientRect>;

const observerOptions: MutationObserverInit = {
  attributes: true,
  characterData: true,
  childList: true,
  subtree: true,
};

function toPx(value: number): string {
  return `${value}px`;
}

function uniqueRects(rects: Array<ClientRect>): Array<ClientRect> {
  const seen = new Set<string>();
  return rects.filter((r) => {
    const key = `${r.top}:${r.left}:${r.width}:${r.height}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function positionNodeOnRange(
  editor: LexicalEditor,
  range: Range,
  onReposition: (nodes: Array<HTMLElement>) => void,
): () => void {
  let rootDOMNode: null | HTMLElement = null;
  let parentDOMNode: null | HTMLElement = null;
  let observer: null | MutationObserver = null;
  let lastNodes: Array<HTMLElement> = [];
  const wrapperNode = document.createElement('div');
  wrapperNode.style.position = 'relative';

  function setStyle(node: HTMLElement, prop: 'left' | 'top' | 'width' | 'height', value: string): boolean {
    if (node.style[prop] === value) return false;
    node.style[prop] = value;
    return true;
  }

  function position(): void {
    if (rootDOMNode === null || parentDOMNode === null) {
      throw new Error('position() called while stopped');
    }
    const parentBox = parentDOMNode.getBoundingClientRect();
    const rects = uniqueRects(createRectsFromDOMRange(editor, range));
    if (!wrapperNode.isConnected) {
      parentDOMNode.insertBefore(wrapperNode, parentDOMNode.firstChild);
    }
    let moved = false;
    for (let i = 0; i < rects.length; i++) {
      const rect = rects[i];
      // reuse the box drawn last time for this line when there is one
      const rectNode = lastNodes[i] || document.createElement('div');
      if (rectNode.style.position !== 'absolute') {
        rectNode.style.position = 'absolute';
        moved = true;
      }
      moved = setStyle(rectNode, 'left', toPx(rect.left - parentBox.left)) || moved;
      moved = setStyle(rectNode, 'top', toPx(rect.top - parentBox.top)) || moved;
      moved = setStyle(rectNode, 'width', toPx(rect.width)) || moved;
      moved = setStyle(rectNode, 'height', toPx(rect.height)) || moved;
      if (rectNode.parentNode !== wrapperNode) {
        wrapperNode.append(rectNode);
        moved = true;
      }
      lastNodes[i] = rectNode;
    }
    while (lastNodes.length > rects.length) {
      const node = lastNodes.pop();
      if (node != null) {
        node.remove();
      }
    }
    if (moved) {
      onReposition(lastNodes);
    }
  }

  function stop(): void {
    parentDOMNode = null;
    rootDOMNode = null;
    if (observer !== null) {
      observer.disconnect();
    }
    observer = null;
    wrapperNode.remove();
    for (const node of lastNodes) {
      node.remove();
    }
    lastNodes = [];
  }

  function restart(): void {
    const nextRoot = editor.getRootElement();
    if (nextRoot === null) {
      return stop();
    }
    const nextParent = nextRoot.parentElement;
    if (!isHTMLElement(nextParent)) {
      return stop();
    }
    stop();
    rootDOMNode = nextRoot;
    parentDOMNode = nextParent;
    observer = new MutationObserver((mutations) => {
      const currentRoot = editor.getRootElement();
      const currentParent = currentRoot && currentRoot.parentElement;
      if (currentRoot !== rootDOMNode || currentParent !== parentDOMNode) {
        return restart();
      }
      for (const mutation of mutations) {
        if (!wrapperNode.contains(mutation.target)) {
          return position();
        }
      }
    });
    observer.observe(nextParent, observerOptions);
    position();
  }

  const removeRootListener = editor.registerRootListener(restart);

  return () => {
    removeRootListener();
    stop();
  };
}
