// history: honojs/hono 48e360fcaa10 (PR #5264) — https://github.com/honojs/hono/commit/48e360fcaa107c7706fcf8adccb93505876791dc (diff read)
// leaked: applyProps() in the jsx/dom renderer, when a re-render changed an element's ref prop, set the new ref's cleanup into refCleanupMap over the old one without running it, so the previous ref callback's cleanup (or its ref(null) call) never happened.
// covers: container=weakmap drop=overwrite resource=custom born=factory env=browser

type RefObject = { current: Element | null };
type RefCallback = (element: Element | null) => void | (() => void);
type Props = Record<string, unknown> & { ref?: RefObject | RefCallback | null };

const refCleanups: WeakMap<Element, (() => void) | undefined> = new WeakMap();

function bindRef(element: Element, ref: RefObject | RefCallback | null | undefined): (() => void) | undefined {
  if (typeof ref === 'function') {
    return ref(element) || (() => ref(null));
  }
  if (ref && 'current' in ref) {
    ref.current = element;
    return () => (ref.current = null);
  }
  return undefined;
}

export function applyProps(element: Element, props: Props, previous?: Props): void {
  for (const key in props) {
    const value = props[key];
    if (key === 'children' || (previous && previous[key] === value)) {
      continue;
    }
    if (key === 'ref') {
      const cleanup = bindRef(element, props.ref);
      refCleanups.set(element, cleanup); // expect: stop-on-evict
    } else if (value === null || value === undefined || value === false) {
      element.removeAttribute(key);
    } else {
      element.setAttribute(key, String(value));
    }
  }

  if (previous) {
    for (const key in previous) {
      if (key === 'children' || key in props) {
        continue;
      }
      if (key === 'ref') {
        refCleanups.get(element)?.();
      } else {
        element.removeAttribute(key);
      }
    }
  }
}

export function removeElement(element: Element): void {
  refCleanups.get(element)?.();
  element.remove();
}
