// history: ProseMirror/prosemirror-view f25f340bd87b — https://github.com/ProseMirror/prosemirror-view/commit/f25f340bd87b95a12ba7cd99fe6a5042b2e6920e (diff read)
// leaked: when a node's markup changed, ViewTreeUpdater put a freshly created wrapper into top.children over the old NodeViewDesc without destroying it, so the old custom node view's destroy() never ran.
// covers: container=array drop=overwrite resource=custom born=factory env=browser
// What the fix left: it destroys `next`, the child at `i`, but stores the new wrapper at `this.index`; when `i` is past `this.index` the child overwritten there is never destroyed. Upstream destroyed the children between the two (`destroyBetween(this.index, i)`) in d97a3c1f8cec (2024-09-16).

interface PMNode {
  readonly type: string;
  readonly childCount: number;
  sameMarkup(other: PMNode): boolean;
}

// The user-supplied node view (NodeViewConstructor in prosemirror-view).
interface NodeView {
  dom: HTMLElement;
  contentDOM?: HTMLElement | null;
  update?: (node: PMNode) => boolean;
  destroy?: () => void;
}
type NodeViewFactory = (node: PMNode) => NodeView;

class ViewDesc {
  parent: ViewDesc | undefined;
  children: ViewDesc[] = [];
  dirty = 0;

  constructor(
    readonly dom: HTMLElement,
    readonly contentDOM: HTMLElement | null,
  ) {}

  destroy(): void {
    this.parent = undefined;
    for (const child of this.children) child.destroy();
  }
}

class NodeViewDesc extends ViewDesc {
  constructor(
    public node: PMNode,
    dom: HTMLElement,
    contentDOM: HTMLElement | null,
  ) {
    super(dom, contentDOM);
  }

  static create(parent: ViewDesc, node: PMNode, nodeViews: Record<string, NodeViewFactory>): NodeViewDesc {
    const factory = nodeViews[node.type];
    const desc = factory
      ? new CustomNodeViewDesc(node, factory(node))
      : new NodeViewDesc(node, document.createElement('div'), document.createElement('div'));
    desc.parent = parent;
    return desc;
  }

  update(node: PMNode): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    return true;
  }
}

class CustomNodeViewDesc extends NodeViewDesc {
  constructor(
    node: PMNode,
    readonly spec: NodeView,
  ) {
    super(node, spec.dom, spec.contentDOM ?? null);
  }

  override destroy(): void {
    this.spec.destroy?.();
    super.destroy();
  }
}

export class ViewTreeUpdater {
  index = 0;

  constructor(
    readonly top: ViewDesc,
    private readonly nodeViews: Record<string, NodeViewFactory>,
  ) {}

  updateNextNode(node: PMNode): boolean {
    for (let i = this.index; i < this.top.children.length; i++) {
      const next = this.top.children[i];
      if (next instanceof NodeViewDesc) {
        if (next.update(node)) {
          this.destroyBetween(this.index, i);
          this.index++;
          return true;
        }
        const updated = this.recreateWrapper(next, node);
        if (updated) {
          this.top.children[this.index] = updated; // left: stop-on-evict (fixed later upstream: d97a3c1f8cec https://github.com/ProseMirror/prosemirror-view/commit/d97a3c1f8cecb9d34f426e3d70fd3bd098d5ebf6)
          this.index++;
          return true;
        }
        break;
      }
    }
    return false;
  }

  // A node whose markup changed but whose content is identical gets a new
  // wrapper that adopts the old node view's children.
  private recreateWrapper(next: NodeViewDesc, node: PMNode): NodeViewDesc | null {
    if (next.dirty || !next.children.length || node.childCount !== next.node.childCount) return null;
    const wrapper = NodeViewDesc.create(this.top, node, this.nodeViews);
    if (!wrapper.contentDOM) return null;
    wrapper.children = next.children;
    next.children = [];
    next.destroy();
    for (const child of wrapper.children) child.parent = wrapper;
    return wrapper;
  }

  private destroyBetween(start: number, end: number): void {
    if (start === end) return;
    for (let i = start; i < end; i++) this.top.children[i].destroy();
    this.top.children.splice(start, end - start);
  }
}
