/**
 * Where the script tag's companion files hand over what they bring to the gate: on the window
 * under a symbol, because each file is built apart.
 */

/** `explain` (messages.ts), from `kelisim-messages.js`. */
export const EXPLAIN = Symbol.for('kelisim.explain');

/** `createConsentLog` (store/consent-log.ts), from `kelisim-log.js`. */
export const LOG = Symbol.for('kelisim.log');
