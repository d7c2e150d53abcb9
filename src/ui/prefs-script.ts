import { currentScript, element, headOf } from '../gate/dom';
import { PREFS, type Prefs } from './prefs-api';

// kelisim-prefs.js sits beside kelisim-ui.js, as the gate's other files do: taken from this
// script's own src while it runs, the only moment the document tells it. That src passed the
// gate's check for a safe URL, so this one, in the same folder, needs none.
const self = currentScript(document);
const src = (self ? self.src.replace(/[^/?#]*([?#].*)?$/, '') : '') + 'kelisim-prefs.js';
let pending: Promise<Prefs> | undefined;

/** kelisim-ui.js's way to the second chunk: a script tag with the page's nonce, once; a failure may be tried again. */
export const loadPrefs = (nonce?: string): Promise<Prefs> => pending || (pending = new Promise<Prefs>((resolve, reject) => {
  const w = window as any;
  const script = element(document, 'script');
  if (nonce) script.nonce = nonce;
  script.onload = script.onerror = () => (w[PREFS] ? resolve(w[PREFS]) : reject(new Error(`${src} did not load`)));
  script.src = src;
  (headOf(document) || document.documentElement).appendChild(script);
}).catch((error) => {
  pending = undefined;
  throw error;
}));
