import type { Settings } from '../core/config';
import { composeTexts, type Dictionaries, type Texts } from '../i18n/compose';
import type { Dictionary } from '../i18n/dictionary';
import { hashTexts } from '../i18n/hash-texts';
import { ru } from '../i18n/ru';
import { FETCHED, shelved } from '../i18n/shelf';
import { unpack } from '../i18n/packed';

/**
 * The UI's view of the texts: Russian and whatever dictionaries have arrived. A language is shown
 * only once it is here (see `available`), so nothing falls back to Russian while one is fetched.
 */
export const available = (language: string): boolean => !FETCHED[language] || !!shelved()[language];

/** The fetched dictionaries, unpacked (see i18n/packed.ts). */
const fetched = (): Record<string, Dictionary> => {
  const all = shelved();
  for (const language in all) all[language] = unpack(all[language]);
  return all;
};

/** The language the visitor reads: a built-in one whose dictionary never arrived shows as Russian. */
export const shownLanguage = (language: string): string => (available(language) ? language : 'ru');

export const textsFor = (settings: Settings, language: string): Texts => composeTexts({ ...fetched(), ru }, settings, language);

export const textHash = (settings: Settings, language: string): string => hashTexts(settings, textsFor(settings, language));

/** The switch's label of a language that may not have arrived yet. */
export const languageName = (settings: Settings, language: string): string =>
  (available(language) ? '' : (settings.texts[language] || {}).languageName || FETCHED[language]) || textsFor(settings, language).languageName;

/**
 * The dictionaries to check the config's category texts against: every built-in dictionary names
 * the same categories, so one not yet fetched counts as Russian here.
 */
export const checkedDictionaries = (): Dictionaries => {
  const all: Dictionaries = { ru };
  for (const language of Object.keys(FETCHED)) all[language] = ru;
  return { ...all, ...fetched() };
};
