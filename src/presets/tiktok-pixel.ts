import type { Preset, PresetContext } from './preset';
import { holdOr, loadOnce, release, vendor } from './hold';

const METHODS = 'page track identify instances debug on off once ready alias group enableCookie disableCookie holdConsent revokeConsent grantConsent'.split(' ');
const push = Array.prototype.push;

/** Calls a `ttq` method even while refused: the revoke itself must get through. */
const direct = (ctx: PresetContext, method: string) => {
  const ttq = ctx.w.ttq;
  // Once the SDK has replaced the holders with its own methods, call those.
  if (ttq[method] && !ttq[method].kelisim) ttq[method]();
  else push.call(ttq, [method]);
};

/** TikTok Pixel: the classic `ttq` stub; loads only after consent; withdrawal calls revokeConsent(). */
export const tiktokPixel: Preset = {
  cookies: ['_ttp', '_tt_enable_cookie', 'ttcsid*'],
  stub(ctx) {
    const v = vendor(ctx, 'ttq');
    if (ctx.w.ttq) return;
    ctx.w.TiktokAnalyticsObject = 'ttq';
    const ttq: any = (ctx.w.ttq = []);
    ttq.methods = METHODS;
    ttq.setAndDefer = (target: any, method: string) => {
      target[method] = function () {
        push.call(target, [method].concat([].slice.call(arguments)));
      };
    };
    for (const method of METHODS) {
      (ttq[method] = function (this: unknown) {
        holdOr(v, [method].concat([].slice.call(arguments)), (call) => push.call(ttq, call));
      } as any).kelisim = 1;
    }
    ttq.instance = (id: string) => {
      const instance = (ttq._i && ttq._i[id]) || [];
      for (const method of METHODS) ttq.setAndDefer(instance, method);
      return instance;
    };
    ttq.load = (id: string, options?: object) => {
      const url = 'https://analytics.tiktok.com/i18n/pixel/events.js';
      (ttq._i = ttq._i || {})[id] = [];
      ttq._i[id]._u = url;
      (ttq._t = ttq._t || {})[id] = Date.now();
      (ttq._o = ttq._o || {})[id] = options || {};
    };
  },
  grant(ctx) {
    const v = vendor(ctx, 'ttq');
    const id = ctx.counter.id!;
    if (v.state == 2 && v.loaded) direct(ctx, 'grantConsent');
    v.state = 1;
    if (v.inited.indexOf(id) < 0) {
      v.inited.push(id);
      ctx.w.ttq.load(id, ctx.counter.options);
      ctx.w.ttq.page();
    }
    release(v, (call) => push.call(ctx.w.ttq, call));
    loadOnce(ctx, v, 'TikTok Pixel', `https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=${encodeURIComponent(id)}&lib=ttq`);
  },
  deny(ctx, withdrawn) {
    const v = vendor(ctx, 'ttq');
    v.state = 2;
    v.held.length = 0;
    if (withdrawn) direct(ctx, 'revokeConsent');
  },
};
