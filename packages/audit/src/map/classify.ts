import { catalog } from '../../../../src/presets/catalog';
import type { PresetName } from '../../../../src/types';
import type { Placement, Purpose } from '../types';
import { registrableDomain, within } from './site';
import { kelisimOwn, widgets, type VendorEntry } from './widgets';

/** The category each preset's vendor serves; Google Ads ids under `gtag` are told apart by host. */
export const PRESET_PURPOSE: Record<PresetName, Purpose> = {
  'yandex-metrika': 'analytics',
  gtag: 'analytics',
  gtm: 'analytics',
  'vk-pixel': 'advertising',
  'meta-pixel': 'advertising',
  'tiktok-pixel': 'advertising',
};

const fromCatalog: VendorEntry[] = (Object.keys(catalog) as PresetName[]).map((preset) => ({
  vendor: catalog[preset].vendor,
  purpose: PRESET_PURPOSE[preset],
  preset,
  hosts: catalog[preset].hosts,
  firstParty: catalog[preset].cookies,
}));

/** Own entries first: on a tie (same host, no path) the more specific product name wins. */
const entries: VendorEntry[] = [...widgets, ...fromCatalog];

const patternCache = new Map<string, RegExp>();
/** `_ym_*` → /^_ym_.*$/, as the gate reads category cookie patterns. */
export function matches(pattern: string, name: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    patternCache.set(pattern, re);
  }
  return re.test(name);
}

const place = (entry: VendorEntry, firstParty?: boolean): Placement => ({
  vendor: entry.vendor,
  purpose: entry.purpose,
  ...(entry.preset ? { preset: entry.preset } : {}),
  ...(firstParty ? { firstParty } : {}),
});

const unknown = (vendor: string, firstParty?: boolean): Placement =>
  ({ vendor, purpose: 'unknown', ...(firstParty ? { firstParty } : {}) });

/** The vendor entry for a host and path: a path match beats a host match, a longer host beats a shorter one. */
export function entryFor(host: string, path = '/'): VendorEntry | undefined {
  let best: VendorEntry | undefined;
  let score = 0;
  for (const entry of entries) {
    for (const h of entry.hosts) {
      if (!within(host, h)) continue;
      if (entry.paths && !entry.paths.some((p) => path.startsWith(p))) continue;
      const s = h.length + (entry.paths ? 1000 : 0);
      if (s > score) {
        best = entry;
        score = s;
      }
    }
  }
  return best;
}

/**
 * A request. The page's own site is first-party: it answers for what it serves, so its requests
 * are never leaks (its cookies are judged by name instead).
 */
export function classifyRequest(url: URL, site: string): Placement {
  if (registrableDomain(url.hostname) == registrableDomain(site)) {
    return { vendor: registrableDomain(site), purpose: 'necessary', firstParty: true };
  }
  const entry = entryFor(url.hostname, url.pathname);
  return entry ? place(entry) : unknown(url.hostname);
}

/** A first-party name (cookie or storage key) by the patterns vendors' scripts use. */
function byName(name: string, field: 'firstParty' | 'storage'): VendorEntry | undefined {
  for (const entry of [kelisimOwn, ...entries]) {
    if ((entry[field] || []).some((p) => matches(p, name))) return entry;
  }
  return undefined;
}

/**
 * A cookie. On the site's own domain it is placed by its name; on another domain, by that domain,
 * or by the request whose Set-Cookie made it (`source`) when that is known.
 */
export function classifyCookie(name: string, domain: string, site: string, source?: Placement): Placement {
  const host = domain.replace(/^\./, '');
  if (registrableDomain(host) == registrableDomain(site)) {
    const entry = byName(name, 'firstParty');
    return entry ? place(entry, true) : unknown(registrableDomain(site), true);
  }
  if (source && source.purpose != 'unknown') return { ...source, firstParty: undefined };
  const entry = entryFor(host);
  return entry ? place(entry) : unknown(host);
}

/** A storage key: on the site's origin by its name, in a vendor's frame by that frame's host. */
export function classifyStorage(key: string, origin: string, site: string): Placement {
  let host = '';
  try {
    host = new URL(origin).hostname;
  } catch {
    return unknown(origin);
  }
  if (registrableDomain(host) == registrableDomain(site)) {
    const entry = byName(key, 'storage') || byName(key, 'firstParty');
    return entry ? place(entry, true) : unknown(registrableDomain(site), true);
  }
  const entry = entryFor(host);
  return entry ? place(entry) : unknown(host);
}
