import type { Preset, PresetContext } from './preset';
import { consentDefault, consentUpdate } from './consent-mode';
import { loadOnce, vendor } from './hold';

function start(ctx: PresetContext) {
  const v = vendor(ctx, 'gtm');
  const id = ctx.counter.id!;
  if (v.inited.indexOf(id) >= 0) return;
  v.inited.push(id);
  ctx.w.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  // One container script per id, unlike gtag.js which serves every id from one load.
  loadOnce(ctx, vendor(ctx, 'gtm:' + id), 'Google Tag Manager', 'https://www.googletagmanager.com/gtm.js?id=' + encodeURIComponent(id));
}

/** Google Tag Manager: Consent Mode through dataLayer; its tags follow the consent state. */
export const gtm: Preset = {
  cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_gcl_*'],
  stub(ctx) {
    ctx.w.dataLayer = ctx.w.dataLayer || [];
    consentDefault(ctx);
    if (ctx.settings.consentMode.mode == 'advanced') start(ctx);
  },
  grant: start,
  deny() {},
  sync: consentUpdate,
};
