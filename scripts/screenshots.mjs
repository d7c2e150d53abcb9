#!/usr/bin/env node
// Renders the demo landing page with the built dist/ and saves the banner and the preferences
// dialog for review: docs/screenshots/<state>-<lang>-<device>-<scheme>.png.
//   npm run build && node scripts/screenshots.mjs
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL('../docs/screenshots/', import.meta.url);
const LANGUAGES = ['ru', 'kk'];
const DEVICES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };
const SCHEMES = ['light', 'dark'];

const fail = (message) => {
  console.error(`screenshots: ${message}`);
  process.exit(1);
};

const executablePath = findChromium();
if (!executablePath) fail('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
// Screenshots of a stale or missing build would document the wrong thing.
for (const file of ['dist/kelisim.js', 'dist/kelisim-ui.js']) {
  if (!existsSync(new URL(`../${file}`, import.meta.url))) fail(`${file} is missing: run npm run build first.`);
}
mkdirSync(out, { recursive: true });

const server = await serve({ root });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

// The slide-in is awaited, or the banner would be saved mid-motion.
const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState == 'finished'));

try {
  for (const language of LANGUAGES) {
    for (const [device, viewport] of Object.entries(DEVICES)) {
      for (const scheme of SCHEMES) {
        // deviceScaleFactor 1 keeps the PNGs small enough to commit.
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme });
        // Only the local server: the shots must not depend on the network.
        await context.route('**/*', (route) => (new URL(route.request().url()).port == String(server.port) ? route.continue() : route.abort()));
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(`${server.url}/examples/landing/`);
        await page.locator('[data-kelisim-banner]').waitFor();
        // Picked through the banner's own switch, as a visitor would (the page itself is Russian).
        if (language != 'ru') await page.click(`[data-kelisim-banner] button[lang="${language}"]`);
        await page.waitForFunction((l) => document.querySelector('[data-kelisim] .kelisim')?.getAttribute('lang') == l, language);
        await settled(page);
        const name = (state) => fileURLToPath(new URL(`${state}-${language}-${device}-${scheme}.png`, out));
        await page.screenshot({ path: name('banner') });
        await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
        await page.locator('[data-kelisim-preferences]').waitFor();
        await settled(page);
        await page.screenshot({ path: name('preferences') });
        if (errors.length) throw new Error(`page errors in ${language}/${device}/${scheme}: ${errors.join('; ')}`);
        console.log(`${language} ${device} ${scheme}: ok`);
        await context.close();
      }
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
