import type { PresetContext } from './preset';

/**
 * Per-window state of one vendor: calls held before the choice, whether it may send, whether its
 * loader was requested. Kept on the window so two windows (or test runs) never share it.
 */
export interface Vendor {
  held: ArrayLike<any>[];
  state: 0 | 1 | 2; // undecided, allowed, refused
  loaded?: boolean;
  inited: string[];
}

const KEY = Symbol.for('kelisim.vendors');

export function vendor(ctx: PresetContext, name: string): Vendor {
  const all = (ctx.w[KEY as unknown as string] = ctx.w[KEY as unknown as string] || {});
  return (all[name] = all[name] || { held: [], state: 0, inited: [] });
}

/** Call held while undecided, dropped while refused, passed on once allowed. */
export function holdOr(v: Vendor, args: any, pass: (args: any) => void): void {
  if (v.state == 1) pass(args);
  else if (v.state == 0) v.held.push(args);
}

/** Deliver held calls in their order, once. */
export function release(v: Vendor, pass: (args: any) => void): void {
  const held = v.held.splice(0);
  held.forEach(pass);
}

/** Load the vendor's script once per page; a failure is reported, never thrown. */
export function loadOnce(ctx: PresetContext, v: Vendor, vendorName: string, src: string, attributes?: Record<string, string>): void {
  if (v.loaded) return;
  v.loaded = true;
  ctx.load(src, attributes).catch(() => {
    v.loaded = false;
    console.error(`Kelisim: ${vendorName} (${ctx.counter.id}) failed to load from ${src}`);
  });
}
