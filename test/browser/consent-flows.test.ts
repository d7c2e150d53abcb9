import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, COUNTERS, hosts, pageHtml, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = (extra: object = {}) => ({ revision: '2019-02-20', categories: CATEGORIES, counters: COUNTERS, ...extra });

// Gated markup in document order: an inline script, an external one, another inline one.
const gatedMarkup = `
<script type="text/plain" data-category="analytics">window.order = (window.order || []).concat('inline-1');</script>
<script type="text/plain" data-category="analytics" src="/test/fixtures/order.js" id="gated-src" data-note="kept"></script>
<script type="text/plain" data-category="analytics">window.order = (window.order || []).concat('inline-2');</script>
<script type="text/plain" data-category="advertising">window.adRan = true;</script>`;

const VENDOR_COOKIES = /^(_ym_|_ga|tmr_|px_)/;

describe('before any choice', () => {
  it('shows the banner and contacts no counter host, runs no counter code, sets no counter cookie', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config(), gatedMarkup)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 800);
    expect(visitor.requests).toEqual([]);
    expect(await page.evaluate(() => [(window as any).order, (window as any).adRan, (window as any).__vendorLog])).toEqual([null, null, null].map(() => undefined));
    expect((await visitor.cookieNames()).filter((n) => VENDOR_COOKIES.test(n))).toEqual([]);
    // The page may call the vendors' queues before consent without errors.
    await page.evaluate(() => { (window as any).ym(12345678, 'reachGoal', 'early'); (window as any).gtag('event', 'early'); });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('choices', () => {
  it('accept all loads each counter once and runs gated scripts in document order', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config(), gatedMarkup)));
    await page.evaluate(() => (window as any).ym(12345678, 'reachGoal', 'early'));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan && (window as any).order?.length == 3);
    await settle(page);
    expect(hosts(visitor.requests)).toEqual(['mc.yandex.ru', 'pixel.example.org', 'top-fwz1.mail.ru', 'www.googletagmanager.com']);
    expect(visitor.requests.length).toBe(4);
    expect(visitor.requests).toContain('https://mc.yandex.ru/metrika/tag.js?id=12345678');
    expect(visitor.requests).toContain('https://www.googletagmanager.com/gtag/js?id=G-TEST');
    expect(await page.evaluate(() => (window as any).order)).toEqual(['inline-1', 'external', 'inline-2']);
    expect(await page.evaluate(() => (window as any).adRan)).toBe(true);
    const gated = await page.evaluate(() => {
      const s = document.getElementById('gated-src')!;
      return [s.getAttribute('type'), s.dataset.note];
    });
    expect(gated).toEqual([null, 'kept']);
    // Metrica got its init first, then the call the page made before consent.
    const ym = await page.evaluate(() => (window as any).__vendorLog.filter((e: any) => e.vendor == 'ym').map((e: any) => e.call[1]));
    expect(ym).toEqual(['init', 'reachGoal']);
    await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('reject all loads nothing, now or after a reload, and the banner stays away', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config(), gatedMarkup));
    await page.goto(url);
    await page.click('[data-kelisim-action="reject-all"]');
    await settle(page, 500);
    await page.reload();
    await settle(page, 800);
    expect(visitor.requests).toEqual([]);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).order)).toBeUndefined();
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent().denied)).toEqual(['analytics', 'advertising']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('per category: analytics on, advertising off contacts only analytics hosts', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config(), gatedMarkup)));
    await page.click('[data-kelisim-action="preferences"]');
    const dialog = page.locator('[data-kelisim-preferences]');
    await dialog.waitFor();
    expect(await page.isChecked('input[data-kelisim-category="necessary"]')).toBe(true);
    expect(await page.isDisabled('input[data-kelisim-category="necessary"]')).toBe(true);
    expect(await page.isChecked('input[data-kelisim-category="analytics"]')).toBe(false);
    expect(await page.isChecked('input[data-kelisim-category="advertising"]')).toBe(false);
    await page.check('input[data-kelisim-category="analytics"]');
    await page.click('[data-kelisim-action="save"]');
    await page.waitForFunction(() => (window as any).order?.length == 3);
    await settle(page, 500);
    expect(hosts(visitor.requests)).toEqual(['mc.yandex.ru', 'www.googletagmanager.com']);
    expect(await page.evaluate(() => (window as any).adRan)).toBeUndefined();
    expect(await dialog.count()).toBe(0);
    await visitor.context.close();
  });
});

describe('returning visitor', () => {
  it('gets the stored choice without the banner and without downloading the UI', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config()));
    await page.goto(url);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan);
    visitor.local.length = 0;
    visitor.requests.length = 0;
    await page.reload();
    await page.waitForFunction(() => (window as any).__pixelRan);
    await settle(page, 500);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(visitor.local.filter((p) => p.startsWith('/dist/'))).toEqual(['/dist/kelisim.js']);
    expect(hosts(visitor.requests)).toEqual(['mc.yandex.ru', 'pixel.example.org', 'top-fwz1.mail.ru', 'www.googletagmanager.com']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('is asked again when the policy revision changes, and nothing loads meanwhile', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config())));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan);
    visitor.requests.length = 0;
    await page.goto(session.page(pageHtml(config({ revision: '2026-11-25' }))));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 500);
    expect(visitor.requests).toEqual([]);
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent())).toBeNull();
    await visitor.context.close();
  });
});

describe('withdrawal', () => {
  it("deletes the category's cookies, on the parent domain too, fires change, and reloads once", async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config(), `<script>
      addEventListener('kelisim:change', (e) => sessionStorage.setItem('changes', (sessionStorage.getItem('changes') || '') + JSON.stringify(e.detail) + '\\n'));
      sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') || 0) + 1));
    </script>`));
    await page.goto(url);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => document.cookie.includes('_ym_uid') && document.cookie.includes('_ga=') && document.cookie.includes('tmr_lvid'));
    const before = await visitor.cookies();
    expect(before.filter((c) => c.name == '_ym_uid').map((c) => c.domain)).toEqual(['.kelisim.test']);

    await page.click('[data-kelisim="preferences"]');
    await page.locator('[data-kelisim-preferences]').waitFor();
    expect(await page.isChecked('input[data-kelisim-category="analytics"]')).toBe(true);
    await page.uncheck('input[data-kelisim-category="analytics"]');
    await Promise.all([page.waitForEvent('load'), page.click('[data-kelisim-action="save"]')]);
    await settle(page, 500);

    const names = await visitor.cookieNames();
    expect(names.filter((n) => /^(_ym_|_ga)/.test(n))).toEqual([]);
    expect(names).toContain('tmr_lvid');
    expect(await page.evaluate(() => sessionStorage.getItem('loads'))).toBe('2');
    const changes = (await page.evaluate(() => sessionStorage.getItem('changes')))!.trim().split('\n').map((l) => JSON.parse(l));
    expect(changes.at(-1)).toEqual({ added: [], removed: ['analytics'], categories: ['necessary', 'advertising'] });
    expect(await page.evaluate(() => (window as any).Kelisim.isAllowed('analytics'))).toBe(false);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
