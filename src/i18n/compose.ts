import type { Settings } from '../core/config';
import { languagesOf } from '../core/language';
import type { UITexts } from '../types';
import type { Dictionary } from './dictionary';
import { ru } from './ru';
import { own as entry } from '../core/own';

/** The dictionaries at hand: Russian always, the others once fetched. */
export type Dictionaries = Record<string, Dictionary>;
const KEYS = ['title', 'description'] as const;
type Key = (typeof KEYS)[number];

export interface Texts extends UITexts {
  ids: Record<string, string>;
  category(name: string): { title: string; description: string };
  /** How the banner's list names an optional category. */
  purpose(name: string): string;
}

/**
 * One text of a category, per key: the site owner's in this language, the built-in one, the site
 * owner's in the configured language, then in any language (Russian first), then built-in Russian.
 */
function categoryText(dictionaries: Dictionaries, settings: Settings, name: string, language: string, key: Key, own: boolean): string {
  const category = settings.categories.filter((c) => c.name == name)[0];
  const custom = (l: string) => (category && category.texts[l] && category.texts[l][key]) || '';
  // Own entries only: a category named `toString` must not find Object.prototype's.
  const builtIn = (l: string) => (dictionaries[l] && entry(dictionaries[l].categories, name) ? dictionaries[l].categories[name][KEYS.indexOf(key)] : '');
  if (own) return custom(language) || builtIn(language);
  const others = category ? ['ru'].concat(Object.keys(category.texts)) : [];
  return categoryText(dictionaries, settings, name, language, key, true) || custom(settings.language)
    || others.map(custom).filter(Boolean)[0] || builtIn('ru') || (key == 'title' ? name : '');
}

/**
 * The strings for one language: the site owner's overrides, then the built-in language, then
 * Russian for anything a language added through config leaves out.
 */
export function composeTexts(dictionaries: Dictionaries, settings: Settings, language: string): Texts {
  const own = dictionaries[language] || ru;
  // A language the site owner added is named in the switch by its code until they name it.
  const texts = Object.assign({}, ru, own, dictionaries[language] ? {} : { languageName: language.toUpperCase() }, settings.texts[language]) as Dictionary;
  return Object.assign(texts, {
    category: (name: string) => ({
      title: categoryText(dictionaries, settings, name, language, 'title', false),
      description: categoryText(dictionaries, settings, name, language, 'description', false),
    }),
    purpose(name: string) {
      const builtIn = entry(own.categories, name);
      const category = settings.categories.filter((c) => c.name == name)[0];
      const custom = category && category.texts[language] && category.texts[language].title;
      return custom || (builtIn ? builtIn[2] : categoryText(dictionaries, settings, name, language, 'title', false));
    },
  });
}

/**
 * `categories.<name>.texts.<lang>.<key>` of each text a category lacks in a selectable language,
 * and `texts.<lang>.<key>` of each string of the banner and the dialog that a language the site
 * owner added leaves out.
 */
export function missingIn(dictionaries: Dictionaries, settings: Settings): string[] {
  const missing: string[] = [];
  for (const language of languagesOf(settings)) {
    if (dictionaries[language]) continue;
    const base = dictionaries.ru;
    for (const key of Object.keys(base) as (keyof Dictionary)[]) {
      if (typeof base[key] == 'string' && !entry(settings.texts[language], key)) missing.push(`texts.${language}.${key}`);
    }
  }
  for (const { name } of settings.categories) {
    for (const language of languagesOf(settings)) {
      for (const key of KEYS) {
        if (!categoryText(dictionaries, settings, name, language, key, true)) missing.push(`categories.${name}.texts.${language}.${key}`);
      }
    }
  }
  return missing;
}
