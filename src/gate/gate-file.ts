/**
 * The gate's own file name: kelisim.js, kelisim.min.js, kelisim.full.js; not kelisim-ui.js or
 * kelisim-prefs.js. The script tag finds itself by it, and the audit finds the gate on a page.
 */
export const GATE_FILE = /\/kelisim(\.[\w-]+)*\.js([?#]|$)/;
