import type { Settings } from '../core/config';
import type { UITexts } from '../types';
import type { Dictionary } from './dictionary';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';
import { own as entry } from '../core/own';

const BUILT_IN: Record<string, Dictionary> = { ru, kk, en };

export interface Texts extends UITexts {
  category(name: string): { title: string; description: string };
}

/**
 * The strings for one language: the site owner's overrides, then the built-in language, then
 * Russian for anything a language added through config leaves out.
 */
export function textsFor(settings: Settings, language: string): Texts {
  const own = BUILT_IN[language] || ru;
  const texts = Object.assign({}, ru, own, settings.texts[language]) as Dictionary;
  return Object.assign(texts, {
    category(name: string) {
      const category = settings.categories.filter((c) => c.name == name)[0];
      const custom = (category && category.texts[language]) || {};
      // Own entries only: a category named `toString` must not find Object.prototype's.
      const builtIn = entry(own.categories, name) || entry(ru.categories, name) || [name, ''];
      return { title: custom.title || builtIn[0], description: custom.description || builtIn[1] };
    },
  });
}
