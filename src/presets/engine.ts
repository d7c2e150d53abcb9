import type { PresetName } from '../types';
import type { Descriptor, Preset, PresetContext } from './preset';
import { vendor } from './hold';
import { QUEUES } from './queues';

/**
 * The behaviour every preset shares: the queue stub at init; on consent the vendor's init calls,
 * then the held calls in their order, then its loader, once per page; on refusal the held calls
 * dropped, and on a withdrawal the vendor's revoke call, which must get through. A vendor counts
 * as refused only once none of its ids is allowed.
 */
export function preset(name: PresetName, d: Descriptor): Preset {
  const grant = (ctx: PresetContext, more?: boolean) => {
    const { w } = ctx;
    const id = ctx.counter.id!;
    const v = vendor(w, name);
    // Started before its withdrawal (a per-id loader leaves `v.loaded` unset): told of the new consent.
    const again = v.state == 2 && v.inited.length;
    v.state = 1;
    if (again && d.regrant) d.regrant(w);
    if (v.inited.indexOf(id) < 0) d.init(w, id, ctx.counter.options, v.inited.push(id) == 1);
    if (!more) v.held.splice(0).forEach((call) => call());
    const loader = d.perId ? vendor(w, name + id) : v;
    if (loader.loaded) return;
    loader.loaded = true;
    const src = d.src.replace('{id}', encodeURIComponent(id));
    ctx.load(src, d.attributes).catch(() => {
      loader.loaded = false;
      console.error(`Kelisim: ${d.vendor} (${id}) failed to load from ${src}`);
    });
  };
  return {
    cookies: QUEUES[name].cookies,
    types: QUEUES[name].types,
    stub(ctx) {
      QUEUES[name].stub(ctx.w, vendor(ctx.w, name));
      if (d.stub && d.stub(ctx)) grant(ctx);
    },
    grant,
    deny(ctx, withdrawn, shared) {
      // Another of its ids is still allowed: the page's calls are that one's, and a revoke would stop it.
      if ((d.keep && d.keep(ctx)) || shared) return;
      const v = vendor(ctx.w, name);
      v.held.length = 0;
      v.state = 1;
      try {
        // Started on this page, by this config or one before destroy(): the loaded script is told.
        if ((withdrawn || v.inited.length) && d.revoke) d.revoke(ctx.w);
      } finally {
        v.state = 2;
      }
    },
    sync: d.sync,
  };
}
