import type { Kelisim, KelisimConfig } from './types';
import { createInstance } from './api';

/**
 * A Kelisim instance for bundlers. The UI chunk is a dynamic import, fetched only when the banner
 * or the dialog must show. With a config it initialises at once.
 */
export function createKelisim(config?: KelisimConfig): Kelisim {
  const instance = createInstance({ loadUI: () => import('./ui/index').then((ui) => ui.mount) });
  return config ? instance.init(config) : instance;
}
