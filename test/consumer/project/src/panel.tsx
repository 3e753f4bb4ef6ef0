/** A .tsx module (no JSX needed to make the point): a refresh timer per panel. */
const refreshers: Record<string, NodeJS.Timeout> = {};

export function mount(panel: string, refresh: () => void): void {
  if (!(panel in refreshers)) refreshers[panel] = setInterval(refresh, 250);
}

export function unmount(panel: string): void {
  delete refreshers[panel]; // LEAK: the refresh timer still fires
}
