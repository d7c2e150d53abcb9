import type { Preset } from './preset';
import { holdOr, loadOnce, release, vendor } from './hold';

/** Yandex Metrica has no consent API: it must not load before consent (Yandex's own advice). */
export const yandexMetrika: Preset = {
  cookies: ['_ym_*'],
  stub(ctx) {
    const v = vendor(ctx, 'ym');
    if (ctx.w.ym) return;
    const ym: any = (ctx.w.ym = function () {
      holdOr(v, arguments, (args) => (ym.a = ym.a || []).push(args));
    });
    ym.l = Date.now();
  },
  grant(ctx) {
    const v = vendor(ctx, 'ym');
    const id = ctx.counter.id!;
    v.state = 1;
    if (v.inited.indexOf(id) < 0) {
      v.inited.push(id);
      ctx.w.ym(+id || id, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true, ...ctx.counter.options });
    }
    release(v, (args) => ctx.w.ym.apply(ctx.w, args));
    loadOnce(ctx, v, 'Yandex Metrica', 'https://mc.yandex.ru/metrika/tag.js?id=' + encodeURIComponent(id));
  },
  deny(ctx) {
    const v = vendor(ctx, 'ym');
    v.state = 2;
    v.held.length = 0;
  },
};
