/**
 * Second-level suffixes under which the registrable domain is the third label. A short list, not
 * the Public Suffix List: it covers the zones the audited sites live in (.kz, .ru, .uz, .kg, .by,
 * .ua) and the usual others; any other host falls back to its last two labels.
 */
const SUFFIXES = new Set([
  'com.kz', 'org.kz', 'edu.kz', 'gov.kz', 'net.kz', 'mil.kz',
  'com.ru', 'net.ru', 'org.ru', 'pp.ru', 'msk.ru', 'spb.ru', 'msk.su',
  'com.ua', 'org.ua', 'com.by', 'org.by', 'com.kg', 'org.kg', 'co.uz', 'com.uz', 'org.uz',
  'co.uk', 'org.uk', 'com.tr', 'com.cn', 'com.au', 'co.jp', 'com.br', 'co.in',
  'github.io', 'netlify.app', 'vercel.app', 'pages.dev', 'web.app',
]);

/** `shop.example.com.kz` → `example.com.kz`; IP addresses and single labels stay as they are. */
export function registrableDomain(host: string): string {
  const clean = host.replace(/^\.+/, '').replace(/\.$/, '').toLowerCase();
  if (/^[\d.]+$/.test(clean) || clean.indexOf(':') >= 0) return clean;
  const labels = clean.split('.');
  if (labels.length <= 2) return clean;
  const two = labels.slice(-2).join('.');
  return SUFFIXES.has(two) ? labels.slice(-3).join('.') : two;
}

export const sameSite = (a: string, b: string) => registrableDomain(a) == registrableDomain(b);

/** `host` is `domain` or one of its subdomains (cookie domains may start with a dot). */
export const within = (host: string, domain: string) => {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.replace(/^\./, '').toLowerCase();
  return h == d || h.endsWith('.' + d);
};
