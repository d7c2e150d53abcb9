import { describe, expect, it } from 'vitest';
import { findingsOf } from '../src/findings';
import type { Phase } from '../src/types';

const phase = (name: Phase['name'], cookies: Phase['cookies']): Phase =>
  ({ name, visited: [], requests: [], cookies, storage: [], notes: [] });

describe('findings after withdrawal', () => {
  it('asks to list a vendor\'s leftover cookie in its category when no preset deletes it', () => {
    const [leak] = findingsOf(phase('withdraw', [
      { name: 'jv_visitor_id', domain: 'www.makeup-center.kz', vendor: 'Jivo', purpose: 'functional', firstParty: true, httpOnly: false, cause: 'not known' },
    ]), 'leak');
    expect(leak).toMatchObject({ phase: 'withdraw', kind: 'cookie', name: 'jv_visitor_id', fix: { how: 'cookies', category: 'functional', cookie: 'jv_visitor_id' } });
  });

  it('asks for the preset when a preset vendor\'s cookie stays, and only notes third-party cookies', () => {
    const leaks = findingsOf(phase('withdraw', [
      { name: '_ym_uid', domain: '.makeup-center.kz', vendor: 'Yandex Metrica', purpose: 'analytics', preset: 'yandex-metrika', firstParty: true, httpOnly: false, cause: 'not known' },
      { name: 'yandexuid', domain: '.yandex.ru', vendor: 'Yandex Metrica', purpose: 'analytics', preset: 'yandex-metrika', httpOnly: false, cause: 'not known' },
    ]), 'leak');
    expect(leaks.map((l) => [l.name, l.fix?.how, l.fix?.preset])).toEqual([['_ym_uid', 'counter', 'yandex-metrika']]);
  });

  it('keeps necessary and unknown items out of the leaks, and unknown ones in the unknowns', () => {
    const p = phase('before', [
      { name: 'kelisim', domain: 'www.makeup-center.kz', vendor: 'Kelisim', purpose: 'necessary', firstParty: true, httpOnly: false, cause: '' },
      { name: 'sid', domain: '.stats.io', vendor: 'stats.io', purpose: 'unknown', httpOnly: false, cause: '' },
    ]);
    expect(findingsOf(p, 'leak')).toEqual([]);
    expect(findingsOf(p, 'unknown').map((u) => u.name)).toEqual(['sid']);
  });
});
