#!/usr/bin/env node
// `npm run screenshot -w kelisim-audit`: audits the leaky fixture page and photographs the top of
// its HTML report (Russian and Kazakh) into docs/screenshots/ for the README.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from '../dist/index.js';
import { startFixtureServer } from '../test/fixtures/server.mjs';

const bin = fileURLToPath(new URL('../bin/kelisim-audit.js', import.meta.url));
const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kelisim-audit-shot-'));
const server = await startFixtureServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const lang of ['ru', 'kk']) {
    const html = join(dir, `report-${lang}.html`);
    await promisify(execFile)(process.execPath, [bin, server.url('leaky.html'), '--resolve', server.rules, '--insecure',
      '--html', html, '--lang', lang]).catch((error) => {
      if (error.code !== 1) throw error;
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto('file://' + html);
    // Past the first phase's page screenshot, to the findings table.
    await page.evaluate(() => document.querySelector('figure')?.remove());
    await page.screenshot({ path: join(out, `audit-report-${lang}.png`) });
    await page.close();
    console.log(`docs/screenshots/audit-report-${lang}.png`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
