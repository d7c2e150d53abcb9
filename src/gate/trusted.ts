/**
 * Under `require-trusted-types-for 'script'` a script's `src` and text must be Trusted Types
 * values: a plain string throws, so without a policy the banner's own file could not load and the
 * visitor could never choose. The policy passes what Kelisim checked before: URLs that are
 * http(s) or relative, and the text of gated scripts the page's markup holds. Created on first
 * use and shared by every copy of Kelisim in the window, since a name may be taken only once.
 */
const POLICY = Symbol.for('kelisim.trusted');

const same = (text: string) => text;

/** `value` as a script URL, or with `code` as a script's text. */
export function trusted(value: string, code?: 1): string {
  const w = window as any;
  if (!(POLICY in w)) {
    try {
      w[POLICY] = w.trustedTypes.createPolicy('kelisim', { createScriptURL: same, createScript: same });
    } catch {
      // No Trusted Types in this browser, or a trusted-types directive without kelisim, which the
      // browser's own console message names: plain strings, as before.
      w[POLICY] = 0;
    }
  }
  return w[POLICY] ? w[POLICY][code ? 'createScript' : 'createScriptURL'](value) : value;
}
