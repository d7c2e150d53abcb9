import { cookieNames, removeEverywhere } from '../store/cookies';

/** `'_ga*'` → /^_ga.*$/: `*` is the only wildcard, everything else is literal. */
export const globToRegExp = (pattern: string): RegExp =>
  new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');

/**
 * Delete every cookie whose name matches one of the patterns, on this host and all parent
 * domains, and the same names in the page's storage: Yandex Metrica keeps `_ym_uid` in
 * localStorage too. Returns the cookie names found. Third-party cookies (`yandexuid`, `fr`) are
 * not visible here and cannot be deleted by any page script.
 */
export function deleteCookies(doc: Document, patterns: string[]): string[] {
  const matchers = patterns.map(globToRegExp);
  const matches = (name: string) => matchers.some((m) => m.test(name));
  const names = cookieNames(doc).filter((name, i, all) => all.indexOf(name) == i && matches(name));
  for (const name of names) removeEverywhere(doc, name);
  const w = doc.defaultView;
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = w && w[area];
      if (storage) for (const key of Object.keys(storage).filter(matches)) storage.removeItem(key);
    } catch {
      // Storage blocked: nothing of ours can be there either.
    }
  }
  return names;
}
