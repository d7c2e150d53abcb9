import { catalog } from '../../../src/presets/catalog';
import type { Fix, Placement, Purpose } from './types';

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
    const example = id || catalog[placement.preset].idExample;
    return {
      category,
      preset: placement.preset,
      how: 'counter',
      text: `Remove the ${placement.vendor} snippet and let Kelisim load it: counters: [{ category: '${category}', preset: '${placement.preset}', id: '${example}' }]. `
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
