import type { Settings } from './config';

export const BUILT_IN = ['ru', 'kk', 'en'];

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
  const candidates = [picked, settings.language == 'auto' ? null : settings.language, htmlLang, ...browser];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.toLowerCase();
    const match = offered.indexOf(tag) >= 0 ? tag : offered.indexOf(tag.split('-')[0]) >= 0 ? tag.split('-')[0] : '';
    if (match) return match;
  }
  return 'ru';
}
