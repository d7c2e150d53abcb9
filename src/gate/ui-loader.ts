import type { MountUI } from '../core/ui-host';
import { loadScript } from './load-script';

/**
 * For the script tag: fetch `kelisim-ui.js` from the gate's own folder. The chunk announces
 * itself as `window.KelisimUI`; a failed load can be tried again on the next `show()`.
 */
export function scriptUILoader(w: Window & Record<string, any>, url: string, nonce?: string): () => Promise<MountUI> {
  let pending: Promise<MountUI> | undefined;
  return () => pending || (pending = (w.KelisimUI ? Promise.resolve() : loadScript(w.document, url, nonce))
    .then(() => {
      if (!w.KelisimUI || typeof w.KelisimUI.mount != 'function') throw new Error(`${url} did not define KelisimUI`);
      return w.KelisimUI.mount as MountUI;
    })
    .catch((error) => {
      pending = undefined;
      throw error;
    }));
}
