import type { Preset } from './preset';
import { holdOr, loadOnce, release, vendor } from './hold';

const push = Array.prototype.push;

/** VK Ads / Top.Mail.Ru (`_tmr`): no consent API, so it must not load before consent. */
export const vkPixel: Preset = {
  cookies: ['tmr_*'],
  stub(ctx) {
    const v = vendor(ctx, 'tmr');
    const queue: any[] & { kelisim?: 1 } = (ctx.w._tmr = ctx.w._tmr || []);
    if (queue.kelisim) return;
    queue.kelisim = 1;
    // Page code keeps its own reference to the array, so the array stays and only push changes.
    const held = queue.splice(0);
    if (held.length) v.held.push(held);
    (queue as any).push = function () {
      holdOr(v, arguments, (items) => push.apply(queue, items));
      return queue.length;
    };
  },
  grant(ctx) {
    const v = vendor(ctx, 'tmr');
    const id = ctx.counter.id!;
    v.state = 1;
    if (v.inited.indexOf(id) < 0) {
      v.inited.push(id);
      ctx.w._tmr.push({ id, type: 'pageView', start: Date.now(), ...ctx.counter.options });
    }
    release(v, (items) => push.apply(ctx.w._tmr, items));
    loadOnce(ctx, v, 'VK Ads', 'https://top-fwz1.mail.ru/js/code.js', { id: 'tmr-code' });
  },
  deny(ctx) {
    const v = vendor(ctx, 'tmr');
    v.state = 2;
    v.held.length = 0;
  },
};
