import type { GateSettings } from '../core/config';
import { cookieJar, setCookieJar } from '../gate/dom';

/**
 * `document.cookie` as raw `name=value` pairs, duplicates kept (two domains can each hold one).
 * Each read is a synchronous round trip to the browser's cookie store: a caller that needs two
 * names reads the jar once and hands the pairs to `cookieValues`.
 */
export function jar(doc: Document): string[] {
  let all: unknown = '';
  try {
    all = cookieJar(doc);
  } catch {
    // Sandboxed frames and some privacy modes throw on access: act as if the jar were empty.
  }
  return typeof all == 'string' && all ? all.split('; ') : [];
}

/** A pair without `=` is a value with an empty name, as browsers store it (RFC 6265 §5.2). */
const split = (pair: string): [string, string] => {
  const at = pair.indexOf('=');
  let name = at < 0 ? '' : pair.slice(0, at);
  try {
    name = decodeURIComponent(name);
  } catch {
    // A name that is not valid percent-encoding is left as it is.
  }
  return [name, pair.slice(at + 1)];
};

/**
 * The decoded names in the jar. Values are not decoded: other scripts' cookies hold anything,
 * including broken percent sequences (`%E0%A4%A`) that would throw.
 */
export const cookieNames = (doc: Document): string[] => jar(doc).map((pair) => split(pair)[0]);

/**
 * Every value a cookie of this name has in the jar: one per domain or path it was set on. Only
 * that name is decoded, as js-cookie decodes, and a value that does not decode reads as '' (for
 * ours: no consent).
 */
export const cookieValues = (doc: Document, name: string, pairs = jar(doc)): string[] =>
  pairs.map(split).filter(([n]) => n == name).map(([, value]) => {
    try {
      return (value[0] == '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
    } catch {
      return '';
    }
  });

/**
 * The host itself (no Domain attribute) and each parent domain: a counter may have written its
 * cookie on any of them, and deleting needs the same Domain it was set with (RFC 6265 §5.3).
 */
export function domainsOf(hostname: string): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (!/[a-z]/i.test(hostname) || hostname.indexOf('.') < 0) return domains;
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push('.' + labels.slice(i).join('.'));
  return domains;
}

export interface CookieAttributes {
  expires: Date;
  path: string;
  domain?: string;
  sameSite?: string;
  secure?: boolean;
}

/**
 * Set a cookie (a past `expires` deletes it) through Document.prototype's setter: js-cookie's
 * `document.cookie =` fails when a page element is named `cookie` (`<img name="cookie">`). The
 * value goes as it is: the gate's own values are made of characters a cookie takes unencoded
 * (codec.ts), and the UI percent-encodes the visitor's language pick.
 */
export function setCookie(doc: Document, name: string, value: string, { expires, path, domain, sameSite, secure }: CookieAttributes): void {
  setCookieJar(doc, `${name}=${value}; path=${path}; expires=${expires.toUTCString()}`
    + (domain ? '; domain=' + domain : '') + (sameSite ? '; samesite=' + sameSite : '') + (secure ? '; secure' : ''));
}

/** Remove a cookie by name on the host and every parent domain, at `/` and at `path`. */
export function removeEverywhere(doc: Document, name: string, path = '/'): void {
  for (const domain of domainsOf(doc.location ? doc.location.hostname : '')) {
    for (const p of path == '/' ? ['/'] : ['/', path]) {
      try {
        setCookie(doc, name, '', { expires: new Date(0), path: p, domain });
      } catch {
        // Nothing to do: a jar that throws holds nothing we could delete.
      }
    }
  }
}

/** The visitor's language pick, kept beside the consent cookie (see core/host.ts). */
export const languagePickName = (cookie: GateSettings['cookie']) => cookie.name + '_lang';

/** Where Kelisim's own cookies live. SameSite=None is only kept by browsers together with Secure. */
export const ownCookieAttributes = ({ path, domain, sameSite }: GateSettings['cookie'], doc: Document) => ({
  path,
  domain,
  sameSite,
  secure: doc.location?.protocol == 'https:' || sameSite == 'None',
});
