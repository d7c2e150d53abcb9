import type { Dictionary } from '../i18n/dictionary';
import { en } from '../i18n/en';
import { kk } from '../i18n/kk';
import { ru } from '../i18n/ru';
import type { Lang } from './model';

/** The library's own words, shown beside each field that overrides them. */
export const DICTIONARIES: Record<Lang, Dictionary> = { ru, kk, en };

/** A purpose's title in a language: its own, else the library's, else its name. */
export const purposeTitle = (p: { name: string; texts: Record<Lang, { title: string }> }, lang: Lang) =>
  p.texts[lang].title.trim() || (DICTIONARIES[lang].categories[p.name] || [p.name])[0] || p.name;
