import { afterEach, describe, expect, it } from 'vitest';
import { deleteCookies, globToRegExp } from '../../src/gate/cleanup';
import { domainsOf } from '../../src/store/cookies';

afterEach(() => {
  for (const c of document.cookie.split('; ')) {
    document.cookie = `${c.split('=')[0]}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
});

describe('cookie cleanup on withdrawal', () => {
  it('matches `*` globs literally otherwise', () => {
    expect(globToRegExp('_ga*').test('_ga_ABC123')).toBe(true);
    expect(globToRegExp('_ga*').test('x_ga')).toBe(false);
    expect(globToRegExp('tmr_lvid').test('tmr_lvidTS')).toBe(false);
    expect(globToRegExp('a.b').test('aXb')).toBe(false);
  });

  it('lists the host and each parent domain', () => {
    expect(domainsOf('www.benton.kz')).toEqual([undefined, '.www.benton.kz', '.benton.kz']);
    expect(domainsOf('127.0.0.1')).toEqual([undefined]);
    expect(domainsOf('localhost')).toEqual([undefined]);
  });

  it("removes only the withdrawn category's cookies", () => {
    document.cookie = '_ym_uid=1; path=/';
    document.cookie = '_ym_d=2; path=/';
    document.cookie = '_ga=3; path=/';
    document.cookie = 'kelisim=keep; path=/';
    expect(deleteCookies(document, ['_ym_*']).sort()).toEqual(['_ym_d', '_ym_uid']);
    expect(document.cookie.split('; ').sort()).toEqual(['_ga=3', 'kelisim=keep']);
  });

  it("removes the same names from the page's storage, and nothing else there", () => {
    localStorage.setItem('_ym_uid', '1');
    sessionStorage.setItem('_ym_visorc', 'w');
    localStorage.setItem('_ga', '3');
    localStorage.setItem('kelisim-consent-log', '[]');
    deleteCookies(document, ['_ym_*']);
    expect(Object.keys(localStorage).sort()).toEqual(['_ga', 'kelisim-consent-log']);
    expect(Object.keys(sessionStorage)).toEqual([]);
    localStorage.clear();
  });
});
