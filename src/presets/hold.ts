/**
 * Per-window state of one vendor: calls held before the choice, whether it may send, whether its
 * loader was requested, the ids it was started with. Kept on the window so two windows (or test
 * runs) never share it, and so a second init() after destroy() finds what the first one started.
 */
export interface Vendor {
  held: (() => void)[];
  state: 0 | 1 | 2; // undecided, allowed, refused
  loaded?: boolean;
  inited: string[];
}

const KEY = Symbol.for('kelisim.vendors');

export function vendor(w: Window & Record<string, any>, name: string): Vendor {
  const all = (w[KEY as unknown as string] = w[KEY as unknown as string] || {});
  return (all[name] = all[name] || { held: [], state: 0, inited: [] });
}

/** A page's call: made at once when allowed, kept in order while undecided, dropped once refused. */
export function hold(v: Vendor, call: () => void): void {
  if (v.state == 1) call();
  else if (!v.state) v.held.push(call);
}
