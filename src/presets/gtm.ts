import { preset } from './engine';
import { consentDefault, consentUpdate } from './consent-mode';

/** Google Tag Manager: Consent Mode through dataLayer; its tags follow the consent state. */
export const gtm = preset('gtm', {
  vendor: 'Google Tag Manager',
  src: 'https://www.googletagmanager.com/gtm.js?id={id}',
  // One container script per id, unlike gtag.js which serves every id from one load.
  perId: 1,
  init: (w) => w.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' }),
  stub: consentDefault,
  sync: consentUpdate,
});
