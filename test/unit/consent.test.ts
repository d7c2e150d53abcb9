import { describe, expect, it } from 'vitest';
import { evaluate, makeChoice, revisionKey, toRecord } from '../../src/core/consent';
import { validate } from '../../src/core/validate';
import { resolveLanguage } from '../../src/core/language';
import { decodeChoice, encodeChoice } from '../../src/store/codec';

const settings = (config: object = {}) => validate({ revision: '2019-02-20', ...config }, () => {}, () => {});
const NOW = 1_780_000_000;
const id = () => 'AbCdEfGhIjKlMnOp';

describe('consent rules', () => {
  it('without a choice only required categories are allowed and every other is asked about', () => {
    expect(evaluate(null, settings(), NOW)).toEqual({ choice: null, allowed: ['necessary'], unanswered: ['analytics', 'advertising'] });
  });

  it('a choice allows what it grants, keeps its id on change, and extends its expiry', () => {
    const s = settings();
    const first = makeChoice(null, ['analytics'], s, 'ru', 'h', NOW, id);
    expect(evaluate(first, s, NOW + 1).allowed).toEqual(['necessary', 'analytics']);
    const second = makeChoice(first, ['advertising'], s, 'kk', 'h', NOW + 100, () => 'other-id-000000000');
    expect(second).toMatchObject({ id: first.id, created: NOW, updated: NOW + 100, granted: ['advertising'], denied: ['analytics'] });
    expect(second.expires).toBe(NOW + 100 + 365 * 86400);
  });

  it('a choice stored by a clock that was fast is followed by one that reads back', () => {
    const s = settings();
    const ahead = makeChoice(null, ['analytics'], s, 'ru', 'h', NOW + 365 * 86400, id);
    const next = makeChoice(ahead, [], s, 'ru', 'h', NOW, id);
    expect(next).toMatchObject({ id: ahead.id, created: NOW, updated: NOW, denied: ['analytics', 'advertising'] });
    expect(decodeChoice(encodeChoice(next))).toEqual(next);
  });

  it('a new policy revision asks again (policy §7.1)', () => {
    const choice = makeChoice(null, ['analytics'], settings(), 'ru', 'h', NOW, id);
    const state = evaluate(choice, settings({ revision: '2026-11-01' }), NOW + 1);
    expect(state.choice).toBeNull();
    expect(state.allowed).toEqual(['necessary']);
  });

  it('an expired choice asks again', () => {
    const s = settings({ cookie: { expiresDays: 30 } });
    const choice = makeChoice(null, ['analytics'], s, 'ru', 'h', NOW, id);
    expect(evaluate(choice, s, NOW + 30 * 86400 - 1).choice).not.toBeNull();
    expect(evaluate(choice, s, NOW + 30 * 86400).choice).toBeNull();
  });

  it('a category added later is asked about while earlier answers keep applying', () => {
    const before = settings();
    const choice = makeChoice(null, ['analytics'], before, 'ru', 'h', NOW, id);
    const after = settings({ categories: { necessary: { required: true }, analytics: {}, advertising: {}, personalization: {} } });
    expect(evaluate(choice, after, NOW + 1)).toMatchObject({ allowed: ['necessary', 'analytics'], unanswered: ['personalization'] });
  });

  it('turns a choice into the public record', () => {
    const s = settings();
    const choice = makeChoice(null, ['analytics'], s, 'kk', 'abc', NOW, id);
    expect(toRecord(evaluate(choice, s, NOW), s)).toEqual({
      id: 'AbCdEfGhIjKlMnOp', categories: ['necessary', 'analytics'], denied: ['advertising'],
      revision: '2019-02-20', language: 'kk', textHash: 'abc',
      createdAt: new Date(NOW * 1000).toISOString(), updatedAt: new Date(NOW * 1000).toISOString(),
      expiresAt: new Date((NOW + 365 * 86400) * 1000).toISOString(),
    });
    expect(choice.revision).toBe(revisionKey(s));
  });
});

describe('language choice', () => {
  const s = settings({ texts: { uz: { acceptAll: 'Hammasini qabul qilish' } } });
  it('prefers the visitor pick, then config, then <html lang>, then the browser, then Russian', () => {
    expect(resolveLanguage(s, 'en', 'kk', ['ru'])).toBe('en');
    expect(resolveLanguage(settings({ language: 'kk' }), null, 'en', ['ru'])).toBe('kk');
    expect(resolveLanguage(s, null, 'kk-KZ', ['en'])).toBe('kk');
    expect(resolveLanguage(s, null, '', ['de-DE', 'en-US'])).toBe('en');
    expect(resolveLanguage(s, null, 'de', ['fr'])).toBe('ru');
  });
  it('offers a language a site owner added through texts', () => {
    expect(resolveLanguage(s, null, 'uz', [])).toBe('uz');
  });
});
