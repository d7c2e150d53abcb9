import { afterEach, describe, expect, it, vi } from 'vitest';
import { COOKIE_LIMIT, longestCookie } from '../../src/core/cookie-size';
import { decodeChoice, encodeChoice } from '../../src/store/codec';
import { createConsentCookie } from '../../src/store/consent-cookie';
import { validate } from '../../src/core/validate';
import type { Choice } from '../../src/core/consent';

const choice: Choice = {
  id: 'AbCdEfGhIjKlMnOp',
  granted: ['analytics'],
  denied: ['advertising'],
  revision: 'x1y2z3',
  language: 'kk',
  created: 1_780_000_000,
  updated: 1_780_000_500,
  expires: 1_811_536_000,
  textHash: '1a2b3c',
};

describe('consent cookie codec', () => {
  it('round-trips a choice', () => {
    expect(decodeChoice(encodeChoice(choice))).toEqual(choice);
  });

  it('fits name and value in 100 bytes for the default three categories', () => {
    const all: Choice = { ...choice, granted: [], denied: ['analytics', 'advertising'], revision: 'zzzzzzz', textHash: 'zzzzzzz' };
    const cookie = 'kelisim=' + encodeChoice(all);
    expect(cookie.length).toBeLessThanOrEqual(100);
    // Every character is one js-cookie writes unencoded, so the stored size is the string's size.
    expect(encodeURIComponent(encodeChoice(all)).replace(/%2B/g, '+')).toBe(encodeChoice(all));
  });

  it.each([
    ['garbage', 'hello'],
    ['another version', encodeChoice(choice).replace(/^1\./, '2.')],
    ['a short id', encodeChoice({ ...choice, id: 'abc' })],
    ['a field missing', encodeChoice(choice).split('.').slice(1).join('.')],
    ['an extra field', encodeChoice(choice) + '.x'],
    ['a category both granted and denied', encodeChoice({ ...choice, denied: ['analytics'] })],
    ['updated before created', encodeChoice({ ...choice, updated: choice.created - 1 })],
    ['a script in a category', encodeChoice(choice).replace('analytics', '<script>')],
    ['a bad language', encodeChoice({ ...choice, language: 'RU!' })],
    ['an enormous value', 'x'.repeat(5000)],
  ])('treats %s as no consent', (_, value) => {
    expect(decodeChoice(value)).toBeNull();
  });

  it('treats non-strings as no consent', () => {
    for (const value of [undefined, null, 42, {}, []]) expect(decodeChoice(value)).toBeNull();
  });
});

describe('long category lists', () => {
  afterEach(() => {
    document.cookie = 'kelisim=; max-age=0; path=/';
    vi.restoreAllMocks();
  });
  const named = (count: number, length: number) =>
    Array.from({ length: count }, (_, i) => `c${String(i).padStart(3, '0')}`.padEnd(length, 'x'));

  it('45 vendor-style categories (over 1,300 characters) read back', () => {
    const names = named(45, 29);
    const long = { ...choice, granted: names.slice(0, 20), denied: names.slice(20) };
    expect(encodeChoice(long).length).toBeGreaterThan(1300);
    expect(decodeChoice(encodeChoice(long))).toEqual(long);
  });

  it('the size bound covers the longest cookie a category list can give', () => {
    const names = named(100, 32);
    const categories = names.map((name) => ({ name, required: false }));
    const worst: Choice = { ...choice, id: 'x'.repeat(32), created: 36 ** 8 - 3, updated: 36 ** 8 - 2, expires: 36 ** 8 - 1,
      revision: 'zzzzzzzz', language: 'abc-defghijk', textHash: 'zzzzzzzz', granted: [], denied: names };
    expect(decodeChoice(encodeChoice(worst))).toEqual(worst);
    expect(('x'.repeat(32) + '=' + encodeChoice(worst)).length).toBeLessThanOrEqual(longestCookie(categories));
  });

  it('validation refuses categories whose cookie cannot fit, naming the limit, and asks with the defaults', () => {
    const errors: string[] = [];
    const categories = Object.fromEntries(named(130, 32).map((name) => [name, {}]));
    const s = validate({ categories, counters: [{ category: 'c000'.padEnd(32, 'x'), src: 'https://example.org/x.js' }] }, (m) => errors.push(m), () => {});
    expect(s.categories.map((c) => c.name)).toEqual(['necessary', 'analytics', 'advertising']);
    expect(s.counters).toEqual([]);
    expect(errors[0]).toMatch(new RegExp(`config\\.categories .* ${COOKIE_LIMIT}-byte cookie`));
    expect(validate({ categories: Object.fromEntries(named(100, 32).map((n) => [n, {}])) }, (m) => errors.push(m), () => {}).categories).toHaveLength(100);
  });

  it('write() refuses a value the reader would reject, and says so', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cookie = createConsentCookie(validate({}, () => {}, () => {}), document);
    const names = named(140, 32);
    expect(cookie.write({ ...choice, granted: names, denied: [] })).toBe(false);
    expect(error.mock.calls[0][0]).toMatch(/would not read back/);
    expect(document.cookie).not.toContain('kelisim=');
    expect(cookie.write(choice)).toBe(true);
    expect(cookie.read()).toEqual(choice);
  });
});
