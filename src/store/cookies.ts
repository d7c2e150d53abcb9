import Cookies from 'js-cookie';
import type { Settings } from '../core/config';
import { cookieJar } from '../gate/dom';

/** `document.cookie` as name/value pairs, duplicates kept (two domains can each hold one). */
export function listCookies(doc: Document): [string, string][] {
  let jar = '';
  try {
    jar = cookieJar(doc);
  } catch {
    // Sandboxed frames and some privacy modes throw on access: act as if the jar were empty.
  }
  return jar ? jar.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    let name = pair.slice(0, at);
    try {
      name = decodeURIComponent(name);
    } catch {
      // A name that is not valid percent-encoding is left as it is.
    }
    return [name, at < 0 ? '' : Cookies.converter.read(pair.slice(at + 1), name)] as [string, string];
  }) : [];
}

/** Every value a cookie of this name has in the jar: one per domain or path it was set on. */
export const cookieValues = (doc: Document, name: string): string[] =>
  listCookies(doc).filter(([n]) => n == name).map(([, v]) => v);

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
