import type { Preset } from './preset';
import { consentDefault, consentUpdate, google } from './consent-mode';
import { holdOr, loadOnce, release, vendor } from './hold';
import type { PresetContext } from './preset';

function start(ctx: PresetContext) {
  const v = vendor(ctx, 'gtag');
  const id = ctx.counter.id!;
  v.state = 1;
  if (v.inited.indexOf(id) < 0) {
    if (!v.inited.length) google(ctx, 'js', new Date());
    v.inited.push(id);
    google(ctx, 'config', id, ctx.counter.options);
  }
  release(v, (args) => ctx.w.dataLayer.push(args));
  loadOnce(ctx, v, 'Google tag', 'https://www.googletagmanager.com/gtag/js?id=' + encodeURIComponent(id));
}

/**
 * GA4 and Google Ads. Basic Consent Mode (default): nothing from Google loads before consent.
 * Advanced: the tag loads at once with everything denied and sends cookieless pings.
 */
export const gtag: Preset = {
  cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_gcl_*'],
  stub(ctx) {
    const v = vendor(ctx, 'gtag');
    ctx.w.dataLayer = ctx.w.dataLayer || [];
    if (!ctx.w.gtag) {
      ctx.w.gtag = function () {
        if (arguments[0] == 'consent') ctx.w.dataLayer.push(arguments);
        else holdOr(v, arguments, (args) => ctx.w.dataLayer.push(args));
      };
    }
    consentDefault(ctx);
    if (ctx.settings.consentMode.mode == 'advanced') start(ctx);
  },
  grant: start,
  deny(ctx) {
    const v = vendor(ctx, 'gtag');
    if (ctx.settings.consentMode.mode == 'advanced') return;
    v.state = 2;
    v.held.length = 0;
  },
  sync: consentUpdate,
};
