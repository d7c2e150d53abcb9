import { preset } from './engine';

/** Meta Pixel: loads only after consent; a withdrawal calls `fbq('consent','revoke')`. */
export const metaPixel = preset('meta-pixel', {
  vendor: 'Meta Pixel',
  src: 'https://connect.facebook.net/en_US/fbevents.js',
  init(w, id, options) {
    w.fbq('init', id, options);
    // `track` would send to every pixel initialised so far: a second pixel's page view would count
    // the first one's twice (Meta, "Accurate Event Tracking with Multiple Pixels").
    w.fbq('trackSingle', id, 'PageView');
  },
  revoke: (w) => w.fbq('consent', 'revoke'),
  regrant: (w) => w.fbq('consent', 'grant'),
});
