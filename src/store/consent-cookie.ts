import type { GateSettings as Settings } from '../core/config';
import { decodeChoice, encodeChoice } from './codec';
import type { Choice } from '../core/consent';
import { cookieValues, ownCookieAttributes, removeEverywhere, setCookie } from './cookies';

export interface ConsentCookie {
  /**
   * The newest valid choice among all cookies of that name; stale duplicates are removed. `pairs`:
   * the jar as just read, when the caller reads other names from it too.
   */
  read(pairs?: string[]): Choice | null;
  /** False when the browser refused to store it (cookies blocked). */
  write(choice: Choice): boolean;
  remove(): void;
}

export function createConsentCookie(settings: Settings, doc: Document): ConsentCookie {
  const { name, path } = settings.cookie;
  // The jar is read afresh unless the caller hands over one it has just read.
  const values = (pairs?: string[]) => cookieValues(doc, name, pairs);
  let told: 0 | 1 = 0;

  const write = (choice: Choice): boolean => {
    const value = encodeChoice(choice);
    const back = decodeChoice(value);
    // A cookie the reader refuses would be forgotten on the next page: say so instead of storing it.
    if (!back || encodeChoice(back) != value) {
      console.error(`Kelisim: the consent cookie would not read back (${value.length} bytes); the choice holds for this page view only.`);
      return false;
    }
    const set = () => {
      try {
        setCookie(doc, name, value, { expires: new Date(choice.expires * 1000), ...ownCookieAttributes(settings.cookie, doc) });
      } catch {
        // Reported by the caller: the value is not found below.
      }
      return values();
    };
    let found = set();
    if (found.length > 1) {
      // A copy on another domain (an earlier config, another subdomain's script) could be dated
      // later by a clock that was fast, and would then win over the choice just made.
      removeEverywhere(doc, name, path);
      found = set();
    }
    return found.indexOf(value) >= 0;
  };

  return {
    read(pairs) {
      const found = values(pairs);
      const choices = found.map(decodeChoice).filter((c): c is Choice => !!c);
      // Tampered, cut short, or written by another version: no consent, and the page is told why.
      if (found.length && !choices.length && !told) {
        told = 1;
        console.warn(`Kelisim: the cookie ${name} holds a value this version cannot read (${found[0].slice(0, 40)}); it counts as no choice, and the banner asks again.`);
      }
      const newest = choices.sort((a, b) => b.updated - a.updated)[0] || null;
      // Two cookies of one name (host and parent domain): keep only the newest, where configured.
      if (found.length > 1 && newest) write(newest);
      return newest;
    },
    write,
    remove() {
      removeEverywhere(doc, name, path);
    },
  };
}
