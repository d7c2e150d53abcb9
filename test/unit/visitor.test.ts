import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../src/core/validate';
import { textHash } from '../../src/i18n/text-hash';
import { createStubs } from '../../src/presets/stubs';
import type { Kelisim, KelisimConfig } from '../../src/types';
import { en } from '../../src/i18n/en';
import { kk } from '../../src/i18n/kk';
import { ru } from '../../src/i18n/ru';
import { $, $$, blankPage, clearCookies, createWithUI, waitUntil } from './ui-driver';

// The visitor's half as a new site owner meets it: the real Preact UI in jsdom, driven by clicks.
let instance: Kelisim | undefined;

const until = <T>(probe: () => T, tries = 200) => waitUntil(probe, tries);

const start = async (config: KelisimConfig = {}) => {
  instance = createWithUI(config);
  await until(() => document.querySelector('[data-kelisim-banner], [data-kelisim-preferences], [data-kelisim-placeholder]'));
  return instance;
};

const banner = () => $('[data-kelisim-banner]');
const rerendered = () => new Promise((resolve) => setTimeout(resolve, 0));
const consentCookie = () => document.cookie.split('; ').find((c) => c.startsWith('kelisim='));
const messages = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => String(c[0]));

beforeEach(blankPage);

afterEach(() => {
  instance?.destroy();
  instance = undefined;
  clearCookies();
  vi.restoreAllMocks();
});

const MAP = '<iframe data-category="functional" data-src="https://www.google.com/maps/embed?pb=1" title="map" width="600" height="450"></iframe>';
const FOUR = { necessary: { required: true }, analytics: {}, advertising: {}, functional: {} };

describe('16.1 a placeholder grants its one category', () => {
  it('leaves the other categories unanswered, keeps the banner, and records the shown text hash', async () => {
    document.body.insertAdjacentHTML('beforeend', MAP);
    const k = await start({ categories: FOUR });
    const button = await until(() => $('[data-kelisim-placeholder] button'));
    button!.click();
    await rerendered();
    expect(k.isAllowed('functional')).toBe(true);
    const consent = k.getConsent()!;
    expect(consent.categories).toEqual(['necessary', 'functional']);
    expect(consent.denied).toEqual([]);
    expect(consent.textHash).toBe(textHash(validate({ categories: FOUR, revision: '2019-02-20', policyUrl: '/privacy' }, () => {}, () => {}), 'ru'));
    expect(consent.textHash).not.toBe('0');
    // Still asking about analytics and advertising, with the first-visit text, not "new categories".
    expect(banner()).not.toBeNull();
    expect(banner()!.textContent).not.toContain(ru.bannerNewCategories);
    expect(consentCookie()).toMatch(/\.functional\.$/);
  });

  it('answers the rest later from the banner', async () => {
    document.body.insertAdjacentHTML('beforeend', MAP);
    const k = await start({ categories: FOUR });
    (await until(() => $('[data-kelisim-placeholder] button')))!.click();
    await rerendered();
    $('[data-kelisim-banner] [data-kelisim-action="reject-all"]')!.click();
    await rerendered();
    expect(banner()).toBeNull();
    expect(k.getConsent()).toMatchObject({ categories: ['necessary'], denied: ['analytics', 'advertising', 'functional'] });
  });

  it('allow(category) answers one category; accept(list) answers every one', async () => {
    const k = await start({ categories: FOUR });
    k.allow('analytics');
    expect(k.getConsent()).toMatchObject({ categories: ['necessary', 'analytics'], denied: [] });
    await rerendered();
    expect(banner()).not.toBeNull();
    k.allow('advertising');
    expect(k.getConsent()).toMatchObject({ categories: ['necessary', 'analytics', 'advertising'], denied: [] });
    k.accept(['analytics']);
    expect(k.getConsent()).toMatchObject({ categories: ['necessary', 'analytics'], denied: ['advertising', 'functional'] });
    await rerendered();
    expect(banner()).toBeNull();
  });
});

describe('16.4 kz is Kazakh', () => {
  it('texts.kz counts as kk, with a console note naming the right code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'kk';
    await start({ texts: { kz: { acceptAll: 'Келісемін' } } } as KelisimConfig);
    expect($$('[data-kelisim-banner] .kelisim-langs button').map((b) => b.lang)).toEqual(['ru', 'kk', 'en']);
    expect($('[data-kelisim-action="accept-all"]')!.textContent).toBe('Келісемін');
    expect(messages(warn).some((m) => m.includes("'kz'") && m.includes("'kk'"))).toBe(true);
  });

  it('<html lang="kz-KZ"> shows the Kazakh banner', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'kz-KZ';
    await start();
    expect($('[data-kelisim-action="accept-all"]')!.textContent).toBe(kk.acceptAll);
    expect(banner()!.closest('[lang]')!.getAttribute('lang')).toBe('kk');
    expect(messages(warn).some((m) => m.includes('kz-KZ') && m.includes("'kk'"))).toBe(true);
  });

  it("language: 'kz' in the config is Kazakh too", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await start({ language: 'kz' });
    expect($('[data-kelisim-action="accept-all"]')!.textContent).toBe(kk.acceptAll);
  });
});

describe('16.5 a category with texts in one language', () => {
  it('falls back per key to the configured language with texts, then Russian, and names what is missing once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'kk';
    await start({
      categories: {
        necessary: { required: true },
        chat: { texts: { ru: { title: 'Онлайн-чат', description: 'Чат с администратором курсов.' }, kk: { title: 'Онлайн-чат' } } },
      },
    });
    $('[data-kelisim-banner] [data-kelisim-action="preferences"]')!.click();
    const label = await until(() => $('input[data-kelisim-category="chat"]'));
    const category = label!.closest('.kelisim-category')!;
    expect(category.textContent).toContain('Онлайн-чат');
    expect(category.textContent).toContain('Чат с администратором курсов.');
    expect(category.textContent).not.toMatch(/\bchat\b/);
    // English: nothing configured, so Russian rather than the raw key.
    $$('[data-kelisim-preferences] .kelisim-langs button')[2].click();
    await rerendered();
    expect($('input[data-kelisim-category="chat"]')!.closest('.kelisim-category')!.textContent).toContain('Онлайн-чат');
    const missing = messages(warn).filter((m) => m.includes('categories.chat'));
    expect(missing.length).toBe(1);
    expect(missing[0]).toContain('kk');
    expect(missing[0]).toContain('en');
  });
});

const OPERATOR = { name: 'ИП Makeup Training Center «BENTON»' };

describe('16.6 the operator on the first layer', () => {
  it.each([
    ['ИИН 790611401178', 'ru', 'ИИН 790611401178'],
    ['790611401178', 'ru', 'ИИН 790611401178'],
    ['ИИН 790611401178', 'kk', 'ЖСН 790611401178'],
    ['БИН 190440012345', 'ru', 'БИН 190440012345'],
    ['190440012345', 'kk', 'БСН 190440012345'],
    ['ИНН 7707083893', 'ru', 'ИНН 7707083893'],
    ['1027700132195', 'ru', 'ОГРН 1027700132195'],
    ['ОГРНИП 304500116000157', 'ru', 'ОГРНИП 304500116000157'],
    ['ИИН 790611401178', 'en', 'IIN 790611401178'],
  ])('id %s in %s reads “%s”', async (id, language, expected) => {
    await start({ language, operator: { ...OPERATOR, id } });
    expect(banner()!.textContent).toContain(OPERATOR.name);
    expect(banner()!.textContent).toContain(expected);
    expect(banner()!.textContent).not.toContain('ИИН/БИН');
  });

  it('no operator line without an operator', async () => {
    await start();
    expect($('[data-kelisim-banner] .kelisim-operator')).toBeNull();
  });
});

describe('16.7 the first-layer sentence names the purposes configured', () => {
  it('no advertising on a site without it', async () => {
    await start({ categories: { necessary: { required: true }, analytics: {} } });
    const text = $('[data-kelisim-banner] .kelisim-text')!.textContent!;
    expect(text).toContain('аналитика');
    expect(text).not.toMatch(/реклам/i);
  });

  it('every configured purpose, built-in and custom, in each language', async () => {
    await start({ language: 'kk', categories: { necessary: { required: true }, analytics: {}, advertising: {}, chat: { texts: { kk: { title: 'Онлайн-чат' } } } } });
    const text = $('[data-kelisim-banner] .kelisim-text')!.textContent!;
    expect(text).toContain('аналитика');
    expect(text).toContain('жарнама');
    expect(text).toContain('Онлайн-чат');
  });

  it('only necessary cookies: no list of purposes at all', async () => {
    await start({ language: 'en', categories: { necessary: { required: true } } });
    const text = $('[data-kelisim-banner] .kelisim-text')!.textContent!;
    expect(text).not.toMatch(/consent:/);
  });
});

describe('16.9 placeholders', () => {
  it('name the service from data-service or the host', async () => {
    document.body.insertAdjacentHTML('beforeend', `
      <iframe data-category="functional" data-src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe>
      <iframe data-category="functional" data-src="https://widgets.2gis.com/widget?x" title="m"></iframe>
      <iframe data-category="functional" data-src="https://yandex.kz/map-widget/v1/?um=1" title="m"></iframe>
      <iframe data-category="functional" data-src="https://www.google.com/maps/embed?pb=1" title="m"></iframe>
      <iframe data-category="functional" data-src="https://video.example.kz/embed/1" title="v"></iframe>
      <iframe data-category="functional" data-service="Rutube" data-src="https://rutube.ru/play/embed/1" title="v"></iframe>`);
    await start({ categories: FOUR });
    await until(() => $$('[data-kelisim-placeholder]').length == 6);
    const texts = $$('[data-kelisim-placeholder] p').map((p) => p.textContent);
    expect(texts[0]).toContain('YouTube');
    expect(texts[1]).toContain('2GIS');
    expect(texts[2]).toContain('Яндекс Карты');
    expect(texts[3]).toContain('Google Maps');
    expect(texts[4]).toContain('video.example.kz');
    expect(texts[5]).toContain('Rutube');
  });

  it('follow the configured theme', async () => {
    document.body.insertAdjacentHTML('beforeend', MAP);
    await start({ categories: FOUR, theme: 'dark' });
    const box = await until(() => $('[data-kelisim-placeholder]'));
    expect(box!.getAttribute('data-kelisim-theme')).toBe('dark');
  });

  it('take the frame’s own width and height', async () => {
    document.body.insertAdjacentHTML('beforeend', MAP);
    await start({ categories: FOUR });
    const box = await until(() => $('[data-kelisim-placeholder]'));
    expect(box!.style.aspectRatio.replace(/\s/g, '')).toBe('600/450');
    expect(box!.style.width).toBe('600px');
  });
});

describe('16.10 texts', () => {
  it('carry the native readers’ corrections', () => {
    expect(ru.bannerNewCategories).toContain('новые категории cookie');
    expect(ru.categories.analytics[1]).not.toMatch(/обезличен/i);
    expect(ru.categories.advertising[1]).toMatch(/^Рекламные cookie/);
    expect(ru.placeholderText).toMatch(/^Это содержимое/);
    expect(ru.bannerText).not.toMatch(/счётчик/);
    expect((ru.bannerText.match(/чтобы/g) || []).length).toBeLessThan(2);
    const kazakh = JSON.stringify(kk);
    expect(kazakh).not.toMatch(/лайықты|есептегіш|Соңғы кіруіңізден|рұқсат ететініңізді|Рұқсат беріп/);
    expect(kk.bannerLabel).toContain('хабарлама');
    expect(kk.placeholderButton).toBe('Рұқсат беру және көрсету');
    expect(kk.bannerNewCategories).toContain('Соңғы келуіңізден');
    expect(kk.bannerNewCategories).toContain('Неге рұқсат беретініңізді');
  });

  it('every dictionary has the same keys, in Cyrillic for kk', () => {
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    expect(Object.keys(kk.categories).sort()).toEqual(Object.keys(ru.categories).sort());
  });
});

describe('16.11 names that do not exist', () => {
  it('accept() with an unknown name warns and records nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const k = await start();
    k.accept(['analitics' as never]);
    expect(k.getConsent()).toBeNull();
    expect(messages(warn).some((m) => m.includes('analitics'))).toBe(true);
  });

  it('a counter refused by validation is said to be dropped', () => {
    const errors: string[] = [];
    validate({ counters: [{ category: 'analitics', src: '/a.js' }] }, (m) => errors.push(m), () => {});
    expect(errors[0]).toContain('dropped');
    expect(errors[0]).not.toContain('default');
  });
});

describe('16.12 stubs for pages that keep their snippets', () => {
  // jsdom runs no gated snippet; test/browser/visitor.test.ts runs real ones. Here, the hand-over.
  const w = window as any;
  afterEach(() => { delete w.ym; delete w.fbq; delete w._tmr; });

  it('page calls queue, the name is free while snippets run, then the calls reach the snippet in order', () => {
    const stubs = createStubs(w, ['ym']);
    expect(() => w.ym(1, 'reachGoal', 'early')).not.toThrow();
    stubs.release();
    expect(w.ym).toBeUndefined();
    w.ym = function () { (w.ym.a = w.ym.a || []).push(arguments); };
    w.ym(1, 'init', {});
    stubs.settle(true);
    expect(w.ym.a.map((a: IArguments) => Array.from(a))).toEqual([[1, 'init', {}], [1, 'reachGoal', 'early']]);
  });

  it('after a refusal the calls are dropped and the name keeps working', async () => {
    const k = await start({ stubs: ['ym', 'fbq'] });
    w.ym(1, 'reachGoal', 'early');
    k.rejectAll();
    await until(() => w.ym);
    expect(() => w.ym(1, 'reachGoal', 'late')).not.toThrow();
    expect(() => w.fbq('track', 'Lead')).not.toThrow();
    expect(w.ym.a).toBeUndefined();
  });

  it("an array queue's pushes (VK's _tmr, dataLayer) queue too, and reach the snippet's array after its own", () => {
    const stubs = createStubs(w, ['_tmr']);
    expect(() => w._tmr.push({ type: 'reachGoal', id: '3000000', goal: 'signup' })).not.toThrow();
    stubs.release();
    // VK's snippet: `var _tmr = window._tmr || (window._tmr = []);`
    w._tmr = w._tmr || [];
    w._tmr.push({ type: 'pageView', id: '3000000' });
    stubs.settle(true);
    expect(w._tmr.map((e: { type: string }) => e.type)).toEqual(['pageView', 'reachGoal']);
  });

  it('a name the page already has is left alone', () => {
    const mine = () => {};
    w.fbq = mine;
    createStubs(w, ['fbq']).release();
    expect(w.fbq).toBe(mine);
  });
});

describe('13.19 an iframe gated under a category the config lacks', () => {
  it('warns once and offers no button that cannot work', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.insertAdjacentHTML('beforeend', '<iframe data-category="video" data-src="https://www.youtube.com/embed/1" title="v"></iframe><iframe data-category="video" data-src="https://www.youtube.com/embed/2" title="v"></iframe>');
    await start();
    await until(() => $$('[data-kelisim-placeholder]').length == 2);
    expect($$('[data-kelisim-placeholder] button')).toEqual([]);
    expect(messages(warn).filter((m) => m.includes('"video"')).length).toBe(1);
  });
});

describe('13.22 a category title with $ patterns', () => {
  it("shows the title as written in the placeholder", async () => {
    document.body.insertAdjacentHTML('beforeend', MAP);
    await start({ categories: { necessary: { required: true }, functional: { texts: { ru: { title: "Карты $' и $& видео" } } } } });
    const box = await until(() => $('[data-kelisim-placeholder] p'));
    expect(box!.textContent).toContain("«Карты $' и $& видео»");
  });
});
