import { validate } from '../../../src/core/validate';
import { textsFor } from '../../../src/i18n';
import { textHash } from '../../../src/i18n/text-hash';
import type { Store, TextsEntry } from './store/types';

export const TEXT_HASH = 'ui-text';
const BUILT_IN = ['ru', 'kk', 'en'];

export interface Registered {
  entries: TextsEntry[];
  errors: string[];
  warnings: string[];
}

/**
 * The words behind each text hash a site's records can carry: the config is checked by the
 * library's own validation, then each language it can show is hashed by the library's own
 * function, so the hash matches what the banner computed in the visitor's browser.
 */
export function textsOfConfig(config: unknown, source: string, now = new Date().toISOString()): Registered {
  const errors: string[] = [];
  const warnings: string[] = [];
  const settings = validate(config, (m) => errors.push(m), (m) => warnings.push(m));
  const languages = [...new Set(BUILT_IN.concat(Object.keys(settings.texts)))];
  const entries = languages.map((language) => {
    const t = textsFor(settings, language);
    const categories = Object.fromEntries(settings.categories.map((c) => [c.name, t.category(c.name)]));
    return {
      kind: TEXT_HASH,
      hash: textHash(settings, language),
      language,
      texts: JSON.stringify({ revision: settings.revision, ui: t, categories }),
      source,
      addedAt: now,
    };
  });
  return { entries, errors, warnings };
}

/** Looks up each hash once per export or answer. */
export function textsLookup(store: Store) {
  const cache = new Map<string, Promise<TextsEntry[]>>();
  return async (hash: string, language: string): Promise<TextsEntry | null> => {
    if (!cache.has(hash)) cache.set(hash, store.texts(hash));
    const found = await cache.get(hash)!;
    return found.filter((e) => e.language == language)[0] || found[0] || null;
  };
}
