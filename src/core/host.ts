import type { GateSettings } from './config';
import type { Problem } from './read-gate';
import { languagesOf, resolveLanguage } from './language';
import type { UIHost } from './ui-host';
import { readRest } from './read-rest';
import { languagePickName, ownCookieAttributes, setCookie } from '../store/cookies';

/**
 * What the gate hands to the UI chunk: the consent machinery, the part of the config it read,
 * and the config itself for the UI to read the rest of.
 */
export interface GateHandle extends Omit<UIHost, 'settings' | 'language' | 'languages' | 'setLanguage'> {
  settings: GateSettings;
  config: unknown;
  /** The visitor's language pick, read by the gate with the consent cookie. */
  picked?: string;
  /** Word the config's mistakes (fetching their words); resolves once they are told. */
  explain(problems: Problem[]): Promise<void> | void;
}

/**
 * The UI's host, built in the UI chunk: the visitor's language and the config's texts, look and
 * operator are only needed once something is shown. The visitor's language pick is kept in a
 * cookie beside the consent cookie rather than in localStorage: the page's first localStorage
 * access is a synchronous round trip to the browser (about 10 ms on a slowed phone, in the
 * banner's path), while the gate reads the pick in the same read of `document.cookie` as the
 * consent cookie.
 * `told` resolves once the config's mistakes are on the console: the banner comes after them.
 */
export function connect(handle: GateHandle, doc: Document): { host: UIHost; told: Promise<void> | void } {
  const problems: Problem[] = [];
  const settings = readRest(handle.config, handle.settings, (problem) => problems.push(problem),
    (message, error) => console.error(message, error), (message) => console.warn(message));
  const pickCookie = languagePickName(settings.cookie);
  let language: string | undefined;
  const host: UIHost = {
    ...handle,
    settings,
    get language() {
      if (!language) language = resolveLanguage(settings, handle.picked, doc.documentElement.lang, navigator.languages || [navigator.language]);
      return language;
    },
    languages: languagesOf(settings),
    setLanguage(picked: string) {
      language = picked;
      try {
        setCookie(doc, pickCookie, encodeURIComponent(picked), { expires: new Date(Date.now() + settings.cookie.expiresDays * 864e5), ...ownCookieAttributes(settings.cookie, doc) });
      } catch {
        // Cookies blocked: the pick holds for this page view only.
      }
    },
    // A choice made in the UI is recorded in the language its words were in.
    choose: (categories, textHash, answered, shown) => handle.choose(categories, textHash, answered, shown || host.language),
  };
  return { host, told: problems.length ? handle.explain(problems) : undefined };
}
