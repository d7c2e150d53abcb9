import type { Prefs } from './prefs-api';

/**
 * The second chunk for bundlers and the one-file build: a dynamic import, which a bundler splits
 * off. kelisim-ui.js replaces this module with prefs-script.ts (see rollup.config.mjs).
 */
export const loadPrefs = (_nonce?: string): Promise<Prefs> => import('./prefs').then((m) => m.prefs);
