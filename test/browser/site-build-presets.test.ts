import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startSession, type Session } from './harness';

// examples/site-build names one preset (yandex-metrika); `scripts/build-site-example.mjs` bundled
// it from the packed package. The preset's code is a chunk of the site's build, the other five
// presets are chunks the page never asks for.
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const OTHER_PRESETS = /\/(gtag|gtm|vk-pixel|meta-pixel|tiktok-pixel|consent-mode)-[^/]*\.js$/;

describe('a bundled site with one preset', () => {
  it('holds ym() calls from the start, runs Metrica once allowed, and never fetches the other presets', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.base + '/examples/site-build/index.html');
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.evaluate(() => (window as any).ym(12345678, 'reachGoal', 'early'));
    await settle(page, 300);
    expect(visitor.requests).toEqual([]);

    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.length >= 2);
    expect(visitor.requests).toEqual(['https://mc.yandex.ru/metrika/tag.js?id=12345678']);
    const calls = await page.evaluate(() => (window as any).__vendorLog.map((e: any) => e.call.slice(0, 3)));
    expect(calls).toEqual([[12345678, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true }], [12345678, 'reachGoal', 'early']]);
    expect(visitor.local.some((p) => /\/examples\/site-build\/dist\/yandex-metrika-[^/]*\.js$/.test(p))).toBe(true);
    expect(visitor.local.filter((p) => OTHER_PRESETS.test(p))).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
