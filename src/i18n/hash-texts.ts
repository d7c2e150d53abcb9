import type { Settings } from '../core/config';
import { hashText } from '../core/hash';
import type { Texts } from './compose';

/** The hash of the shown words: every UI string and each configured category's title and description. */
export const hashTexts = (settings: Settings, t: Texts): string =>
  hashText(JSON.stringify(t) + settings.categories.map((c) => JSON.stringify(t.category(c.name))).join());
