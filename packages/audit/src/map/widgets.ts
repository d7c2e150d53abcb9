import type { PresetName } from '../../../../src/types';
import type { Purpose } from '../types';

/** One vendor (or one product of a vendor) as the audit recognises it. */
export interface VendorEntry {
  vendor: string;
  purpose: Purpose;
  preset?: PresetName;
  /** Hosts; a subdomain of one counts too. */
  hosts: string[];
  /** Path prefixes on those hosts, when the host serves several products. */
  paths?: string[];
  /**
   * Cookie names or `*` patterns the vendor's script sets on the site's own domain. Cookies on the
   * vendor's domain need no list: their domain names the vendor.
   */
  firstParty?: string[];
  /** localStorage / sessionStorage key patterns on the site's own origin. */
  storage?: string[];
}

/**
 * What the presets' catalog does not know: products that share a preset vendor's host, the
 * vendors' third-party cookies, and the widgets common on Russian and Kazakh sites. Written from
 * each vendor's own embed code and cookie documentation; MIT like the rest of Kelisim.
 *
 * Embeds (video, maps, chats) are `functional`: the visitor asked for the feature, but the vendor
 * still sets its own identifiers, so they wait for consent like any other non-necessary purpose.
 */
export const widgets: VendorEntry[] = [
  // Products that share a host with a preset's vendor: the path tells them apart.
  { vendor: 'Google Tag Manager', purpose: 'analytics', preset: 'gtm', hosts: ['www.googletagmanager.com'], paths: ['/gtm.js', '/ns.html'] },
  { vendor: 'Google Analytics / Google Ads', purpose: 'analytics', preset: 'gtag', hosts: ['www.googletagmanager.com'], paths: ['/gtag/'] },
  { vendor: 'VK Ads pixel', purpose: 'advertising', preset: 'vk-pixel', hosts: ['vk.com'], paths: ['/rtrg'] },
  { vendor: 'Meta Pixel', purpose: 'advertising', preset: 'meta-pixel', hosts: ['www.facebook.com', 'facebook.com'], paths: ['/tr'] },
  { vendor: 'Yandex Maps', purpose: 'functional', hosts: ['yandex.ru', 'yandex.kz', 'yandex.com'], paths: ['/map-widget', '/maps'] },
  { vendor: 'Google Maps', purpose: 'functional', hosts: ['www.google.com', 'google.com', 'maps.google.com'], paths: ['/maps'] },
  // Spam protection on forms: part of the service the visitor asked for.
  { vendor: 'Google reCAPTCHA', purpose: 'necessary', hosts: ['www.google.com', 'www.gstatic.com', 'www.recaptcha.net'], paths: ['/recaptcha'] },

  // The presets' vendors: hosts the catalog leaves out, and the keys their scripts store.
  { vendor: 'Yandex Metrica', purpose: 'analytics', preset: 'yandex-metrika', hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.yandex.kz', 'mc.yandex.by'], storage: ['_ym*', 'ym_*'] },
  { vendor: 'Google Ads / DoubleClick', purpose: 'advertising', preset: 'gtag',
    hosts: ['doubleclick.net', 'googleads.g.doubleclick.net', 'googleadservices.com', 'www.googleadservices.com', 'googlesyndication.com', 'adservice.google.com'], firstParty: ['__gads', '__gpi', '_gcl_*'], storage: ['_gcl_*'] },
  { vendor: 'Google Analytics / Google Ads', purpose: 'analytics', preset: 'gtag', hosts: ['google-analytics.com', 'analytics.google.com'], firstParty: ['_ga*', '_gid', '_gat*'] },
  { vendor: 'VK Ads / Top@Mail.ru', purpose: 'advertising', preset: 'vk-pixel', hosts: ['top-fwz1.mail.ru', 'top.mail.ru', 'ad.mail.ru', 'r.mail.ru'], storage: ['tmr_*', '_tmr*'] },
  { vendor: 'Meta Pixel', purpose: 'advertising', preset: 'meta-pixel', hosts: ['connect.facebook.net', 'facebook.com', 'facebook.net'] },
  { vendor: 'TikTok Pixel', purpose: 'advertising', preset: 'tiktok-pixel', hosts: ['analytics.tiktok.com', 'tiktok.com', 'tiktokw.us'], storage: ['tt_*', '_tt*'] },

  // Embeds and widgets.
  { vendor: 'YouTube', purpose: 'functional', hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com', 'ggpht.com'], storage: ['yt-*', 'ytidb::*'] },
  { vendor: 'Yandex Maps', purpose: 'functional', hosts: ['api-maps.yandex.ru', 'api-maps.yandex.com', 'maps.yandex.net', 'core-renderer-tiles.maps.yandex.net', 'enterprise.api-maps.yandex.ru'], storage: ['ymaps*'] },
  { vendor: 'Yandex services', purpose: 'functional', hosts: ['yastatic.net', 'yandex.ru', 'yandex.kz', 'yandex.net'] },
  { vendor: 'Yandex Advertising Network', purpose: 'advertising', hosts: ['an.yandex.ru', 'ads.adfox.ru', 'adfox.yandex.ru', 'yabs.yandex.ru', 'bs.yandex.ru'] },
  { vendor: 'Google Maps', purpose: 'functional', hosts: ['maps.googleapis.com', 'maps.gstatic.com'] },
  { vendor: 'Google', purpose: 'advertising', hosts: ['google.com', 'google.ru', 'google.kz'] },
  { vendor: '2GIS', purpose: 'functional', hosts: ['2gis.ru', '2gis.kz', '2gis.com', 'api.2gis.ru', 'mapgl.2gis.com', 'widgets.2gis.com'] },
  { vendor: 'Jivo', purpose: 'functional', hosts: ['jivosite.com', 'jivo.ru', 'jivo.com', 'jivochat.com'], firstParty: ['jv_*', '_jv*'], storage: ['jv_*', '__jivo*'] },
  { vendor: 'Bitrix24 widget', purpose: 'functional', hosts: ['bitrix24.ru', 'bitrix24.kz', 'bitrix24.com', 'bitrix24.by', 'bitrix.info'], firstParty: ['BX_USER_ID', 'b24_*'], storage: ['b24_*', 'bx-*'] },
  { vendor: 'WhatsApp chat widget', purpose: 'functional', hosts: ['getbutton.io', 'wazzup24.com', 'elfsight.com', 'elfsightcdn.com', 'whatshelp.io', 'callbackhunter.com'] },
  { vendor: 'VK widgets', purpose: 'functional', hosts: ['vk.com', 'vk.ru', 'userapi.com', 'vk-cdn.net', 'vkvideo.ru'] },

  // What keeps the site itself working: server sessions, CSRF tokens, bot protection, captchas.
  { vendor: 'Site session', purpose: 'necessary', hosts: [],
    firstParty: ['PHPSESSID', 'JSESSIONID', 'ASP.NET_SessionId', 'ASPSESSIONID*', 'laravel_session', 'XSRF-TOKEN', 'csrftoken', 'sessionid', 'connect.sid', 'wordpress_test_cookie', 'wordpress_logged_in_*', 'wp-settings-*'] },
  { vendor: 'Cloudflare', purpose: 'necessary', hosts: ['challenges.cloudflare.com'], firstParty: ['__cf_bm', 'cf_clearance', '__cflb', '_cfuvid'] },
  { vendor: 'DDoS-Guard', purpose: 'necessary', hosts: ['ddos-guard.net'], firstParty: ['__ddg1_', '__ddg2_', '__ddg*'] },
  { vendor: 'Yandex SmartCaptcha', purpose: 'necessary', hosts: ['smartcaptcha.yandexcloud.net'] },

  // Delivery of the page's own code and fonts: no identifiers of their own.
  { vendor: 'Public CDN', purpose: 'necessary', hosts: ['cdn.jsdelivr.net', 'unpkg.com', 'cdnjs.cloudflare.com', 'code.jquery.com', 'ajax.googleapis.com', 'fonts.googleapis.com', 'fonts.gstatic.com', 'stackpath.bootstrapcdn.com', 'cdn.tailwindcss.com'] },
];

/** Kelisim's own consent cookie, language pick and pending consent log are necessary by design. */
export const kelisimOwn: VendorEntry = {
  vendor: 'Kelisim', purpose: 'necessary', hosts: [], firstParty: ['kelisim', 'kelisim_*'], storage: ['kelisim-*'],
};
