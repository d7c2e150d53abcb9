import type { RawCookie, RawStorage, Recorder } from './capture';
import { Causes } from './cause';
import { cookieFix, fixFor } from './fix';
import { classifyCookie, classifyRequest, classifyStorage } from './map/classify';
import { idsIn } from './map/ids';
import type { PresetName } from '../../../src/types';
import type { CookieEntry, Finding, Phase, PhaseName, Placement, RequestEntry, StorageEntry } from './types';

export interface Snapshot {
  cookies: RawCookie[];
  storage: RawStorage[];
  /** The page's own consent cookie name, when it is not Kelisim's default. */
  consentCookie?: string;
}

/** Places every request, cookie and storage key a phase saw, each with its cause. */
export function buildPhase(name: PhaseName, recorder: Recorder, snapshot: Snapshot, site: string, visited: string[], keepValues = false): Phase {
  const causes = new Causes(recorder, site);
  const requests: RequestEntry[] = recorder.requests.map((r) => {
    const url = new URL(r.url);
    return { url: r.url, host: url.hostname, type: r.type, ...classifyRequest(url, site), cause: causes.ofRequest(r) };
  });
  const cookies: CookieEntry[] = snapshot.cookies.map((c) => {
    const header = recorder.setCookies.find((s) => s.name == c.name && s.domain.replace(/^\./, '') == c.domain.replace(/^\./, ''));
    const source = header ? classifyRequest(new URL(header.requestUrl), site) : undefined;
    return {
      name: c.name,
      domain: c.domain,
      ...(c.name == snapshot.consentCookie || c.name == snapshot.consentCookie + '_lang'
        ? { vendor: 'Kelisim', purpose: 'necessary' as const, firstParty: true }
        : classifyCookie(c.name, c.domain, site, source)),
      httpOnly: c.httpOnly,
      ...(keepValues ? { value: c.value } : {}),
      cause: causes.ofCookie(c.name, c.domain),
    };
  });
  const seen = new Set<string>();
  const storage: StorageEntry[] = [];
  for (const s of snapshot.storage) {
    const id = `${s.origin} ${s.area} ${s.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    storage.push({ key: s.key, area: s.area, origin: s.origin, ...classifyStorage(s.key, s.origin, site), cause: causes.ofStorage(s.key, s.area, s.origin) });
  }
  return { name, visited, requests, cookies, storage, notes: [] };
}

const optional = (purpose: string) => purpose != 'necessary' && purpose != 'unknown';

/** The first counter id each preset's requests carried, over the given phases in order. */
export function idsSeen(phases: Phase[]): Map<PresetName, string> {
  const ids = new Map<PresetName, string>();
  for (const r of phases.flatMap((p) => p.requests)) {
    if (r.preset && !ids.has(r.preset)) {
      const id = idsIn(r.preset, r.url)[0];
      if (id) ids.set(r.preset, id);
    }
  }
  return ids;
}

/**
 * Leaks (a non-necessary purpose) or unknowns of one phase, one per host, cookie or storage key:
 * a vendor that makes ten hits is one thing to fix. `ids` are the page's counter ids; pass those
 * of every phase, since a phase that only shows a vendor's cookie (after withdrawal, say) still
 * has the page's id in the others.
 */
export function findingsOf(phase: Phase, which: 'leak' | 'unknown', ids = idsSeen([phase])): Finding[] {
  const wanted = (purpose: string) => (which == 'leak' ? optional(purpose) : purpose == 'unknown');
  const fix = (placement: Placement, cause: string) =>
    optionalFix(fixFor(placement, /<iframe/.test(cause), placement.preset && ids.get(placement.preset)));
  const found = new Map<string, Finding>();
  const add = (id: string, finding: Finding) => {
    if (!found.has(id)) found.set(id, finding);
  };
  for (const r of phase.requests) {
    if (r.firstParty || !wanted(r.purpose)) continue;
    add('request ' + r.host, {
      phase: phase.name, kind: 'request', vendor: r.vendor, purpose: r.purpose, host: r.host, cause: r.cause,
      ...fix(r, r.cause),
    });
  }
  for (const c of phase.cookies) {
    // After a withdrawal, a third-party cookie is out of the site's reach (RFC 6265 §5.3: a page
    // can only write its own domain); it is noted, not counted.
    if (phase.name == 'withdraw' && !c.firstParty) continue;
    if (!wanted(c.purpose)) continue;
    add(`cookie ${c.name} ${c.domain}`, {
      phase: phase.name, kind: 'cookie', vendor: c.vendor, purpose: c.purpose, name: c.name, cause: c.cause,
      // A preset deletes its own cookies; any other vendor's must be listed in its category.
      ...(phase.name == 'withdraw' && !c.preset ? { fix: cookieFix(c.purpose, c.name) } : fix(c, c.cause)),
    });
  }
  if (phase.name != 'withdraw') {
    for (const s of phase.storage) {
      if (!wanted(s.purpose)) continue;
      add(`storage ${s.origin} ${s.area} ${s.key}`, {
        phase: phase.name, kind: 'storage', vendor: s.vendor, purpose: s.purpose, key: s.key, cause: s.cause,
        ...fix(s, s.cause),
      });
    }
  }
  return [...found.values()];
}

const optionalFix = (fix: Finding['fix']) => (fix ? { fix } : {});
