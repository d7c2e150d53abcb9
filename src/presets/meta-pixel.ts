import type { Preset, PresetContext } from './preset';
import { holdOr, loadOnce, release, vendor } from './hold';

const send = (fbq: any, args: any) => (fbq.callMethod ? fbq.callMethod.apply(fbq, args) : fbq.queue.push(args));

/** Calls `fbq` even while refused: the revoke itself must get through. */
const direct = (ctx: PresetContext, ...args: unknown[]) => send(ctx.w.fbq, args);

/** Meta Pixel: loads only after consent; a withdrawal calls `fbq('consent','revoke')`. */
export const metaPixel: Preset = {
  cookies: ['_fbp', '_fbc'],
  stub(ctx) {
    const v = vendor(ctx, 'fbq');
    if (ctx.w.fbq) return;
    // The shape of Meta's own snippet, so fbevents.js adopts it.
    const fbq: any = (ctx.w.fbq = function () {
      holdOr(v, arguments, (args) => send(fbq, args));
    });
    if (!ctx.w._fbq) ctx.w._fbq = fbq;
    fbq.push = fbq;
    fbq.loaded = true;
    fbq.version = '2.0';
    fbq.queue = [];
  },
  grant(ctx) {
    const v = vendor(ctx, 'fbq');
    const id = ctx.counter.id!;
    if (v.state == 2 && v.loaded) direct(ctx, 'consent', 'grant');
    v.state = 1;
    if (v.inited.indexOf(id) < 0) {
      v.inited.push(id);
      direct(ctx, 'init', id, ctx.counter.options);
      direct(ctx, 'track', 'PageView');
    }
    release(v, (args) => send(ctx.w.fbq, args));
    loadOnce(ctx, v, 'Meta Pixel', 'https://connect.facebook.net/en_US/fbevents.js');
  },
  deny(ctx, withdrawn) {
    const v = vendor(ctx, 'fbq');
    v.state = 2;
    v.held.length = 0;
    if (withdrawn) direct(ctx, 'consent', 'revoke');
  },
};
