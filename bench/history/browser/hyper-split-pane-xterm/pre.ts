// history: vercel/hyper 3881703e01b7 — https://github.com/vercel/hyper/commit/3881703e01b70942d0915a51ff2bf70077761aa3 (diff read)
// leaked: Terms.onRef() deleted a closed session's Term from this.terms when the component unmounted, but the xterm.js Terminal that Term keeps alive across remounts (for split panes) was never disposed, so every closed pane leaked its terminal, renderer and listeners.
// covers: container=object-map drop=delete resource=custom born=parameter env=browser
// Shaped like xterm.d.ts: Terminal implements IDisposable.
declare class Terminal {
  constructor(options?: { fontSize?: number; cursorBlink?: boolean });
  open(parent: HTMLElement): void;
  focus(): void;
  dispose(): void;
}

type Sessions = Record<string, { title: string }>;

interface TermProps {
  uid: string;
  term: Terminal | null;
  fontSize: number;
  ref_: (uid: string, term: TermView | null) => void;
}

export class TermView {
  term!: Terminal;
  private readonly wrapper: HTMLElement = document.createElement('div');

  constructor(readonly props: TermProps) {
    props.ref_(props.uid, this);
  }

  componentDidMount(): void {
    // a pane that moves inside a split remounts with the Terminal it already had
    const parent = document.createElement('div');
    this.wrapper.appendChild(parent);
    this.term = this.props.term ?? new Terminal({ fontSize: this.props.fontSize });
    if (!this.props.term) {
      this.term.open(parent);
    }
    this.term.focus();
  }

  componentWillUnmount(): void {
    this.wrapper.replaceChildren();
    this.props.ref_(this.props.uid, null);
  }
}

export class TermsView {
  private readonly terms: Record<string, TermView> = {};

  constructor(public props: { sessions: Sessions; activeSession: string }) {
    this.onRef = this.onRef.bind(this);
  }

  onRef(uid: string, term: TermView | null): void {
    if (term) {
      this.terms[uid] = term;
    } else if (!this.props.sessions[uid]) {
      delete this.terms[uid]; // expect: stop-on-evict
    }
  }

  getActiveTerm(): TermView | undefined {
    return this.terms[this.props.activeSession];
  }
}
