import type { DefaultCategory, Kelisim, KelisimConfig } from './types';
import { createInstance } from './api';
import { shelve } from './i18n/shelf';
import { EXPLAIN, LOG } from './core/companions';
import { lazyPresets } from './presets/lazy';
import { usePresets } from './presets/source';
import { pageNonce } from './gate/page-nonce';

/**
 * A Kelisim instance for bundlers. The UI chunk is a dynamic import, fetched only when the banner
 * or the dialog must show. With a config it initialises at once.
 */
export function createKelisim<C extends string = DefaultCategory>(config?: KelisimConfig<C>): Kelisim<C> {
  if (typeof window != 'object' || typeof document != 'object') return onServer(config) as Kelisim<C>;
  // Each preset is a chunk of its own, fetched only when a counter names it.
  usePresets(lazyPresets);
  const instance = createInstance({
    loadUI: () => import('./ui-chunk'),
    loadTexts,
    loadMessages: () => import('./core/messages').then((m) => {
      (window as any)[EXPLAIN] = m.explain;
    }),
    loadLog: () => import('./store/consent-log').then((m) => {
      (window as any)[LOG] = m.createConsentLog;
    }),
    nonce: pageNonce(document),
  }) as Kelisim<string>;
  return (config ? instance.init(config as KelisimConfig) : instance) as Kelisim<C>;
}

/**
 * Next.js, Nuxt and Astro evaluate a page's modules on the server too, where there is no window:
 * a `createKelisim(config)` at a module's top level must not fail the render. Consent lives in the
 * visitor's browser, so on the server nothing is allowed, nothing is recorded and nothing shows.
 * The first call that would act says so, once; creating the instance and reading it stay quiet.
 */
function onServer(config?: KelisimConfig): Kelisim {
  let told = 0;
  const idle = () => {
    if (!told++) console.warn('Kelisim: no window here (server-side rendering?): this instance allows, records and shows nothing. Create it in the browser, e.g. in useEffect() or onMounted().');
  };
  const api: Kelisim = {
    init: () => (idle(), api),
    show: idle,
    showPreferences: idle,
    hide() {},
    acceptAll: idle,
    rejectAll: idle,
    accept: idle,
    allow: idle,
    isAllowed: () => false,
    getConsent: () => null,
    on: () => () => {},
    reset: idle,
    destroy() {},
  };
  return config ? api.init(config) : api;
}

/** Kazakh and English are chunks of their own, fetched only for a visitor who reads them. */
function loadTexts(language: string): Promise<void> {
  if (language == 'kk') return import('./i18n/kk').then((m) => shelve(language, m.kk));
  if (language == 'en') return import('./i18n/en').then((m) => shelve(language, m.en));
  return Promise.resolve();
}

