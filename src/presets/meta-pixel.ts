import { preset } from './engine';

/** Meta Pixel: loads only after consent; a withdrawal calls `fbq('consent','revoke')`. */
export const metaPixel = preset('meta-pixel', {
  vendor: 'Meta Pixel',
  src: 'https://connect.facebook.net/en_US/fbevents.js',
  init(w, id, options) {
    w.fbq('init', id, options);
    w.fbq('track', 'PageView');
  },
  revoke: (w) => w.fbq('consent', 'revoke'),
  regrant: (w) => w.fbq('consent', 'grant'),
});
