import type { Settings } from '../core/config';
import { composeTexts, missingIn, type Texts } from './compose';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { Texts } from './compose';

/** Every built-in language at hand: for the proof store, which recomputes any record's text hash. */
const BUILT_IN = { ru, kk, en };

/**
 * The strings for one language: the site owner's overrides, then the built-in language, then
 * Russian for anything a language added through config leaves out.
 */
export const textsFor = (settings: Settings, language: string): Texts => composeTexts(BUILT_IN, settings, language);

/** `categories.<name>.texts.<lang>.<key>` of each text a category lacks in a selectable language. */
export const missingTranslations = (settings: Settings): string[] => missingIn(BUILT_IN, settings);
