import { catalog } from '../../../../src/presets/catalog';
import type { PresetName } from '../../../../src/types';

/** Where each vendor puts its counter id in the requests it makes (their snippets and hit formats). */
const ID_IN_URL: Record<PresetName, RegExp[]> = {
  'yandex-metrika': [/\/\/mc\.yandex\.[a-z]+\/(?:watch|webvisor)\/(\d+)/, /\/metrika\/tag\.js\?(?:.*&)?id=(\d+)/],
  gtag: [/[?&]tid=((?:G|AW|DC)-[A-Z0-9]+)/, /\/gtag\/js\?(?:.*&)?id=((?:G|AW|DC)-[A-Z0-9]+)/],
  gtm: [/\/gtm\.js\?(?:.*&)?id=(GTM-[A-Z0-9]+)/, /\/ns\.html\?(?:.*&)?id=(GTM-[A-Z0-9]+)/],
  'vk-pixel': [/\/\/top-fwz1\.mail\.ru\/(?:counter|tracker|js\/code\.js)\?(?:.*[;&])?id=(\d+)/],
  'meta-pixel': [/facebook\.com\/tr\/?\?(?:.*&)?id=(\d+)/, /connect\.facebook\.net\/signals\/config\/(\d+)/],
  'tiktok-pixel': [/[?&]sdkid=([A-Z0-9]{20})/],
};

/** The counter ids a request URL carries for a preset, each checked against the catalog's id format. */
export function idsIn(preset: PresetName, url: string): string[] {
  const found: string[] = [];
  for (const re of ID_IN_URL[preset]) {
    const id = re.exec(url)?.[1];
    if (id && catalog[preset].id.test(id) && found.indexOf(id) < 0) found.push(id);
  }
  return found;
}

/**
 * Where a site owner finds their own id when no request showed it: in the vendor's snippet they
 * are about to remove (as each vendor's install instructions give it), and in their account.
 */
export const ID_WHERE: Record<PresetName, { snippet: string; account: string }> = {
  'yandex-metrika': { snippet: 'ym(…, "init", {…})', account: 'metrika.yandex.ru' },
  gtag: { snippet: "gtag('config', '…')", account: 'analytics.google.com, ads.google.com' },
  gtm: { snippet: "(window,document,'script','dataLayer','GTM-…')", account: 'tagmanager.google.com' },
  'vk-pixel': { snippet: '_tmr.push({ id: "…", … })', account: 'ads.vk.com' },
  'meta-pixel': { snippet: "fbq('init', '…')", account: 'business.facebook.com/events_manager' },
  'tiktok-pixel': { snippet: "ttq.load('…')", account: 'ads.tiktok.com' },
};
