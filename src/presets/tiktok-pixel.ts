import { preset } from './engine';

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';

/** TikTok Pixel: the classic `ttq` stub; loads only after consent; withdrawal calls revokeConsent(). */
export const tiktokPixel = preset('tiktok-pixel', {
  vendor: 'TikTok Pixel',
  src: SDK + '?sdkid={id}&lib=ttq',
  // As TikTok's `ttq.load(id)`: each pixel's script brings that pixel's own settings.
  perId: 1,
  init(w, id, options) {
    w.ttq.load(id, options);
    // `ttq.page()` goes to every pixel loaded: a second pixel's would count the first one's page
    // view twice. `ttq.instance(id)` is the snippet's way to one pixel (TikTok's GTM template does so).
    w.ttq.instance(id).page();
  },
  revoke: (w) => w.ttq.revokeConsent(),
  regrant: (w) => w.ttq.grantConsent(),
  // The rest of TikTok's snippet, on our own stub only: the SDK reads what `load` records.
  stub({ w }) {
    const ttq = w.ttq;
    if (!ttq.kelisim || ttq.load) return;
    const put = (key: string, id: string, value: any) => ((ttq[key] = ttq[key] || {})[id] = value);
    ttq.load = (id: string, options?: object) => {
      put('_i', id, [])._u = SDK;
      put('_t', id, Date.now());
      put('_o', id, options || {});
    };
  },
});
