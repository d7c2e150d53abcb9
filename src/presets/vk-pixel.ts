import { preset } from './engine';

/** VK Ads / Top.Mail.Ru (`_tmr`): no consent API, so it must not load before consent. */
export const vkPixel = preset('vk-pixel', {
  vendor: 'VK Ads',
  src: 'https://top-fwz1.mail.ru/js/code.js',
  attributes: { id: 'tmr-code' },
  init: (w, id, options) => w._tmr.push({ id, type: 'pageView', start: Date.now(), ...options }),
});
