import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, consoleMessages, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = { revision: '2019-02-20', categories: CATEGORIES };
const configScript = `<script>window.kelisimConfig = ${JSON.stringify(config)};</script>`;
const gated = '<script type="text/plain" data-category="analytics">window.analyticsRan = true;</script>';

const page = (head: string, body = '') => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Без сборки</title>${head}</head>
<body><main><h1>Курсы визажа</h1>${gated}</main>${body}</body></html>`;

// The ways a site without a build step includes a script, each of which must end with a working
// banner whose "accept all" starts the gated script.
const setups: Record<string, string> = {
  'plain <script> in the head': page(configScript + '<script src="/dist/kelisim.js"></script>'),
  '<script defer> in the head': page(configScript + '<script src="/dist/kelisim.js" defer></script>'),
  '<script async> in the head': page(configScript + '<script src="/dist/kelisim.js" async></script>'),
  // The slow script holds the parser, so the async gate runs before the config exists.
  '<script async> before its config': page('<script src="/dist/kelisim.js" async></script>',
    '<script src="/slow.js"></script>' + configScript),
  'plain <script> at the end of the body': page('', configScript + '<script src="/dist/kelisim.js"></script>'),
  'the one-file build': page(configScript + '<script src="/dist/kelisim.full.js" defer></script>'),
  'no config, init() called by the page': page('<script src="/dist/kelisim.js"></script>',
    `<script>Kelisim.init(${JSON.stringify(config)});</script>`),
};

describe('the <script> build on a page without a build step', () => {
  for (const [name, html] of Object.entries(setups)) {
    it(`works as ${name}`, async () => {
      const visitor = await session.context();
      const tab = await visitor.newPage();
      const consoleErrors = consoleMessages(tab, 'error');
      // Held until the async gate has run (at most 5 s), so that on a busy machine too the config
      // comes after the gate; the page then tells whether it did.
      await tab.route('**/slow.js', async (route) => {
        await tab.waitForFunction(() => !!(window as any).Kelisim, null, { timeout: 5000 }).catch(() => {});
        await route.fulfill({ contentType: 'text/javascript', body: 'window.gateFirst = !!window.Kelisim;' });
      });
      await tab.goto(session.page(html));
      if (html.includes('slow.js')) expect(await tab.evaluate(() => (window as any).gateFirst)).toBe(true);
      await tab.locator('[data-kelisim-banner]').waitFor();
      expect(await tab.evaluate(() => (window as any).analyticsRan)).toBeUndefined();
      await tab.click('[data-kelisim-action="accept-all"]');
      await tab.waitForFunction(() => (window as any).analyticsRan === true);
      await expect.poll(() => tab.locator('[data-kelisim-banner]').count()).toBe(0);
      // The UI came from the gate's own folder, and the one-file build fetched nothing more.
      const uiChunk = visitor.local.filter((p) => p.includes('kelisim-ui.js'));
      expect(uiChunk).toEqual(name == 'the one-file build' ? [] : ['/dist/kelisim-ui.js']);
      expect([...visitor.errors, ...consoleErrors]).toEqual([]);
      await visitor.context.close();
    });
  }

  it('fetches and shows the banner while the page is still parsing', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    // Long enough for a loaded 2-core machine, where the gate itself took over 600 ms to start.
    await tab.route('**/slow.js', (route) => setTimeout(() => route.fulfill({ contentType: 'text/javascript', body: '' }), 3000));
    await tab.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-kelisim-banner]')) return;
        (window as any).bannerAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await tab.goto(session.page(page(configScript + '<script src="/dist/kelisim.js"></script>', '<script src="/slow.js"></script>')));
    await tab.locator('[data-kelisim-banner]').waitFor();
    // The parser waits for slow.js: what happened before slow.js arrived happened mid-parse.
    const [chunkStart, bannerAt, parserBlockedUntil] = await tab.evaluate(() => {
      const entry = (name: string) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name))!;
      return [entry('/kelisim-ui.js').startTime, (window as any).bannerAt, entry('/slow.js').responseEnd];
    });
    expect(chunkStart).toBeLessThan(parserBlockedUntil);
    expect(bannerAt).toBeLessThan(parserBlockedUntil);
    await visitor.context.close();
  });

  it('a second copy of the script warns and does not run counters twice', async () => {
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const warnings = consoleMessages(tab, 'warning');
    const twice = '<script src="/dist/kelisim.js"></script><script src="/dist/kelisim.js?again"></script>';
    await tab.goto(session.page(page(configScript + twice).replace(gated,
      '<script type="text/plain" data-category="analytics">window.runs = (window.runs || 0) + 1;</script>')));
    await tab.locator('[data-kelisim-banner]').first().waitFor();
    expect(await tab.locator('[data-kelisim-banner]').count()).toBe(1);
    await tab.click('[data-kelisim-action="accept-all"]');
    await tab.waitForFunction(() => (window as any).runs >= 1);
    await settle(tab);
    expect(await tab.evaluate(() => (window as any).runs)).toBe(1);
    expect(warnings.join('\n')).toMatch(/Kelisim/);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it("kelisim.js?v=3 fetches the files it loads with ?v=3 too, so a cached older banner never runs with a newer gate", async () => {
    const kazakh = { ...config, reloadOnWithdraw: 'yes' };
    const html = page(`<script>window.kelisimConfig = ${JSON.stringify(kazakh)};</script><script src="/dist/kelisim.js?v=3" defer></script>`).replace('lang="ru"', 'lang="kk"');
    const visitor = await session.context();
    const tab = await visitor.newPage();
    const errors = consoleMessages(tab, 'error');
    await tab.goto(session.page(html));
    await tab.locator('[data-kelisim-banner]').waitFor();
    await tab.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await tab.locator('[data-kelisim-preferences]').waitFor();
    const fetched = visitor.local.filter((p) => p.startsWith('/dist/')).sort();
    expect(fetched).toEqual(['/dist/kelisim-kk.js?v=3', '/dist/kelisim-messages.js?v=3', '/dist/kelisim-prefs.js?v=3', '/dist/kelisim-ui.js?v=3', '/dist/kelisim.js?v=3']);
    expect(errors.some((e) => e.includes('reloadOnWithdraw'))).toBe(true);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('a page opened from a file (file://) shows the banner, and the choice holds for the page view', async () => {
    const dist = new URL('../../dist/', import.meta.url).href;
    const folder = mkdtempSync(join(tmpdir(), 'kelisim-file-'));
    writeFileSync(join(folder, 'index.html'), page(configScript + `<script src="${dist}kelisim.js" defer></script>`));
    const context = await session.browser.newContext();
    const tab = await context.newPage();
    const errors = consoleMessages(tab, 'error');
    const thrown: string[] = [];
    tab.on('pageerror', (error) => thrown.push(String(error)));
    await tab.goto('file://' + join(folder, 'index.html'));
    await tab.locator('[data-kelisim-banner]').waitFor({ timeout: 5000 });
    await tab.click('[data-kelisim-action="accept-all"]');
    await tab.waitForFunction(() => (window as any).analyticsRan === true);
    // Chromium keeps no cookies for file: pages: the visitor is told that the choice holds here only.
    await tab.locator('[data-kelisim-banner] [role="status"]').waitFor();
    expect([...errors, ...thrown]).toEqual([]);
    await context.close();
  });

  it('the script after the gate already finds the queue stubs and the stored choice', async () => {
    const withMetrica = { ...config, counters: [{ category: 'analytics', preset: 'yandex-metrika', id: 12345678 }] };
    const head = `<script>window.kelisimConfig = ${JSON.stringify(withMetrica)};</script><script src="/dist/kelisim.js"></script>`
      + '<script>window.seen = [typeof window.ym, window.Kelisim.isAllowed("analytics")];</script>';
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.goto(session.page(page(head)));
    expect(await tab.evaluate(() => (window as any).seen)).toEqual(['function', false]);
    await tab.click('[data-kelisim-action="accept-all"]');
    await tab.reload();
    expect(await tab.evaluate(() => (window as any).seen)).toEqual(['function', true]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('scripts after a deferred gate hear the stored choice through Kelisim.on()', async () => {
    const later = "Kelisim.on('kelisim:consent', (d) => (window.told = (window.told || []).concat(['deferred ' + d.categories])));"
      + "addEventListener('DOMContentLoaded', () => Kelisim.on('kelisim:consent', (d) => window.told.push('ready ' + d.categories)));";
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.route('**/later.js', (route) => route.fulfill({ contentType: 'text/javascript', body: later }));
    const url = session.page(page(configScript + '<script src="/dist/kelisim.js" defer></script><script src="/later.js" defer></script>'));
    await tab.goto(url);
    await tab.click('[data-kelisim-action="accept-all"]');
    await tab.waitForFunction(() => (window as any).told?.length == 2);
    await tab.reload();
    await tab.waitForFunction(() => (window as any).told?.length == 2);
    await settle(tab);
    expect(await tab.evaluate(() => (window as any).told)).toEqual(['deferred necessary,analytics,advertising', 'ready necessary,analytics,advertising']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it("a loader that runs the gate's text and calls the API in the same script gets the stored choice", async () => {
    const gate = readFileSync(new URL('../../dist/kelisim.js', import.meta.url), 'utf8');
    const inline = `<script>${gate}\nwindow.seen = [!!window.Kelisim.getConsent(), window.Kelisim.isAllowed("analytics")];</script>`;
    const visitor = await session.context();
    const tab = await visitor.newPage();
    await tab.goto(session.page(page(configScript + '<script src="/dist/kelisim.js"></script>')));
    await tab.click('[data-kelisim-action="accept-all"]');
    await tab.goto(session.page(page(configScript + inline)));
    expect(await tab.evaluate(() => (window as any).seen)).toEqual([true, true]);
    expect(await tab.evaluate(() => (window as any).analyticsRan)).toBe(true);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
