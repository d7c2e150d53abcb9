import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function open(lang: 'ru' | 'kk', viewport = { width: 1280, height: 800 }) {
  const owner = await session.context();
  const page = await owner.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${session.base}/configurator/?lang=${lang}`);
  await page.locator('[data-configurator="preview"]').waitFor();
  return { owner, page };
}

describe('accessibility', () => {
  const VIEWPORTS = [{ name: 'phone', width: 360, height: 740 }, { name: 'desktop', width: 1280, height: 800 }];
  for (const lang of ['ru', 'kk'] as const) {
    for (const viewport of VIEWPORTS) {
      it(`axe finds no violation: ${lang}, ${viewport.name}, with errors showing`, async () => {
        const { owner, page } = await open(lang, viewport);
        // The empty policy URL is flagged from the start.
        expect(await page.locator('[data-configurator-error]').count()).toBe(1);
        // Every kind of control: a counter, an embed, a purpose of our own with its missing texts
        // flagged, every details panel open.
        await page.getByRole('button', { name: lang == 'ru' ? 'Добавить счётчик' : 'Талдау құралын қосу' }).click();
        await page.getByRole('button', { name: lang == 'ru' ? 'Добавить вставку' : 'Ендіру қосу' }).click();
        await page.getByRole('button', { name: lang == 'ru' ? 'Добавить свою цель' : 'Өз мақсатыңызды қосу' }).click();
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        expect(await page.locator('[data-configurator-error]').count()).toBeGreaterThan(5);
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate((tags) => (window as any).axe.run(document, {
          runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false,
        }), TAGS) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
        const report = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(report).toEqual([]);
        await owner.context.close();
      });
    }
  }

  // WCAG 1.4.10 Reflow: content fits 320 CSS px without scrolling sideways.
  for (const lang of ['ru', 'kk'] as const) {
    it(`on a 320 px phone nothing scrolls sideways and every contrast readout is in view: ${lang}`, async () => {
      const { owner, page } = await open(lang, { width: 320, height: 640 });
      await page.getByRole('button', { name: lang == 'ru' ? 'Добавить счётчик' : 'Талдау құралын қосу' }).click();
      await page.getByRole('button', { name: lang == 'ru' ? 'Добавить вставку' : 'Ендіру қосу' }).click();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      // Four readouts per scheme, light and dark, each inside its fieldset's border.
      const outside = await page.locator('.ratio').evaluateAll((spans) => spans.map((e) =>
        e.getBoundingClientRect().right - e.closest('fieldset')!.getBoundingClientRect().right));
      expect(outside.length).toBe(8);
      expect(outside.filter((by) => by > 0)).toEqual([]);
      await owner.context.close();
    });
  }

  it('the form works from the keyboard: Tab reaches the language switch, Enter adds a counter and focus follows', async () => {
    const { owner, page } = await open('kk');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-configurator'))).toBe('language');
    await page.getByRole('button', { name: 'Талдау құралын қосу' }).focus();
    await page.keyboard.press('Enter');
    // Focus moves into the new row, and back to the add button when the row is removed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('counter.0.kind');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12345678');
    expect(await field(page, 'counter.0.id').inputValue()).toBe('12345678');
    await page.getByRole('button', { name: 'Жою: Талдау құралы 1' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-counter');
    expect(await field(page, 'counter.0.id').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await owner.context.close();
  });

  // The preview restarts a moment after each change, and a modal banner or the settings dialog
  // takes focus when it opens: typed between those restarts, an owner's words went into the preview.
  for (const [what, name, value] of [['a modal banner', 'layout', 'modal'], ['the settings dialog', 'preview-view', 'preferences']]) {
    it(`typing slowly with ${what} in the preview keeps every letter in the form`, async () => {
      const { owner, page } = await open('kk');
      const frame = page.frameLocator('[data-configurator="preview"]');
      await page.check(`input[name="${name}"][value="${value}"]`);
      await frame.locator('[data-kelisim-layout="modal"] [data-kelisim-banner], [data-kelisim-preferences]').first().waitFor();
      await field(page, 'operatorName').click();
      await page.keyboard.type('ТОО Бентон', { delay: 300 });
      expect(await field(page, 'operatorName').inputValue()).toBe('ТОО Бентон');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('operatorName');
      await owner.context.close();
    });
  }

  it('the settings dialog opened inside the preview still takes focus there', async () => {
    const { owner, page } = await open('kk');
    const frame = page.frameLocator('[data-configurator="preview"]');
    await page.check('input[name="preview-view"][value="returning"]');
    await frame.getByText('Келуші таңдауын жасап қойған').waitFor();
    await frame.locator('[data-kelisim="preferences"]').click();
    await frame.locator('[data-kelisim-preferences]').waitFor();
    await expect.poll(() => frame.locator(':focus').evaluate((e) => !!e.closest('[data-kelisim-preferences]'))).toBe(true);
    await owner.context.close();
  });
});
