import type { Settings } from './config';

export const BUILT_IN = ['ru', 'kk', 'en'];

/**
 * `kz` is the country, not the language, but it is the usual slip on .kz sites: read it (and
 * `kz-KZ`) as Kazakh, `kk`, and say so once, naming the right code.
 */
export function kazakh(tag: string, where: string): string {
  if (!/^kz(-kz)?$/i.test(tag)) return tag;
  console.warn(`Kelisim: ${where} '${tag}' is read as Kazakh; the language code is 'kk' ('kz' is the country).`);
  return 'kk';
}

/** The same for the language keys of a texts object. */
export function kazakhKeys<T>(texts: Record<string, T>, where: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(texts)) {
    const code = kazakh(key, `${where}.`);
    out[code] = code == key ? texts[key] : Object.assign({}, texts[key], texts[code]);
  }
  return out;
}

/** ru, kk, en, then any language a site owner added through `texts`. */
export const languagesOf = (settings: Settings): string[] =>
  BUILT_IN.concat(Object.keys(settings.texts).filter((l) => BUILT_IN.indexOf(l) < 0));

/**
 * The visitor's own pick wins, then the configured language, then `<html lang>`, then the
 * browser's list; Russian when none of them is offered.
 */
export function resolveLanguage(
  settings: Settings,
  picked: string | null | undefined,
  htmlLang: string | null | undefined,
  browser: readonly string[],
): string {
  const offered = languagesOf(settings);
  const candidates = [picked, settings.language == 'auto' ? null : settings.language, htmlLang && kazakh(htmlLang, '<html lang>'), ...browser];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.toLowerCase();
    const match = offered.indexOf(tag) >= 0 ? tag : offered.indexOf(tag.split('-')[0]) >= 0 ? tag.split('-')[0] : '';
    if (match) return match;
  }
  return 'ru';
}
