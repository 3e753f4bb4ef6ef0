// history: daintreehq/daintree bbea55680d86872afefa4cbf1a9923b58d002a16 — https://github.com/daintreehq/daintree/commit/bbea55680d86872afefa4cbf1a9923b58d002a16 (diff read)
// leaked: when the hook's ref callback moved to a new element, the previous element was deleted from the shared subscriber map while the singleton ResizeObserver kept observing it.
// covers: container=map drop=delete resource=listener born=after-insert env=browser

// React hook signatures, shaped like @types/react (only what is used here).
declare function useState<S>(initial: S): [S, (value: S) => void];
declare function useRef<T>(initial: T): { current: T };
declare function useCallback<T extends (...args: never[]) => unknown>(
  callback: T,
  deps: readonly unknown[],
): T;
declare function useLayoutEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;

const TOLERANCE = 1;

type Subscriber = {
  setTruncated: (v: boolean) => void;
  element: HTMLElement;
};

let singleton: {
  observer: ResizeObserver | null;
  subscribers: Map<HTMLElement, Subscriber>;
  rafId: number | null;
} | null = null;

function getSingleton() {
  if (!singleton) {
    singleton = { observer: null, subscribers: new Map(), rafId: null };
  }
  return singleton;
}

// One animation frame re-measures every registered element.
function scheduleCheck(): void {
  const s = getSingleton();
  if (s.rafId !== null) return;
  s.rafId = requestAnimationFrame(() => {
    s.rafId = null;
    for (const [el, sub] of s.subscribers) {
      if (!el.isConnected) continue;
      sub.setTruncated(el.scrollWidth > el.clientWidth + TOLERANCE);
    }
  });
}

export function useTruncationDetection() {
  const [isTruncated, setIsTruncated] = useState(false);
  const elementRef = useRef<HTMLElement | null>(null);
  const stableSetter = useRef(setIsTruncated);
  stableSetter.current = setIsTruncated;

  const ref = useCallback((el: HTMLElement | null) => {
    const s = getSingleton();
    // Unregister the element this hook measured before.
    const prev = elementRef.current;
    if (prev && s.subscribers.has(prev)) {
      s.subscribers.delete(prev); // expect: stop-on-evict
    }

    elementRef.current = el;

    if (!el) {
      if (s.subscribers.size === 0 && s.observer) {
        s.observer.disconnect();
        s.observer = null;
      }
      return;
    }

    s.subscribers.set(el, { setTruncated: (v) => stableSetter.current(v), element: el });

    if (!s.observer && typeof ResizeObserver !== "undefined") {
      s.observer = new ResizeObserver(() => scheduleCheck());
    }
    if (s.observer) {
      s.observer.observe(el);
    }
    stableSetter.current(el.scrollWidth > el.clientWidth + TOLERANCE);
  }, []);

  // Without ResizeObserver (jsdom / SSR) measure once after layout.
  useLayoutEffect(() => {
    const el = elementRef.current;
    if (!el || typeof ResizeObserver !== "undefined") return;
    setIsTruncated(el.scrollWidth > el.clientWidth + TOLERANCE);
  });

  return { ref, isTruncated };
}
