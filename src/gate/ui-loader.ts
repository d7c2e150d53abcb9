import type { UIChunk } from '../api';
import { UI } from '../core/ui-host';
import { EXPLAIN, LOG } from '../core/companions';
import { FETCHED, shelved } from '../i18n/shelf';
import { loadScript } from './load-script';

/**
 * For the script tag: fetch the files that come after the gate, each once; a failed load can be
 * tried again. `beside` gives a file's URL next to `uiUrl` or the gate's own src; undefined when
 * the gate cannot tell.
 */
export function scriptLoaders(w: Window & Record<symbol, any>, beside: (name: string, uiUrl?: string) => string | undefined, nonce?: string) {
  const pending: Record<string, Promise<void> | undefined> = {};
  /** `src` delivered what `handed` looks for (the UI's `mount`, a dictionary) on the window. */
  const fetch = (name: string, src: string | undefined, handed: () => unknown): Promise<void> => handed()
    ? Promise.resolve()
    : pending[name] || (pending[name] = (src ? loadScript(w.document, src, nonce)
      : Promise.reject(new Error(`kelisim.js ran without its own src, so ${name} is not found: set uiUrl`)))
      .then(() => {
        if (!handed()) throw new Error(`${src} did not hand over ${name}`);
      })
      .catch((error) => {
        pending[name] = undefined;
        throw error;
      }));
  return {
    loadUI: (uiUrl?: string): Promise<UIChunk> => {
      const ui = () => w[UI] && typeof w[UI].mount == 'function';
      return fetch('kelisim-ui.js', uiUrl || beside('kelisim-ui.js'), ui).then(() => w[UI] as UIChunk);
    },
    loadMessages: (uiUrl?: string): Promise<void> => fetch('kelisim-messages.js', beside('kelisim-messages.js', uiUrl), () => w[EXPLAIN]),
    loadLog: (uiUrl?: string): Promise<void> => fetch('kelisim-log.js', beside('kelisim-log.js', uiUrl), () => w[LOG]),
    /** Kazakh and English come as kelisim-kk.js and kelisim-en.js, from the UI chunk's folder. */
    loadTexts: (language: string, uiUrl?: string): Promise<void> => FETCHED[language]
      ? fetch(`kelisim-${language}.js`, beside(`kelisim-${language}.js`, uiUrl), () => shelved()[language])
      : Promise.resolve(),
  };
}
