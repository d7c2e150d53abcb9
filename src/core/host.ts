import type { Settings } from './config';
import { languagesOf, resolveLanguage } from './language';
import type { UIHost } from './ui-host';
import { cookieValues, ownCookieAttributes, setCookie } from '../store/cookies';

type HostParts = Omit<UIHost, 'settings' | 'language' | 'languages' | 'setLanguage'>;

/**
 * What the gate hands to the UI chunk. The visitor's language pick is kept in a cookie beside the
 * consent cookie rather than in localStorage: the page's first localStorage access is a
 * synchronous round trip to the browser (about 10 ms on a slowed phone, in the banner's path),
 * while `document.cookie` has just been read for the consent cookie.
 */
export function createHost(settings: Settings, doc: Document, parts: HostParts): UIHost {
  const pickCookie = settings.cookie.name + '_lang';
  let language: string | undefined;
  return {
    ...parts,
    settings,
    get language() {
      if (!language) {
        const picked = cookieValues(doc, pickCookie)[0];
        language = resolveLanguage(settings, picked, doc.documentElement.lang, navigator.languages || [navigator.language]);
      }
      return language;
    },
    languages: languagesOf(settings),
    setLanguage(picked: string) {
      language = picked;
      try {
        setCookie(doc, pickCookie, picked, { expires: new Date(Date.now() + settings.cookie.expiresDays * 864e5), ...ownCookieAttributes(settings.cookie, doc) });
      } catch {
        // Cookies blocked: the pick holds for this page view only.
      }
    },
  };
}
