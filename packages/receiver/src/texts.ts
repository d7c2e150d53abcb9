import { validate } from '../../../src/core/validate';
import { textsFor } from '../../../src/i18n';
import type { Settings } from '../../../src/core/config';
import type { Texts } from '../../../src/i18n/compose';
import { hashTexts } from '../../../src/i18n/hash-texts';
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

/**
 * Whether registered texts still hash to their hash. The stored JSON holds what `hashTexts` read
 * (the UI strings and each category's title and description, in order), so the hash can be taken
 * again from the table alone; words edited in the database no longer match.
 */
export function textsIntact(entry: TextsEntry): boolean {
  if (entry.kind != TEXT_HASH) return true;
  try {
    const { ui, categories } = JSON.parse(entry.texts);
    // The library's own hash, over the kept words: the categories in the order they were kept.
    const settings = { categories: Object.keys(categories).map((name) => ({ name })) } as Settings;
    return hashTexts(settings, { ...ui, category: (name: string) => categories[name] } as Texts) == entry.hash;
  } catch {
    return false;
  }
}

/** The texts behind a record's hash, or none; `altered` when texts are registered under it but no longer match it. */
export interface Looked {
  entry: TextsEntry | null;
  altered: boolean;
}

/** Looks up and checks each hash once per export or answer, however many records carry it. */
export function textsLookup(store: Store) {
  const cache = new Map<string, Promise<{ intact: TextsEntry[]; altered: boolean }>>();
  return async (hash: string, language: string): Promise<Looked> => {
    if (!cache.has(hash)) {
      cache.set(hash, store.texts(hash).then((found) => {
        const intact = found.filter(textsIntact);
        return { intact, altered: found.length > intact.length };
      }));
    }
    // Two languages can share a hash when their words are the same; an intact one still vouches for them.
    const { intact, altered } = await cache.get(hash)!;
    const entry = intact.filter((e) => e.language == language)[0] || intact[0] || null;
    return { entry, altered: !entry && altered };
  };
}
