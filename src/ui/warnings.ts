import type { Settings } from '../core/config';
import { missingTranslations } from './texts';

/**
 * The hosts of presets/loaders.ts, in one pattern: a gated script that names one, on a page with a
 * preset counter, may load a vendor twice. Only then does the precise check, with its words, come
 * (in kelisim-prefs.js: see twice.ts), so that a first visit to a well-set page does not pay for it.
 */
export const VENDOR_HOSTS = /mc\.yandex|googletagmanager|top-fwz1|connect\.facebook|analytics\.tiktok/;

/** The gated `<script>` elements of the page. */
export const gatedScripts = (doc: Document): HTMLScriptElement[] =>
  Array.prototype.slice.call(doc.querySelectorAll('script[type="text/plain"][data-category]'));

/**
 * Mistakes a site owner sees in the console on a visit that shows the banner, which is how a page
 * is tried out. They live in the UI chunk so that returning visitors do not pay for them.
 * `suspect` is called, once the page is parsed, when a vendor may load twice.
 */
export function warnAboutConfig(settings: Settings, doc: Document, suspect: () => void): void {
  const missing = missingTranslations(settings);
  if (missing.length) console.warn(`Kelisim: no translation given for ${missing.join(', ')}; shown in another language.`);
  const check = () => {
    // The whole element: its src, data-src and inline text at once.
    if (settings.counters.some((c) => c.preset) && gatedScripts(doc).some((s) => VENDOR_HOSTS.test(s.outerHTML))) suspect();
  };
  if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', check, { once: true });
  else check();
}
