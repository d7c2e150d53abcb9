import { currentScript } from '../gate/dom';
import { loadScript } from '../gate/load-script';
import { PREFS, type Prefs } from './prefs-api';

// kelisim-prefs.js sits beside kelisim-ui.js, with its query, as the gate's other files do: taken
// from this script's own src while it runs, the only moment the document tells it.
const self = currentScript(document);
const src = self ? self.src.replace(/[^/?#]*(\?[^#]*)?(#.*)?$/, 'kelisim-prefs.js$1') : 'kelisim-prefs.js';
let pending: Promise<Prefs> | undefined;

/**
 * kelisim-ui.js's way to the second chunk: the gate's own script loader (lent by the kit), with
 * the page's nonce, once; a failure may be tried again.
 */
export const loadPrefs = (nonce?: string): Promise<Prefs> => pending || (pending = loadScript(document, src, nonce).then(() => {
  const prefs = (window as any)[PREFS] as Prefs | undefined;
  if (!prefs) throw new Error(`${src} did not hand over the settings`);
  return prefs;
}).catch((error) => {
  pending = undefined;
  throw error;
}));
