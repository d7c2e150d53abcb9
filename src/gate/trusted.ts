import { isSafeUrl } from '../core/safe-url';
import { GATED_SCRIPT } from './dom';

/**
 * Under `require-trusted-types-for 'script'` a script's `src` and text must be Trusted Types
 * values: a plain string throws, so without a policy the banner's own file could not load and the
 * visitor could never choose. Created on first use and shared by every copy of Kelisim in the
 * window, since a name may be taken only once; so any script can reach it, and it passes only what
 * Kelisim itself would: URLs that are http(s), relative or of the page's own scheme, and the text
 * of a gated script the page's markup holds. Anything else comes out empty.
 */
const POLICY = Symbol.for('kelisim.trusted');

/**
 * A script URL Kelisim loads: http(s) or relative, or of the page's own scheme, since a page opened
 * from a file (or an app's own scheme, as in Capacitor) has kelisim-ui.js beside kelisim.js there.
 * Such a URL brings nothing from outside that the page could not already load; browsers refuse
 * file: scripts on an http(s) page.
 */
export const loadable = (value: string, doc: Document) => isSafeUrl(value) || !value.indexOf(doc.location.protocol);

const url = (value: string) => (loadable(value, document) ? value : '');
const gated = (text: string) => ([].some.call(document.querySelectorAll(GATED_SCRIPT), (s: HTMLScriptElement) => s.text == text) ? text : '');

/** `value` as a script URL, or with `code` as a script's text. */
export function trusted(value: string, code?: 1): string {
  const w = window as any;
  if (!(POLICY in w)) {
    try {
      w[POLICY] = w.trustedTypes.createPolicy('kelisim', { createScriptURL: url, createScript: gated });
    } catch {
      // No Trusted Types in this browser, or a trusted-types directive without kelisim, which the
      // browser's own console message names: plain strings, as before.
      w[POLICY] = 0;
    }
  }
  return w[POLICY] ? w[POLICY][code ? 'createScript' : 'createScriptURL'](value) : value;
}
