import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kelisim, KelisimConfig } from '../../src/types';
import { en } from '../../src/i18n/en';
import { kk } from '../../src/i18n/kk';
import { ru } from '../../src/i18n/ru';
import { $, $$, blankPage, clearCookies, createWithUI, waitUntil } from './ui-driver';

// The real Preact UI in jsdom, driven as a visitor would: by clicking what is on the screen.
let instance: Kelisim | undefined;

const until = <T>(probe: () => T) => waitUntil(probe, 100);

const start = async (config: KelisimConfig = {}) => {
  instance = createWithUI(config);
  await until(() => document.querySelector('[data-kelisim-banner], [data-kelisim-preferences]'));
  return instance;
};

const click = (selector: string) => {
  const element = $(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  element.click();
};
const banner = () => $('[data-kelisim-banner]');
const dialog = () => $('[data-kelisim-preferences]');
const box = (category: string) => $(`input[data-kelisim-category="${category}"]`) as HTMLInputElement;
const rerendered = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(blankPage);

afterEach(() => {
  instance?.destroy();
  instance = undefined;
  clearCookies();
  localStorage.clear();
});

describe('the banner', () => {
  it('offers accept and reject side by side, settings smaller, in Russian, with the policy link', async () => {
    await start();
    const actions = $$('[data-kelisim-banner] [data-kelisim-action]').map((b) => b.dataset.kelisimAction);
    expect(actions).toEqual(['preferences', 'accept-all', 'reject-all']);
    // Same element, same class: neither choice is styled to win.
    const [accept, reject] = $$('[data-kelisim-banner] .kelisim-choices [data-kelisim-action]');
    expect(accept.parentElement).toBe(reject.parentElement);
    expect(accept.className).toBe(reject.className);
    expect(accept.textContent).toBe(ru.acceptAll);
    expect(reject.textContent).toBe(ru.rejectAll);
    expect(banner()!.textContent).toContain(ru.bannerTitle);
    expect(($('[data-kelisim-banner] a[href="/privacy"]') as HTMLAnchorElement).textContent).toBe(ru.policyLink);
  });

  it('accept all allows every category and goes away', async () => {
    const k = await start();
    click('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
    await rerendered();
    expect(banner()).toBeNull();
    expect(k.getConsent()!.categories).toEqual(['necessary', 'analytics', 'advertising']);
  });

  it('reject all allows only what is required and goes away', async () => {
    const k = await start();
    click('[data-kelisim-banner] [data-kelisim-action="reject-all"]');
    await rerendered();
    expect(banner()).toBeNull();
    expect(k.isAllowed('analytics')).toBe(false);
    expect(k.getConsent()!.denied).toEqual(['analytics', 'advertising']);
  });
});

describe('the settings dialog', () => {
  it('has a locked necessary switch and nothing else pre-checked; saves exactly what was switched on', async () => {
    const k = await start();
    click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await until(dialog);
    expect([box('necessary').checked, box('necessary').disabled]).toEqual([true, true]);
    expect([box('analytics').checked, box('advertising').checked]).toEqual([false, false]);
    // Each switch is a real checkbox with a label naming its category.
    expect(box('analytics').type).toBe('checkbox');
    expect(box('analytics').closest('label')!.textContent).toContain(ru.categories.analytics[0]);
    box('analytics').click();
    await rerendered();
    click('[data-kelisim-preferences] [data-kelisim-action="save"]');
    await rerendered();
    expect(dialog()).toBeNull();
    expect([k.isAllowed('analytics'), k.isAllowed('advertising')]).toEqual([true, false]);
  });

  it('reopens from the page with the stored choice and shows the consent id', async () => {
    const k = await start();
    click('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
    await rerendered();
    click('[data-kelisim="preferences"]');
    await until(dialog);
    expect([box('analytics').checked, box('advertising').checked]).toEqual([true, true]);
    expect(dialog()!.textContent).toContain(k.getConsent()!.id);
    box('advertising').click();
    await rerendered();
    click('[data-kelisim-preferences] [data-kelisim-action="save"]');
    await rerendered();
    expect(k.getConsent()!.denied).toEqual(['advertising']);
  });

  it('closing the dialog without an answer about a new category goes back to the banner', async () => {
    const k = await start();
    click('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
    await rerendered();
    k.destroy();
    // The site added a purpose after the visitor chose: they are asked about it.
    await start({ categories: { necessary: { required: true }, analytics: {}, advertising: {}, personalization: {} } });
    expect(banner()!.textContent).toContain(ru.bannerNewCategories);
    click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await until(dialog);
    click('[data-kelisim-preferences] [data-kelisim-action="close"]');
    await rerendered();
    expect(dialog()).toBeNull();
    expect(banner()).not.toBeNull();
  });
});

describe('a page that rebuilt <body>', () => {
  it('still opens the dialog, without an error, when its container was taken out', async () => {
    const error = vi.spyOn(console, 'error');
    const k = await start();
    const container = $('[data-kelisim=""]')!;
    container.remove();
    k.showPreferences();
    await until(() => container.querySelector('[data-kelisim-preferences]'));
    expect(error).not.toHaveBeenCalled();
    // Nothing on the page was made inert for a dialog it cannot show.
    expect($$('[inert]')).toEqual([]);
  });
});

describe('languages', () => {
  it('follows <html lang="kk">', async () => {
    document.documentElement.lang = 'kk';
    await start();
    expect($('[data-kelisim-banner] [data-kelisim-action="accept-all"]')!.textContent).toBe(kk.acceptAll);
    expect(banner()!.closest('[lang]')!.getAttribute('lang')).toBe('kk');
  });

  it('switches from the banner, names each option in its own language, and remembers the pick', async () => {
    await start();
    const options = $$('[data-kelisim-banner] .kelisim-langs button');
    expect(options.map((o) => [o.textContent, o.lang])).toEqual([['Рус', 'ru'], ['Қаз', 'kk'], ['Eng', 'en']]);
    options[2].click();
    await rerendered();
    expect($('[data-kelisim-banner] [data-kelisim-action="reject-all"]')!.textContent).toBe(en.rejectAll);
    // Beside the consent cookie, with its lifetime: the pick outlives the tab.
    expect(document.cookie.split('; ')).toContain('kelisim_lang=en');
    instance!.destroy();
    await start();
    expect($('[data-kelisim-banner] [data-kelisim-action="reject-all"]')!.textContent).toBe(en.rejectAll);
  });

  it('offers a language the site owner added, with Russian for the strings it leaves out', async () => {
    await start({ texts: { uz: { languageName: 'Oʻzb', acceptAll: 'Hammasini qabul qilish' } } });
    const options = $$('[data-kelisim-banner] .kelisim-langs button');
    expect(options.map((o) => [o.textContent, o.lang])).toEqual([['Рус', 'ru'], ['Қаз', 'kk'], ['Eng', 'en'], ['Oʻzb', 'uz']]);
    options[3].click();
    await rerendered();
    expect($('[data-kelisim-banner] [data-kelisim-action="accept-all"]')!.textContent).toBe('Hammasini qabul qilish');
    expect($('[data-kelisim-banner] [data-kelisim-action="reject-all"]')!.textContent).toBe(ru.rejectAll);
    expect(banner()!.closest('[lang]')!.getAttribute('lang')).toBe('uz');
  });

  it('names an added language by its code until the site owner names it, and lists the strings it leaves out', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await start({ texts: { de: { bannerTitle: 'Cookies' } } });
      const options = $$('[data-kelisim-banner] .kelisim-langs button');
      expect(options.map((o) => [o.textContent, o.lang])).toEqual([['Рус', 'ru'], ['Қаз', 'kk'], ['Eng', 'en'], ['DE', 'de']]);
      await waitUntil(() => warn.mock.calls.length, 200);
      const told = warn.mock.calls.map((c) => String(c[0])).join('\n');
      expect(told).toContain('texts.de.languageName');
      expect(told).toContain('texts.de.rejectAll');
      expect(told).not.toContain('texts.de.bannerTitle');
      expect(told).not.toContain('texts.ru.');
    } finally {
      warn.mockRestore();
    }
  });

  it('uses the site owner\'s texts over the defaults', async () => {
    await start({
      texts: { ru: { acceptAll: 'Согласен' } },
      categories: { necessary: { required: true }, analytics: { texts: { ru: { title: 'Яндекс Метрика' } } } },
    });
    expect($('[data-kelisim-banner] [data-kelisim-action="accept-all"]')!.textContent).toBe('Согласен');
    click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await until(dialog);
    expect(box('analytics').closest('label')!.textContent).toContain('Яндекс Метрика');
  });
});
