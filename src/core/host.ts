import type { Settings } from './config';
import { languagesOf, resolveLanguage } from './language';
import type { UIHost } from './ui-host';

const LANGUAGE_KEY = 'kelisim-language';

type HostParts = Omit<UIHost, 'settings' | 'language' | 'languages' | 'setLanguage'>;

/**
 * What the gate hands to the UI chunk. The visitor's language pick is read only when something
 * needs it: the first localStorage access of a page is a synchronous round trip to the browser,
 * wasted on a returning visit that shows nothing.
 */
export function createHost(settings: Settings, doc: Document, parts: HostParts): UIHost {
  let language: string | undefined;
  return {
    ...parts,
    settings,
    get language() {
      if (!language) {
        let picked: string | null = null;
        try {
          picked = localStorage.getItem(LANGUAGE_KEY);
        } catch {
          // Storage blocked: the language falls back to the page's and the browser's.
        }
        language = resolveLanguage(settings, picked, doc.documentElement.lang, navigator.languages || [navigator.language]);
      }
      return language;
    },
    languages: languagesOf(settings),
    setLanguage(picked: string) {
      language = picked;
      try {
        localStorage.setItem(LANGUAGE_KEY, picked);
      } catch {
        // Kept for this page view only.
      }
    },
  };
}
