import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startSession, type Session } from './harness';

// `scripts/build-site-example.mjs` (run by `npm run test:browser`) installs the packed tarball into
// examples/site-build and bundles the site; this file runs what it built.
const site = new URL('../../examples/site-build/', import.meta.url);

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

describe('a site bundled with rollup from the npm package', () => {
  it('was built from the packed package, not from src/', () => {
    expect(existsSync(new URL('dist/main.js', site)), 'run node scripts/build-site-example.mjs').toBe(true);
    const installed = JSON.parse(readFileSync(new URL('node_modules/kelisim/package.json', site), 'utf8'));
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(installed.version).toBe(own.version);
    expect(existsSync(new URL('node_modules/kelisim/src', site))).toBe(false);
  });

  it('asks first, runs the API counters after accept, and hears the events', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.base + '/examples/site-build/index.html');
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page);
    expect(await page.textContent('[data-status="analytics"]')).toBe('не загружена');
    // The bundler split the UI off: it came as a chunk of the site's own build.
    expect(visitor.local.some((p) => /^\/examples\/site-build\/dist\/ui-.*\.js$/.test(p))).toBe(true);
    expect(visitor.local.some((p) => p.startsWith('/dist/') || p.startsWith('/src/'))).toBe(false);

    await page.click('[data-kelisim-action="accept-all"]');
    await expect.poll(() => page.textContent('[data-status="analytics"]')).toBe('работает');
    expect(await page.textContent('[data-status="advertising"]')).toBe('работает');
    expect(await page.getAttribute('body', 'data-consent')).toBe('necessary analytics advertising');
    expect(await visitor.cookieNames()).toContain('site_visit');

    // Withdrawal from the page's own button: the change event names it, its cookie goes.
    await page.click('[data-kelisim="preferences"]');
    await page.uncheck('input[data-kelisim-category="analytics"]');
    await Promise.all([page.waitForEvent('load'), page.click('[data-kelisim-action="save"]')]);
    expect(await visitor.cookieNames()).not.toContain('site_visit');
    expect(await page.textContent('[data-status="analytics"]')).toBe('не загружена');
    expect(await page.textContent('[data-status="advertising"]')).toBe('работает');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('hears the change event when a choice is withdrawn without a reload', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.base + '/examples/site-build/index.html');
    await page.click('[data-kelisim-action="reject-all"]');
    await page.evaluate(() => (window as any).siteConsent.accept(['advertising']));
    await expect.poll(() => page.textContent('#changes')).toBe('+advertising -\n');
    expect(await page.textContent('[data-status="advertising"]')).toBe('работает');
    expect(await page.textContent('[data-status="analytics"]')).toBe('не загружена');
    await visitor.context.close();
  });
});
