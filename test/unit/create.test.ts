import { afterEach, describe, expect, it } from 'vitest';
import { createKelisim } from '../../src/create';
import type { Kelisim } from '../../src/types';

let instance: Kelisim | undefined;

afterEach(() => {
  instance?.destroy();
  document.head.innerHTML = '';
  document.cookie.split('; ').forEach((c) => { document.cookie = c.split('=')[0] + '=; max-age=0; path=/'; });
});

describe('createKelisim (npm build)', () => {
  it("lends the page's CSP nonce to the counters and the stylesheet it adds", async () => {
    document.head.innerHTML = '<script nonce="r4nd0m"></script>';
    instance = createKelisim({ revision: '1', reloadOnWithdraw: false, counters: [{ category: 'analytics', src: '/counter.js' }] });
    for (let i = 0; i < 100 && !document.querySelector('[data-kelisim-banner]'); i++) await new Promise((r) => setTimeout(r, 5));
    const style = Array.from(document.head.querySelectorAll('style')).pop()!;
    expect(style.nonce).toBe('r4nd0m');
    instance.acceptAll();
    const counter = document.querySelector<HTMLScriptElement>('script[src="/counter.js"]')!;
    expect(counter.nonce).toBe('r4nd0m');
  });

  it('prefers the nonce given in the config', () => {
    document.head.innerHTML = '<script nonce="page"></script>';
    // Another src: a counter started on this page once is never started again.
    instance = createKelisim({ revision: '1', nonce: 'given', counters: [{ category: 'analytics', src: '/other-counter.js' }] });
    instance.acceptAll();
    expect(document.querySelector<HTMLScriptElement>('script[src="/other-counter.js"]')!.nonce).toBe('given');
  });
});
