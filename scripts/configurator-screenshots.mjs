#!/usr/bin/env node
// Screenshots of the configurator for the README, in Russian and Kazakh, filled in with the
// Center's setup: `npm run build && node scripts/configurator-screenshots.mjs`.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';
import { serve } from './serve.mjs';

const server = await serve({ root: new URL('..', import.meta.url).pathname });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const ADD = { ru: ['Добавить счётчик', 'Добавить вставку'], kk: ['Талдау құралын қосу', 'Ендіру қосу'] };

try {
  for (const lang of ['ru', 'kk']) {
    for (const { name, width, height } of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 360, height: 740 }]) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await page.goto(`${server.url}/configurator/?lang=${lang}`);
      const field = (n) => page.locator(`[name="${n}"]`);
      await field('purpose.4.on').check();
      await page.getByRole('button', { name: ADD[lang][0] }).click();
      await field('counter.0.id').fill('12345678');
      await field('counter.0.webvisor').check();
      await page.getByRole('button', { name: ADD[lang][0] }).click();
      await field('counter.1.kind').selectOption('vk-pixel');
      await field('counter.1.id').fill('3333333');
      await field('counter.1.category').selectOption('advertising');
      await page.getByRole('button', { name: ADD[lang][1] }).click();
      await field('embed.0.url').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      await field('embed.0.title').fill(lang == 'ru' ? 'Урок макияжа' : 'Макияж сабағы');
      await field('policyUrl').fill('/privacy');
      await field('revision').fill('2019-02-20');
      await field('operatorName').fill('ИП Makeup Training Center «BENTON»');
      await field('operatorNumber').fill('790611401179');
      await page.waitForTimeout(800);
      const file = (view) => `docs/screenshots/configurator-${view}-${lang}-${name}.png`;
      // The counters, an error beside the mistyped ИИН, and the banner in the preview.
      if (name == 'desktop') {
        await page.locator('#counters-h').evaluate((e) => e.scrollIntoView());
        await page.screenshot({ path: file('form') });
        await page.locator('#policy-h').evaluate((e) => e.scrollIntoView());
        await page.screenshot({ path: file('error') });
      } else {
        await field('operatorNumber').fill('790611401178');
        await page.waitForTimeout(800);
        await page.locator('#output-h').evaluate((e) => e.scrollIntoView());
        await page.screenshot({ path: file('snippet') });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
