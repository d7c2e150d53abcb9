import { blank } from '../core/own';
import type { Dictionary } from './dictionary';

/**
 * Where fetched dictionaries wait for the UI: on the window under a symbol, because the script
 * tag's `kelisim-kk.js` and `kelisim-ui.js` are built apart and share nothing else.
 */
const SHELF = Symbol.for('kelisim.texts');

/** The built-in languages that are fetched on demand; Russian travels with the UI. */
export const FETCHED = /* @__PURE__ */ blank({ kk: 'Қаз', en: 'Eng' });

export function shelve(language: string, dictionary: Dictionary): void {
  const w = window as any;
  (w[SHELF] || (w[SHELF] = {}))[language] = dictionary;
}

export const shelved = (): Record<string, Dictionary> => blank((window as any)[SHELF]);
