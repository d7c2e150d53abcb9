import { describe, expect, it, vi } from 'vitest';
import { validate, isSafeUrl } from '../../src/core/validate';

// The page the config is checked against: cookie.domain must be its host or a parent domain,
// cookie.path one of the page's path prefixes.
const PAGE = { hostname: 'www.example.kz', protocol: 'https:', pathname: '/shop/bags' };

const run = (config: unknown, page = PAGE) => {
  const error = vi.fn();
  const warn = vi.fn();
  const settings = validate(config, error, warn, page);
  return { settings, error, warn };
};

describe('config validation', () => {
  it('gives working defaults for an empty config, silently', () => {
    const { settings, error, warn } = run(undefined);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(settings.categories.map((c) => [c.name, c.required])).toEqual([
      ['necessary', true], ['analytics', false], ['advertising', false],
    ]);
    expect(settings.cookie).toEqual({ name: 'kelisim', domain: undefined, path: '/', expiresDays: 365, sameSite: 'Lax' });
    expect(settings).toMatchObject({ language: 'auto', revision: '1', reloadOnWithdraw: true, gpc: true, layout: 'bar', theme: 'auto', css: true });
    expect(settings.consentMode.mode).toBe('basic');
  });

  it('keeps every valid value', () => {
    const load = () => {};
    const { settings, error } = run({
      language: 'KK', policyUrl: '/privacy', revision: 20190220,
      categories: { necessary: { required: true }, analytics: { cookies: ['_ym_*', '_ga*'], texts: { ru: { title: 'Статистика' } } } },
      counters: [
        { category: 'analytics', preset: 'yandex-metrika', id: 12345678, options: { webvisor: true } },
        { category: 'analytics', src: 'https://example.org/a.js' },
        { category: 'analytics', load },
      ],
      cookie: { name: 'consent', domain: '.example.kz', path: '/', expiresDays: 180, sameSite: 'Strict' },
      reloadOnWithdraw: false, consentLog: { url: '/consent' }, operator: { name: 'ИП BENTON', id: '790611401178' },
      texts: { kk: { acceptAll: 'Иә' } }, consentMode: { mode: 'advanced', regions: [{ region: ['KZ'], granted: ['analytics_storage'] }], waitForUpdate: 300 },
      gpc: false, layout: 'modal', theme: 'dark', css: false, nonce: 'abc',
    });
    expect(error).not.toHaveBeenCalled();
    expect(settings.language).toBe('kk');
    expect(settings.revision).toBe('20190220');
    expect(settings.categories[1]).toEqual({ name: 'analytics', required: false, cookies: ['_ym_*', '_ga*'], texts: { ru: { title: 'Статистика' } } });
    expect(settings.counters.map((c) => c.id)).toEqual(['12345678', undefined, undefined]);
    expect(settings.counters[2].load).toBe(load);
    expect(settings.cookie.sameSite).toBe('Strict');
    expect(settings.texts).toEqual({ kk: { acceptAll: 'Иә' } });
    expect(settings.consentMode).toMatchObject({ mode: 'advanced', waitForUpdate: 300 });
  });

  const cases: [string, Record<string, unknown>, (s: ReturnType<typeof validate>) => unknown, unknown][] = [
    ['language', { language: 'русский' }, (s) => s.language, 'auto'],
    ['policyUrl', { policyUrl: 'javascript:alert(1)' }, (s) => s.policyUrl, ''],
    ['policyUrl', { policyUrl: 'java\tscript:alert(1)' }, (s) => s.policyUrl, ''],
    ['revision', { revision: '' }, (s) => s.revision, '1'],
    ['revision', { revision: { v: 1 } }, (s) => s.revision, '1'],
    ['categories', { categories: 'analytics' }, (s) => s.categories.length, 3],
    ['categories.1bad', { categories: { necessary: {}, '1bad': {} } }, (s) => s.categories.map((c) => c.name), ['necessary']],
    ['categories.analytics.cookies', { categories: { analytics: { cookies: ['a; b'] } } }, (s) => s.categories[0].cookies, []],
    ['categories.analytics.required', { categories: { analytics: { required: 'yes' } } }, (s) => s.categories[0].required, false],
    ['counters', { counters: {} }, (s) => s.counters, []],
    ['counters[0].category', { counters: [{ category: 'stats', src: '/a.js' }] }, (s) => s.counters, []],
    ['counters[0]', { counters: [{ category: 'analytics', src: '/a.js', preset: 'gtag', id: 'G-1' }] }, (s) => s.counters, []],
    ['counters[0].preset', { counters: [{ category: 'analytics', preset: 'liveinternet', id: 1 }] }, (s) => s.counters, []],
    ['counters[0].src', { counters: [{ category: 'analytics', src: 'data:text/javascript,alert(1)' }] }, (s) => s.counters, []],
    ['counters[0].load', { counters: [{ category: 'analytics', load: 'go()' }] }, (s) => s.counters, []],
    ['counters[0].id', { counters: [{ category: 'analytics', preset: 'gtag' }] }, (s) => s.counters, []],
    ['counters[0].options', { counters: [{ category: 'analytics', src: '/a.js', options: 1 }] }, (s) => s.counters, []],
    ['cookie', { cookie: 'kelisim' }, (s) => s.cookie.name, 'kelisim'],
    ['cookie.name', { cookie: { name: 'a b' } }, (s) => s.cookie.name, 'kelisim'],
    ['cookie.domain', { cookie: { domain: 'example.kz/path' } }, (s) => s.cookie.domain, undefined],
    ['cookie.domain', { cookie: { domain: '.benton.kz' } }, (s) => s.cookie.domain, undefined],
    ['cookie.domain', { cookie: { domain: 'ample.kz' } }, (s) => s.cookie.domain, undefined],
    ['cookie.path', { cookie: { path: 'shop' } }, (s) => s.cookie.path, '/'],
    ['cookie.path', { cookie: { path: '/blog/' } }, (s) => s.cookie.path, '/'],
    ['cookie.path', { cookie: { path: '/sho' } }, (s) => s.cookie.path, '/'],
    ['cookie.path', { cookie: { path: '/shop/bags/' } }, (s) => s.cookie.path, '/'],
    ['cookie.expiresDays', { cookie: { expiresDays: 0 } }, (s) => s.cookie.expiresDays, 365],
    ['cookie.expiresDays', { cookie: { expiresDays: '30' } }, (s) => s.cookie.expiresDays, 365],
    ['cookie.sameSite', { cookie: { sameSite: 'lax' } }, (s) => s.cookie.sameSite, 'Lax'],
    ['reloadOnWithdraw', { reloadOnWithdraw: 'no' }, (s) => s.reloadOnWithdraw, true],
    ['consentLog', { consentLog: 'https://log.example' }, (s) => s.consentLog, undefined],
    ['operator', { operator: { id: 790611401178 } }, (s) => s.operator, undefined],
    ['texts', { texts: ['ru'] }, (s) => s.texts, {}],
    ['texts.ru.acceptAll', { texts: { ru: { acceptAll: 1 } } }, (s) => s.texts, { ru: {} }],
    ['consentMode.mode', { consentMode: { mode: 'full' } }, (s) => s.consentMode.mode, 'basic'],
    ['consentMode.regions', { consentMode: { regions: [{ region: 'KZ' }] } }, (s) => s.consentMode.regions, []],
    ['consentMode.map', { consentMode: { map: { analytics: ['stats_storage'] } } }, (s) => s.consentMode.map.analytics, ['analytics_storage']],
    ['consentMode.waitForUpdate', { consentMode: { waitForUpdate: -1 } }, (s) => s.consentMode.waitForUpdate, 500],
    ['gpc', { gpc: 1 }, (s) => s.gpc, true],
    ['layout', { layout: 'popup' }, (s) => s.layout, 'bar'],
    ['theme', { theme: 'night' }, (s) => s.theme, 'auto'],
    ['css', { css: 'none' }, (s) => s.css, true],
    ['uiUrl', { uiUrl: 'javascript:alert(1)' }, (s) => s.uiUrl, undefined],
  ];

  it.each(cases)('reports a bad %s once, naming it, and uses the default', (path, config, read, expected) => {
    const { settings, error } = run(config);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain(`config.${path} =`);
    expect(error.mock.calls[0][0]).toMatch(/expected .+/);
    expect(read(settings)).toEqual(expected);
  });

  it('warns about unknown keys by name and still works', () => {
    const { settings, warn } = run({ lang: 'kk', revison: '2' });
    expect(warn).toHaveBeenCalledWith('Kelisim: unknown config key(s) ignored: lang, revison.');
    expect(settings.language).toBe('auto');
  });

  it('never lets __proto__ through', () => {
    const config = JSON.parse('{"categories": {"__proto__": {"required": true}, "analytics": {}}, "texts": {"__proto__": {"x": "y"}}}');
    const { settings } = run(config);
    expect(settings.categories.map((c) => c.name)).toEqual(['analytics']);
    expect(({} as Record<string, unknown>).required).toBeUndefined();
    expect(Object.keys(settings.texts)).toEqual([]);
  });

  it('reports a config that is not an object', () => {
    const { settings, error } = run('analytics');
    expect(error.mock.calls[0][0]).toContain('config must be an object');
    expect(settings.categories).toHaveLength(3);
  });

  it('accepts only http(s) and relative URLs', () => {
    expect(['/privacy', 'privacy.html', 'https://benton.kz/p', '//cdn.example/x.js', '?p=1'].every(isSafeUrl)).toBe(true);
    expect(['javascript:alert(1)', ' JavaScript:1', 'data:text/html,x', 'vbscript:x', '', ' '].some(isSafeUrl)).toBe(false);
  });

  it("keeps a cookie.domain of the page's host or a parent domain", () => {
    for (const domain of ['.example.kz', 'example.kz', 'www.example.kz', '.WWW.Example.kz']) {
      const { settings, error } = run({ cookie: { domain } });
      expect(error).not.toHaveBeenCalled();
      expect(settings.cookie.domain).toBe(domain);
    }
  });

  it('keeps a cookie.path the page is under, and any in a frame without a path of its own (srcdoc)', () => {
    for (const path of ['/', '/shop', '/shop/', '/shop/bags']) {
      const { settings, error } = run({ cookie: { path } });
      expect(error).not.toHaveBeenCalled();
      expect(settings.cookie.path).toBe(path);
    }
    const { settings, error } = run({ cookie: { path: '/blog/' } }, { ...PAGE, pathname: 'srcdoc' });
    expect(error).not.toHaveBeenCalled();
    expect(settings.cookie.path).toBe('/blog/');
  });

  it('caps expiresDays at the 400 days browsers keep a cookie, with a warning', () => {
    const { settings, warn, error } = run({ cookie: { expiresDays: 3650 } });
    expect(settings.cookie.expiresDays).toBe(400);
    expect(warn.mock.calls[0][0]).toContain('config.cookie.expiresDays = 3650');
    expect(error).not.toHaveBeenCalled();
    expect(run({ cookie: { expiresDays: 400 } }).warn).not.toHaveBeenCalled();
  });

  it('keeps a uiUrl', () => {
    expect(run({ uiUrl: 'https://cdn.example.kz/kelisim/kelisim-ui.js' }).settings.uiUrl).toBe('https://cdn.example.kz/kelisim/kelisim-ui.js');
  });

  it("refuses sameSite: 'None' on an http page, naming it", () => {
    const { settings, error } = run({ cookie: { sameSite: 'None' } }, { ...PAGE, protocol: 'http:' });
    expect(error.mock.calls[0][0]).toContain('config.cookie.sameSite');
    expect(settings.cookie.sameSite).toBe('Lax');
    expect(run({ cookie: { sameSite: 'None' } }).settings.cookie.sameSite).toBe('None');
  });

  it('checks cookie settings against the page only when given one (the operator\'s tools have none)', () => {
    const error = vi.fn();
    const settings = validate({ cookie: { domain: '.benton.kz', sameSite: 'None' } }, error, vi.fn());
    expect(error).not.toHaveBeenCalled();
    expect(settings.cookie).toMatchObject({ domain: '.benton.kz', sameSite: 'None' });
  });
});
