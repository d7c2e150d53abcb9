import { preset } from './engine';

/** Yandex Metrica has no consent API: it must not load before consent (Yandex's own advice). */
export const yandexMetrika = preset('yandex-metrika', {
  vendor: 'Yandex Metrica',
  src: 'https://mc.yandex.ru/metrika/tag.js?id={id}',
  init: (w, id, options) => w.ym(+id || id, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true, ...options }),
});
