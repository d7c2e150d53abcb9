import type { MountUI } from '../core/ui-host';
import { UI } from '../core/ui-host';
import { loadScript } from './load-script';

/**
 * For the script tag: fetch `kelisim-ui.js`; a failed load can be tried again on the next
 * `show()`. `url` is undefined when the gate cannot tell where the chunk is.
 */
export function scriptUILoader(w: Window & Record<symbol, any>, url: (uiUrl?: string) => string | undefined, nonce?: string) {
  let pending: Promise<MountUI> | undefined;
  return (uiUrl?: string): Promise<MountUI> => {
    const src = url(uiUrl);
    return pending || (pending = (w[UI] ? Promise.resolve()
      : src ? loadScript(w.document, src, nonce)
      : Promise.reject(new Error('kelisim.js ran without its own src, so kelisim-ui.js is not found: set uiUrl')))
      .then(() => {
        const ui = w[UI];
        if (!ui || typeof ui.mount != 'function') throw new Error(`${src} did not hand over the banner`);
        return ui.mount as MountUI;
      })
      .catch((error) => {
        pending = undefined;
        throw error;
      }));
  };
}
