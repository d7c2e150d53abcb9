import type { Settings } from '../core/config';
import { hashTexts } from './hash-texts';
import { textsFor } from './index';

/**
 * The hash a consent record carries of the words the visitor was shown: every UI string of the
 * language and each configured category's title and description. The proof store computes the
 * same hash from the site's config to show which words stood behind a record (Law 94-V Art. 8).
 */
export function textHash(settings: Settings, language: string): string {
  return hashTexts(settings, textsFor(settings, language));
}
