import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, consoleMessages, pageHtml, settle, startSession, type Recorder, type Session } from './harness';

// kelisim-ui.js draws the banner alone; the settings dialog and the placeholders come in
// kelisim-prefs.js, fetched once the banner is up, or at once when the visitor reaches for them.
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = { revision: '2019-02-20', categories: CATEGORIES };
const prefs = readFileSync(new URL('../../dist/kelisim-prefs.js', import.meta.url), 'utf8');
const settings = '[data-kelisim-banner] [data-kelisim-action="preferences"]';
const accept = '[data-kelisim-banner] [data-kelisim-action="accept-all"]';
const dialog = '[data-kelisim-preferences]';
const fetched = (visitor: Recorder) => visitor.local.filter((p) => p.includes('kelisim-prefs'));

/** A page whose kelisim-prefs.js waits until `deliver()` is called. */
async function held(visitor: Recorder, html: string) {
  const tab = await visitor.newPage();
  let deliver!: () => void;
  const arrival = new Promise<void>((resolve) => { deliver = resolve; });
  await tab.route('**/kelisim-prefs.js', async (route) => {
    await arrival;
    await route.fulfill({ contentType: 'text/javascript', body: prefs });
  });
  // Not until `load`: a script still on its way holds the load event back.
  await tab.goto(session.page(html), { waitUntil: 'domcontentloaded' });
  await tab.locator(accept).waitFor();
  return { tab, deliver };
}

describe('the settings dialog comes when reached for', () => {
  it('kelisim-prefs.js follows the banner once, so a click finds the dialog at once; a returning visit fetches none', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.goto(session.page(pageHtml(config)));
    await tab.locator(accept).waitFor();
    await expect.poll(() => fetched(visitor)).toEqual(['/dist/kelisim-prefs.js']);
    await tab.waitForFunction(() => (window as any)[Symbol.for('kelisim.prefs')]);
    await tab.click(settings);
    expect(await tab.locator(`${dialog} input[data-kelisim-category]`).count()).toBe(3);
    await tab.keyboard.press('Escape');
    await tab.click(accept);
    await expect.poll(() => tab.locator('[data-kelisim-banner]').count()).toBe(0);
    await tab.reload();
    await tab.waitForFunction(() => (window as any).Kelisim.getConsent());
    await settle(tab, 500);
    expect(fetched(visitor)).toEqual(['/dist/kelisim-prefs.js']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('a click before the chunk has arrived opens the dialog when it does, with focus in it', async () => {
    const visitor = await session.context();
    const { tab, deliver } = await held(visitor, pageHtml(config));
    await tab.click(settings);
    await tab.waitForTimeout(300);
    // Meanwhile the banner stays, answerable.
    expect(await tab.locator(dialog).count()).toBe(0);
    expect(await tab.locator(accept).isVisible()).toBe(true);
    deliver();
    await tab.locator(dialog).waitFor();
    expect(await tab.evaluate(() => document.activeElement!.hasAttribute('data-kelisim-preferences'))).toBe(true);
    expect(await tab.locator('[data-kelisim-banner]').count()).toBe(0);
    await visitor.context.close();
  });

  it('the page\'s own settings link works the same way', async () => {
    const visitor = await session.context();
    const { tab, deliver } = await held(visitor, pageHtml(config));
    await tab.click('main [data-kelisim="preferences"]');
    await tab.waitForTimeout(300);
    expect(await tab.locator(dialog).count()).toBe(0);
    deliver();
    await tab.locator(dialog).waitFor();
    await tab.keyboard.press('Escape');
    // Focus goes back to the link that opened it.
    await expect.poll(() => tab.evaluate(() => document.activeElement!.getAttribute('data-kelisim'))).toBe('preferences');
    await visitor.context.close();
  });

  it('an answer given while the chunk is on its way wins: no dialog opens after it', async () => {
    const visitor = await session.context();
    const { tab, deliver } = await held(visitor, pageHtml(config));
    await tab.click(settings);
    await tab.click(accept);
    await expect.poll(() => tab.locator('[data-kelisim-banner]').count()).toBe(0);
    deliver();
    await settle(tab, 500);
    expect(await tab.locator(dialog).count()).toBe(0);
    expect(await tab.evaluate(() => (window as any).Kelisim.getConsent()?.categories)).toEqual(['necessary', 'analytics', 'advertising']);
    await visitor.context.close();
  });

  it('a placeholder comes with the chunk; a frame allowed before it arrives keeps its content', async () => {
    const frame = '<iframe data-category="analytics" data-src="/examples/landing/index.html" title="map" width="400" height="200"></iframe>';
    for (const answerFirst of [false, true]) {
      const visitor = await session.context();
      const { tab, deliver } = await held(visitor, pageHtml(config, frame));
      if (answerFirst) {
        await tab.click(accept);
        await expect.poll(() => tab.locator('iframe[src]').count()).toBe(1);
      }
      deliver();
      if (answerFirst) {
        await settle(tab, 500);
        expect(await tab.locator('[data-kelisim-placeholder]').count()).toBe(0);
        expect(await tab.locator('iframe').isVisible()).toBe(true);
      } else {
        await tab.locator('[data-kelisim-placeholder] button').waitFor();
        expect(await tab.locator('iframe').isHidden()).toBe(true);
      }
      await visitor.context.close();
    }
  });

  it('a chunk that cannot be loaded leaves the banner answerable and says why; a later click tries again', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const errors = consoleMessages(tab, 'error');
    let refuse = true;
    await tab.route('**/kelisim-prefs.js', (route) => (refuse
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({ contentType: 'text/javascript', body: prefs })));
    await tab.goto(session.page(pageHtml(config)));
    await tab.locator(accept).waitFor();
    await tab.click(settings);
    await expect.poll(() => errors.some((e) => e.includes('cookie settings could not be loaded'))).toBe(true);
    expect(await tab.locator(accept).isVisible()).toBe(true);
    refuse = false;
    await tab.click(settings);
    await tab.locator(dialog).waitFor();
    await visitor.context.close();
  });
});

describe('the Kazakh dictionary, packed in kelisim-kk.js', () => {
  const recordOf = async (script: string) => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.goto(session.page(pageHtml({ ...config, language: 'kk' }, '', { script })));
    await tab.locator(accept).waitFor();
    const text = await tab.locator(accept).textContent();
    await tab.click(accept);
    await expect.poll(() => tab.evaluate(() => (window as any).Kelisim.getConsent())).not.toBeNull();
    const consent = await tab.evaluate(() => (window as any).Kelisim.getConsent());
    await visitor.context.close();
    return { text, language: consent.language, textHash: consent.textHash };
  };

  it('shows the same words and records the same text hash as the one-file build, which carries it whole', async () => {
    const packed = await recordOf('/dist/kelisim.js');
    const whole = await recordOf('/dist/kelisim.full.js');
    expect(packed).toEqual(whole);
    expect(packed.text).toBe('Барлығын қабылдау');
    expect(packed.language).toBe('kk');
  });
});

describe('a vendor loaded twice', () => {
  const twice = (body: string) => async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const warnings = consoleMessages(tab, 'warning');
    const counters = [{ category: 'analytics', preset: 'yandex-metrika', id: 12345678 }];
    await tab.goto(session.page(pageHtml({ ...config, counters }, body)));
    await tab.locator(accept).waitFor();
    await settle(tab, 500);
    return { visitor, warnings };
  };

  it('a gated copy of a preset\'s snippet is named in the console', async () => {
    const { visitor, warnings } = await twice('<script type="text/plain" data-category="analytics" src="https://mc.yandex.ru/metrika/tag.js"></script>')();
    await expect.poll(() => warnings.filter((w) => w.includes('would load twice'))).toHaveLength(1);
    expect(warnings.find((w) => w.includes('would load twice'))).toContain('yandex-metrika preset (id 12345678)');
    await visitor.context.close();
  });

  it('another gated script is not reported', async () => {
    const { visitor, warnings } = await twice('<script type="text/plain" data-category="analytics">window.chat = 1;</script>')();
    await expect.poll(() => fetched(visitor)).toEqual(['/dist/kelisim-prefs.js']);
    await settle(await visitor.context.pages()[0], 300);
    expect(warnings.filter((w) => w.includes('would load twice'))).toEqual([]);
    await visitor.context.close();
  });
});
