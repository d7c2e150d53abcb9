import type { KelisimConfig } from './types';
import { activeInstance, createInstance, whenReady, type UIChunk } from './api';
import { currentScript } from './gate/dom';
import { GATE_FILE } from './gate/gate-file';
import { scriptLoaders } from './gate/ui-loader';

declare global {
  interface Window {
    Kelisim: import('./types').Kelisim;
    kelisimConfig?: KelisimConfig;
  }
}

/**
 * The `<script>` build: one instance on `window.Kelisim`, configured from `window.kelisimConfig`
 * when present. The UI chunk is given by the one-file build; otherwise the UI chunk is fetched from
 * `uiUrl`, or from the folder this script came from.
 */
export function start(chunk?: UIChunk): void {
  const self = currentScript(document);
  const nonce = (self && (self.nonce || self.getAttribute('nonce'))) || undefined;
  // The UI chunk and the dictionaries sit in the gate's folder, or in the one `uiUrl` names, and
  // take its query: `kelisim.js?v=3` is how a site busts caches, and they must be of its version.
  const beside = (name: string, uiUrl?: string) => {
    const file = uiUrl || (self && self.src) || namedGate();
    return file && file.replace(/[^/?#]*(\?[^#]*)?(#.*)?$/, name + '$1');
  };
  let due = true;
  const instance = createInstance({
    ...(chunk ? { loadUI: () => Promise.resolve(chunk) } : scriptLoaders(window as any, beside, nonce)),
    nonce,
    before: begin,
  });
  // A second copy of the gate (kelisim.js twice, or beside kelisim.full.js) stays inactive and
  // must not take `window.Kelisim` from the running one.
  window.Kelisim = activeInstance(window) || instance;

  const configure = () => {
    let config: unknown;
    try {
      config = window.kelisimConfig;
    } catch (error) {
      console.error('Kelisim: reading window.kelisimConfig threw; using the defaults.', error);
      config = {};
    }
    if (config !== undefined) window.Kelisim = instance.init(config as KelisimConfig);
    return config !== undefined;
  };
  // An `async` gate can run before the inline config that follows it in the markup. After the
  // page is parsed and its DOMContentLoaded listeners ran, no config and no init() means that the
  // config never arrived, most often through a syntax error in it.
  function begin() {
    if (!due) return;
    due = false;
    if (!configure()) {
      whenReady(document).then(() => configure() || setTimeout(() => activeInstance(window) || console.error(
        'Kelisim: no window.kelisimConfig and no init() once the page was parsed: no banner until Kelisim.init(config). A syntax error in the config?',
      )));
    }
  }
  // Started in a microtask: at once after this file has run, before any other script, but with
  // the file's top level off the stack. Chromium's first read of document.cookie costs some 2 ms
  // more with a large script's top level below it (measured with and without DevTools attached).
  // A page's API call before then starts it first.
  Promise.resolve().then(begin);
}

/** The gate run by a loader that evaluates its text: the `<script>` element that named the file, if any. */
function namedGate(): string | undefined {
  const scripts = document.getElementsByTagName('script');
  for (let i = scripts.length - 1; i >= 0; i--) if (GATE_FILE.test(scripts[i].src)) return scripts[i].src;
}
