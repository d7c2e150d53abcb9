import type { PresetName } from '../types';
import { hold, type Vendor } from './hold';

type Page = Window & Record<string, any>;

/**
 * What of a preset must exist the moment init() runs, before the rest of it is at hand: the
 * global the page calls, shaped like the vendor's own snippet so that the vendor's script adopts
 * it, and the vendor's cookie patterns, which withdrawal deletes. No host and no vendor logic: the
 * npm build carries this table for all six and fetches the rest of a preset only when it is used.
 */
export interface Queue {
  /** The vendor's own first-party cookie patterns, deleted on withdrawal without being listed. */
  cookies: string[];
  /** Create the global, unless the page already has the vendor's own. */
  stub(w: Page, v: Vendor): void;
  /** Cookie patterns by the Consent Mode type they are kept under, for vendors that follow it. */
  types?: Record<string, string[]>;
}

const push = Array.prototype.push;
const ANALYTICS = ['_ga', '_ga_*', '_gid', '_gat*'];
const GOOGLE = ANALYTICS.concat('_gcl_*');
// Google's tag keeps these under analytics_storage and `_gcl_*` under ad_storage, whichever of its
// ids set them (Google's Consent Mode reference): GA4's id must outlive a refusal of advertising.
const types = { analytics_storage: ANALYTICS, ad_storage: ['_gcl_*'] };

/**
 * A function that holds the page's calls; once allowed they go where the vendor's snippet puts
 * them. Calls named by `early` (a vendor's settings) made before the choice go there at once:
 * the vendor reads them only ahead of its init, and only its script, loaded once allowed, reads
 * the queue they wait in.
 */
const holder = (v: Vendor, pass: (args: any) => void, early?: RegExp): any => function () {
  const args = arguments;
  if (!v.state && early && early.test(args[0])) pass(args);
  else hold(v, () => pass(args));
};

/** A vendor whose global is one function, like `ym` or `fbq`. */
const fn = (name: string, cookies: string[], make: (w: Page, v: Vendor) => unknown): Queue =>
  ({ cookies, stub: (w, v) => w[name] || (w[name] = make(w, v)) });

const dataLayer = (w: Page): unknown[] => (w.dataLayer = w.dataLayer || []);

/**
 * An array the page pushes into, like `_tmr`: page code keeps its own reference to it, so the
 * array stays, what it already holds waits, and only `push` changes.
 */
const heldArray = (queue: any, v: Vendor) => {
  if (queue.kelisim) return queue;
  queue.kelisim = 1;
  const early = queue.splice(0);
  if (early.length) v.held.push(() => push.apply(queue, early));
  const held = holder(v, (items) => push.apply(queue, items));
  queue.push = function () {
    held.apply(queue, arguments);
    return queue.length;
  };
  return queue;
};

export const QUEUES: Record<PresetName, Queue> = {
  'yandex-metrika': fn('ym', ['_ym_*'], (_, v) => {
    const ym = holder(v, (args) => (ym.a = ym.a || []).push(args));
    ym.l = Date.now();
    return ym;
  }),
  gtag: {
    cookies: GOOGLE,
    types,
    stub(w, v) {
      // Google reads `set` (url_passthrough, ads_data_redaction) only ahead of a `config`.
      const held = holder(v, (args) => dataLayer(w).push(args), /^set$/);
      dataLayer(w);
      // Consent calls are signals, not hits: they pass at once, whatever the choice.
      w.gtag = w.gtag || function () {
        if (arguments[0] == 'consent') dataLayer(w).push(arguments);
        else held.apply(w, arguments);
      };
    },
  },
  gtm: { cookies: GOOGLE, types, stub: dataLayer },
  'vk-pixel': { cookies: ['tmr_*'], stub: (w, v) => heldArray((w._tmr = w._tmr || []), v) },
  'meta-pixel': fn('fbq', ['_fbp', '_fbc'], (w, v) => {
    // The shape of Meta's own snippet, so that fbevents.js adopts it and brings `callMethod`.
    // Meta reads `set` (autoConfig) and `dataProcessingOptions` only ahead of `init`.
    const fbq = holder(v, (args) => (fbq.callMethod ? fbq.callMethod.apply(fbq, args) : fbq.queue.push(args)), /^(set|dataProcessingOptions)$/);
    w._fbq = w._fbq || fbq;
    fbq.push = fbq;
    fbq.loaded = true;
    fbq.version = '2.0';
    fbq.queue = [];
    return fbq;
  }),
  'tiktok-pixel': {
    cookies: ['_ttp', '_tt_enable_cookie', 'ttcsid*'],
    stub(w, v) {
      if (w.ttq) return;
      // TikTok's own snippet: each method pushes `[method, ...args]`, so holding its push holds them all.
      w.TiktokAnalyticsObject = 'ttq';
      const ttq = heldArray((w.ttq = []), v);
      ttq.methods = 'page track identify instances debug on off once ready alias group enableCookie disableCookie holdConsent revokeConsent grantConsent'.split(' ');
      ttq.setAndDefer = (target: any, method: string) => {
        target[method] = function () {
          target.push([method].concat([].slice.call(arguments)));
        };
      };
      for (const method of ttq.methods) ttq.setAndDefer(ttq, method);
      ttq.instance = (id: string) => {
        const instance = (ttq._i && ttq._i[id]) || [];
        for (const method of ttq.methods) ttq.setAndDefer(instance, method);
        return instance;
      };
    },
  },
};
