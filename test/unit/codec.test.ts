import { describe, expect, it } from 'vitest';
import { decodeChoice, encodeChoice } from '../../src/store/codec';
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
