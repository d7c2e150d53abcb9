import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, consoleMessages, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = { revision: '2019-02-20', categories: CATEGORIES };
const page = (lang: string, head = '') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Курсы</title>${head}
<script>window.kelisimConfig = ${JSON.stringify(config)};</script><script src="/dist/kelisim.js"></script></head>
<body><main><h1>Курсы визажа</h1></main></body></html>`;
const kazakh = readFileSync(new URL('../../dist/kelisim-kk.js', import.meta.url), 'utf8');
const accept = '[data-kelisim-banner] [data-kelisim-action="accept-all"]';

describe('the script tag fetches one language at a time', () => {
  it('a Russian page fetches no other dictionary until the switch is reached', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.goto(session.page(page('ru')));
    await tab.locator(accept).waitFor();
    expect(visitor.local.filter((p) => /kelisim-(kk|en)\.js/.test(p))).toEqual([]);
    await tab.hover('[data-kelisim-banner] button[lang="kk"]');
    await expect.poll(() => visitor.local.filter((p) => p.includes('kelisim-kk.js'))).toEqual(['/dist/kelisim-kk.js']);
    expect(visitor.local.filter((p) => p.includes('kelisim-en.js'))).toEqual([]);
    await tab.focus('[data-kelisim-banner] button[lang="en"]');
    await expect.poll(() => visitor.local.filter((p) => p.includes('kelisim-en.js'))).toEqual(['/dist/kelisim-en.js']);
    await visitor.context.close();
  });

  it('a Kazakh page shows its banner in Kazakh from the start', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const shown: string[] = [];
    await tab.exposeFunction('seen', (text: string) => shown.push(text));
    await tab.addInitScript(() => {
      new MutationObserver(() => {
        const button = document.querySelector('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
        if (button) (window as any).seen(button.textContent);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await tab.goto(session.page(page('kk')));
    await tab.locator(accept).waitFor();
    expect(await tab.locator(accept).textContent()).toBe('Барлығын қабылдау');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((text) => text == 'Барлығын қабылдау')).toBe(true);
    expect(visitor.local.filter((p) => /kelisim-(kk|en)\.js/.test(p))).toEqual(['/dist/kelisim-kk.js']);
    await visitor.context.close();
  });

  it('a switch to Kazakh keeps Russian shown until the dictionary has arrived, with no blank between', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    let deliver!: () => void;
    const held = new Promise<void>((resolve) => { deliver = resolve; });
    await tab.route('**/kelisim-kk.js', async (route) => {
      await held;
      await route.fulfill({ contentType: 'text/javascript', body: kazakh });
    });
    await tab.goto(session.page(page('ru')));
    await tab.locator(accept).waitFor();
    await tab.click('[data-kelisim-banner] button[lang="kk"]');
    await tab.waitForTimeout(300);
    expect(await tab.locator(accept).textContent()).toBe('Принять все');
    expect(await tab.locator('[data-kelisim-banner] button[lang="ru"]').getAttribute('aria-pressed')).toBe('true');
    expect(await tab.locator('[data-kelisim-banner] button[lang="kk"]').textContent()).toBe('Қаз');
    deliver();
    await expect.poll(() => tab.locator(accept).textContent()).toBe('Барлығын қабылдау');
    expect(await tab.locator('[data-kelisim-banner] button[lang="kk"]').getAttribute('aria-pressed')).toBe('true');
    await visitor.context.close();
  });

  it('a dictionary that cannot be loaded leaves the current language and says why', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const errors = consoleMessages(tab, 'error');
    await tab.route('**/kelisim-en.js', (route) => route.fulfill({ status: 404, body: '' }));
    await tab.goto(session.page(page('ru')));
    await tab.locator(accept).waitFor();
    await tab.click('[data-kelisim-banner] button[lang="en"]');
    await expect.poll(() => errors.some((e) => e.includes('en texts could not be loaded'))).toBe(true);
    expect(await tab.locator(accept).textContent()).toBe('Принять все');
    await tab.click(accept);
    await expect.poll(() => tab.locator(accept).count()).toBe(0);
    await visitor.context.close();
  });

  it('a Kazakh page whose dictionary never arrives records the Russian the visitor read', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.route('**/kelisim-kk.js', (route) => route.fulfill({ status: 404, body: '' }));
    await tab.goto(session.page(page('kk')));
    await tab.locator(accept).waitFor();
    expect(await tab.locator(accept).textContent()).toBe('Принять все');
    await tab.click(accept);
    await expect.poll(() => tab.evaluate(() => (window as any).Kelisim.getConsent()?.language)).toBe('ru');
    await visitor.context.close();
  });
});

describe('the consent in the dialog', () => {
  it('dates read as dates in each language, also where the browser lacks Kazakh month names', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.clock.setFixedTime(new Date('2026-03-05T10:00:00Z'));
    await tab.goto(session.page(page('ru')));
    await tab.click(accept);
    const dates = async (language: string) => {
      await tab.evaluate(() => (window as any).Kelisim.showPreferences());
      await tab.locator('[data-kelisim-preferences] .kelisim-id').waitFor();
      await tab.click(`[data-kelisim-preferences] button[lang="${language}"]`);
      await expect.poll(() => tab.getAttribute('[data-kelisim] .kelisim', 'lang')).toBe(language);
      const shown = await tab.locator('[data-kelisim-preferences] .kelisim-details dd').allTextContents();
      await tab.keyboard.press('Escape');
      return shown.slice(-2);
    };
    expect(await dates('ru')).toEqual(['5 марта 2026 г.', '5 марта 2027 г.']);
    expect(await dates('en')).toEqual(['March 5, 2026', 'March 5, 2027']);
    // Chromium's ICU data has no Kazakh month names and writes "2026 M03 5": figures, as
    // Kazakhstan writes dates, rather than that. A browser that has them shows them.
    expect([['2026 ж. 5 наурыз', '2027 ж. 5 наурыз'], ['05.03.2026', '05.03.2027']]).toContainEqual(await dates('kk'));
    await visitor.context.close();
  });
});
