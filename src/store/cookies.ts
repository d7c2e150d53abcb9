import Cookies from 'js-cookie';
import type { Settings } from '../core/config';
import { cookieJar } from '../gate/dom';

/** `document.cookie` as raw `name=value` pairs, duplicates kept (two domains can each hold one). */
function jar(doc: Document): string[] {
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
 * that name is decoded, and a value that does not decode reads as '' (for ours: no consent).
 */
export const cookieValues = (doc: Document, name: string): string[] =>
  jar(doc).map(split).filter(([n]) => n == name).map(([, value]) => {
    try {
      return Cookies.converter.read(value, name);
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

/** Remove a cookie by name on the host and every parent domain, at `/` and at `path`. */
export function removeEverywhere(name: string, hostname: string, path = '/'): void {
  for (const domain of domainsOf(hostname)) {
    for (const p of path == '/' ? ['/'] : ['/', path]) {
      try {
        Cookies.remove(name, { path: p, domain });
      } catch {
        // Nothing to do: a jar that throws holds nothing we could delete.
      }
    }
  }
}

/** Where Kelisim's own cookies live. SameSite=None is only kept by browsers together with Secure. */
export const ownCookieAttributes = ({ path, domain, sameSite }: Settings['cookie'], doc: Document) => ({
  path,
  domain,
  sameSite,
  secure: doc.location?.protocol == 'https:' || sameSite == 'None',
});
