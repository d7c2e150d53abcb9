import { createInstance } from '../../src/api';
import type { Kelisim, KelisimConfig } from '../../src/types';

// Drives the real Preact UI in jsdom as a visitor would: by what is on the screen.

/** Resolves with what `probe` finds, polling every 5 ms, `tries` times at most. */
export async function waitUntil<T>(probe: () => T, tries: number): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out');
}

export const $ = (selector: string) => document.querySelector(selector) as HTMLElement | null;
export const $$ = (selector: string) => Array.from(document.querySelectorAll(selector)) as HTMLElement[];

/** An instance with the real UI chunk, initialised with the defaults the UI tests share. */
export function createWithUI(config: KelisimConfig = {}): Kelisim {
  const instance = createInstance({ loadUI: () => import('../../src/ui-chunk') });
  instance.init({ reloadOnWithdraw: false, revision: '2019-02-20', policyUrl: '/privacy', ...config });
  return instance;
}

/** A Russian page with one link that reopens the preferences, as the UI tests start from. */
export function blankPage(): void {
  document.documentElement.lang = 'ru';
  document.body.innerHTML = '<main><a href="#" data-kelisim="preferences">Cookie</a></main>';
}

export function clearCookies(): void {
  document.cookie.split('; ').forEach((c) => { document.cookie = c.split('=')[0] + '=; max-age=0; path=/'; });
}
