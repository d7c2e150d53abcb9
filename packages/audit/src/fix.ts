import type { PresetName } from '../../../src/types';
import { ID_WHERE } from './map/ids';
import type { Fix, Placement, Purpose } from './types';

/**
 * Stands where the page's counter id goes when no request showed it. A made-up id that looks
 * real gets pasted as it is, and the counter then reports to nobody, or to whoever owns that id;
 * a word in capitals reads as a blank to fill in, and no vendor's id format takes it.
 */
export const ID_PLACEHOLDER = 'YOUR_ID';

/** What the site owner must do when the fix carries the placeholder, and where their id is. */
export const idUnknownText = (vendor: string, snippet: string, account: string) =>
  `No request of the page carried its ${vendor} id, so the fix has ${ID_PLACEHOLDER} where the id goes: replace it with your own. `
  + `It is in the snippet you remove (${snippet}) and in your account (${account}).`;

export const idUnknownFor = (vendor: string, preset: PresetName) => idUnknownText(vendor, ID_WHERE[preset].snippet, ID_WHERE[preset].account);

/** A first-party cookie left after withdrawal by a vendor without a preset: the category must list it. */
export const cookieFix = (category: Purpose, cookie: string): Fix => ({
  category,
  how: 'cookies',
  cookie,
  text: `List it in categories.${category}.cookies: ['${cookie}'], so withdrawing "${category}" deletes it.`,
});

/** What to change so a leaking item waits for consent, in English (the report translates by `how`). */
export function fixFor(placement: Placement, iframe: boolean, id?: string): Fix | undefined {
  const category = placement.purpose;
  if (category == 'necessary' || category == 'unknown') return undefined;
  if (placement.preset) {
    return {
      category,
      preset: placement.preset,
      how: 'counter',
      ...(id ? { id } : {}),
      text: `Remove the ${placement.vendor} snippet and let Kelisim load it: counters: [{ category: '${category}', preset: '${placement.preset}', id: '${id || ID_PLACEHOLDER}' }]. `
        + (id ? '' : idUnknownFor(placement.vendor, placement.preset) + ' ')
        + 'Page code may keep calling the vendor\'s queue (ym, gtag, fbq, _tmr, ttq); calls wait for consent. '
        + 'A direct hit (an <img> or new Image() with the vendor\'s URL) must become a queue call too.',
    };
  }
  if (iframe) {
    return {
      category,
      how: 'iframe',
      text: `Gate the embed: <iframe data-category="${category}" data-src="…"> instead of src, so it loads once "${category}" is allowed.`,
    };
  }
  return {
    category,
    how: 'script',
    text: `Gate the script that does it: <script type="text/plain" data-category="${category}">, or load it through counters: [{ category: '${category}', src: '…' }].`,
  };
}
