import { describe, expect, it } from 'vitest';
import { LOADER_HOSTS } from '../../src/presets/loaders';
import { VENDOR_HOSTS } from '../../src/ui/warnings';

// warnings.ts looks for a preset vendor's host in the gated scripts before it fetches the precise
// check from kelisim-prefs.js: a host it misses would never be reported.
describe('the first look for a vendor loaded twice', () => {
  it.each(Object.entries(LOADER_HOSTS))('finds the host of %s in a gated script', (_, host) => {
    expect(VENDOR_HOSTS.test(`<script type="text/plain" data-category="analytics" src="https://${host}x.js"></script>`)).toBe(true);
  });

  it('passes over scripts of other hosts', () => {
    expect(VENDOR_HOSTS.test('<script type="text/plain" data-category="functional" src="https://code.jivo.ru/widget/abc"></script>')).toBe(false);
  });
});
