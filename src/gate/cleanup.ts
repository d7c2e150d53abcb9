import { cookieNames, removeEverywhere } from '../store/cookies';

/** `'_ga*'` → /^_ga.*$/: `*` is the only wildcard, everything else is literal. */
export const globToRegExp = (pattern: string): RegExp =>
  new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');

/**
 * Delete every cookie whose name matches one of the patterns, on this host and all parent
 * domains. Returns the names found. Third-party cookies (`yandexuid`, `fr`) are not visible here
 * and cannot be deleted by any page script.
 */
export function deleteCookies(doc: Document, patterns: string[]): string[] {
  const matchers = patterns.map(globToRegExp);
  const names = cookieNames(doc).filter((name, i, all) => all.indexOf(name) == i && matchers.some((m) => m.test(name)));
  for (const name of names) removeEverywhere(doc, name);
  return names;
}
