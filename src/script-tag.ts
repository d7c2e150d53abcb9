import type { KelisimConfig } from './types';
import type { MountUI } from './core/ui-host';
import { createInstance, whenReady } from './api';
import { scriptUILoader } from './gate/ui-loader';

declare global {
  interface Window {
    Kelisim: import('./types').Kelisim;
    kelisimConfig?: KelisimConfig;
  }
}

/**
 * The `<script>` build: one instance on `window.Kelisim`, configured from `window.kelisimConfig`
 * when present. `mountUI` is given by the one-file build; otherwise the UI chunk is fetched from
 * the folder this script came from.
 */
export function start(mountUI?: MountUI): void {
  const self = document.currentScript as HTMLScriptElement | null;
  const nonce = (self && (self.nonce || self.getAttribute('nonce'))) || undefined;
  const base = self && self.src ? self.src.replace(/[^/?#]*([?#].*)?$/, '') : '';
  const loadUI = mountUI
    ? () => Promise.resolve(mountUI)
    : scriptUILoader(window, base + 'kelisim-ui.js', nonce);
  const instance = createInstance({ loadUI, nonce });
  window.Kelisim = instance;
  if (window.kelisimConfig) instance.init(window.kelisimConfig);
  // An `async` gate can run before the inline config that follows it in the markup.
  else whenReady(document).then(() => window.kelisimConfig && instance.init(window.kelisimConfig));
}
