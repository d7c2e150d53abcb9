/**
 * Where `kelisim-messages.js` hands `explain` (messages.ts) to the script-tag gate: on the window
 * under a symbol, because the two are built apart.
 */
export const EXPLAIN = Symbol.for('kelisim.explain');
