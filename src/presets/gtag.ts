import { preset } from './engine';
import { consentDefault, consentUpdate, google } from './consent-mode';

/**
 * GA4 and Google Ads. Basic Consent Mode (default): nothing from Google loads before consent.
 * Advanced: the tag loads at once with everything denied and sends cookieless pings.
 */
export const gtag = preset('gtag', {
  vendor: 'Google tag',
  // One gtag.js serves every id, so the first id's URL loads it for all.
  src: 'https://www.googletagmanager.com/gtag/js?id={id}',
  init(w, id, options, first) {
    if (first) google(w, 'js', new Date());
    google(w, 'config', id, options);
  },
  stub: consentDefault,
  sync: consentUpdate,
  keep: (ctx) => ctx.settings.consentMode.mode == 'advanced',
});
