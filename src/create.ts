import type { DefaultCategory, Kelisim, KelisimConfig } from './types';
import { createInstance } from './api';

/**
 * A Kelisim instance for bundlers. The UI chunk is a dynamic import, fetched only when the banner
 * or the dialog must show. With a config it initialises at once.
 */
export function createKelisim<C extends string = DefaultCategory>(config?: KelisimConfig<C>): Kelisim<C> {
  const instance = createInstance({ loadUI: () => import('./ui/index').then((ui) => ui.mount), nonce: pageNonce() }) as Kelisim<string>;
  return (config ? instance.init(config as KelisimConfig) : instance) as Kelisim<C>;
}

/**
 * A bundle has no script tag of its own to take a nonce from; under a nonce-based CSP the page's
 * scripts carry one, and browsers expose it only as the `nonce` property.
 */
function pageNonce(): string | undefined {
  const script = typeof document == 'object' ? document.querySelector<HTMLScriptElement>('script[nonce]') : null;
  return (script && (script.nonce || script.getAttribute('nonce'))) || undefined;
}
