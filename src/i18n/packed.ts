import type { Dictionary } from './dictionary';
import { ru } from './ru';

/**
 * kelisim-kk.js and kelisim-en.js carry their dictionary packed: the values alone, in the order of
 * the Russian dictionary's keys and categories, which the UI chunk holds anyway (see
 * rollup.config.mjs). A fifth less to fetch for a Kazakh page. Bundlers and the one-file build
 * shelve plain dictionaries.
 */
export function unpack(dictionary: Dictionary | unknown[]): Dictionary {
  if (!Array.isArray(dictionary)) return dictionary;
  const plain: Record<string, any> = {};
  Object.keys(ru).forEach((key, i) => { plain[key] = dictionary[i]; });
  const categories = plain.categories;
  plain.categories = {};
  Object.keys(ru.categories).forEach((name, i) => { plain.categories[name] = categories[i]; });
  return plain as Dictionary;
}
