import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, consoleMessages, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = {
  revision: '2019-02-20',
  categories: CATEGORIES,
  counters: [
    { category: 'analytics', preset: 'yandex-metrika', id: 12345678 },
    { category: 'advertising', src: 'https://pixel.example.org/pixel.js' },
  ],
};

// A single-page app: Kelisim is started by the app's code, routes change with pushState, and
// views bring their own gated scripts.
const app = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>SPA</title>
<script src="/dist/kelisim.js"></script></head>
<body><nav><button type="button" data-kelisim="preferences">Cookie</button></nav><div id="view"></div>
<script>
  window.route = (path) => {
    history.pushState({}, '', path);
    document.getElementById('view').innerHTML = '';
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.dataset.category = 'analytics';
    s.textContent = 'window.views = (window.views || []).concat(location.pathname)';
    document.getElementById('view').appendChild(s);
  };
  window.config = ${JSON.stringify(config)};
  Kelisim.init(window.config);
</script></body></html>`;

const kelisimNodes = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelectorAll('[data-kelisim=""], [data-kelisim-banner], [data-kelisim-preferences]').length);

describe('single-page apps', () => {
  it('runs scripts that later views add, once each, without a new init', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(app));
    await page.evaluate(() => (window as any).route('/courses'));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).views?.length == 1);
    await page.evaluate(() => (window as any).route('/contacts'));
    await page.waitForFunction(() => (window as any).views?.length == 2);
    await settle(page);
    expect(await page.evaluate(() => (window as any).views)).toEqual(['/courses', '/contacts']);
    expect(visitor.requests.filter((r) => r.includes('mc.yandex.ru'))).toHaveLength(1);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('init() again warns and loads nothing twice; destroy() leaves no node or listener; a new init() does not load counters again', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const warnings = consoleMessages(page, 'warning');
    await page.goto(session.page(app));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => typeof (window as any).__vendorLog != 'undefined');
    await page.evaluate(() => (window as any).Kelisim.init((window as any).config));
    expect(warnings.join('\n')).toMatch(/init\(\) was called again/);

    await page.click('[data-kelisim="preferences"]');
    await page.locator('[data-kelisim-preferences]').waitFor();
    await page.evaluate(() => (window as any).Kelisim.destroy());
    expect(await kelisimNodes(page)).toBe(0);
    // Its click listener is gone: the page's own preferences button opens nothing now.
    await page.click('[data-kelisim="preferences"]');
    await settle(page);
    expect(await kelisimNodes(page)).toBe(0);
    // Its observer is gone: a view's gated script stays inert.
    await page.evaluate(() => (window as any).route('/after-destroy'));
    await settle(page);
    expect(await page.evaluate(() => (window as any).views)).toBeUndefined();

    // The app mounts again: the stored choice holds, the view's script runs, no counter is loaded twice.
    await page.evaluate(() => (window as any).Kelisim.init((window as any).config));
    await page.waitForFunction(() => (window as any).views?.length == 1);
    await settle(page);
    expect(visitor.requests.filter((r) => r.includes('mc.yandex.ru'))).toHaveLength(1);
    expect(visitor.requests.filter((r) => r.includes('pixel.example.org'))).toHaveLength(1);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
