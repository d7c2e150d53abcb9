import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, COUNTERS, consoleMessages, hosts, pageHtml, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = (extra: object = {}) => ({ revision: '2019-02-20', categories: CATEGORIES, counters: COUNTERS, ...extra });

describe('Content Security Policy', () => {
  it("works under script-src 'self' 'nonce-…' without unsafe-inline, with zero violations", async () => {
    const nonce = 'r4nd0mN0nce';
    const html = pageHtml(config(), `
      <script type="text/plain" data-category="analytics" nonce="${nonce}">window.gatedRan = true;</script>`)
      .replace('<script>window.kelisimConfig', `<script nonce="${nonce}">addEventListener('securitypolicyviolation', (e) => (window.violations = window.violations || []).push(e.violatedDirective + ' ' + e.blockedURI));
window.kelisimConfig`)
      .replace('<script src="/dist/kelisim.js" defer>', `<script src="/dist/kelisim.js" defer nonce="${nonce}">`);
    const url = session.page(html, {
      'Content-Security-Policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`,
    });
    const visitor = await session.context();
    const page = await visitor.newPage();
    const consoleErrors = consoleMessages(page, 'error');
    await page.goto(url);
    const banner = page.locator('[data-kelisim-banner]');
    await banner.waitFor();
    // The stylesheet was applied, so the injected <style> carried the nonce.
    expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan && (window as any).gatedRan);
    const injected = await page.evaluate(() => Array.from(document.scripts).filter((s) => s.src && !s.src.includes('/dist/kelisim.js')).map((s) => [s.src.split('?')[0], s.nonce]));
    expect(injected.length).toBeGreaterThanOrEqual(5);
    for (const [, scriptNonce] of injected) expect(scriptNonce).toBe(nonce);
    expect(await page.evaluate(() => (window as any).violations || [])).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('cookies', () => {
  it('blocked cookies: the choice holds for the page view, the visitor is told, nothing breaks', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get: () => '', set: () => {} });
    });
    await page.goto(session.page(pageHtml(config({ language: 'kk' }))));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan);
    const notice = page.locator('[data-kelisim-banner] [role="status"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('тек осы бетте');
    expect(await page.locator('[data-kelisim-action="accept-all"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).Kelisim.isAllowed('analytics'))).toBe(true);
    await page.click('[data-kelisim-action="close"]');
    await page.reload();
    await page.locator('[data-kelisim-banner]').waitFor();
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent())).toBeNull();
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('two consent cookies on host and parent domain resolve to the newest, and the stale one goes', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config()));
    await page.goto(url);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan);
    const newest = (await visitor.cookies()).find((c) => c.name == 'kelisim')!;
    const fields = newest.value.split('.');
    fields[3] = (parseInt(fields[3], 36) - 100).toString(36);
    fields[8] = '';
    fields[9] = 'analytics+advertising';
    await visitor.context.addCookies([{ name: 'kelisim', value: fields.join('.'), domain: '.kelisim.test', path: '/' }]);
    expect((await visitor.cookies()).filter((c) => c.name == 'kelisim')).toHaveLength(2);
    await page.reload();
    await settle(page, 300);
    expect(await page.evaluate(() => (window as any).Kelisim.isAllowed('analytics'))).toBe(true);
    const left = (await visitor.cookies()).filter((c) => c.name == 'kelisim');
    expect(left.map((c) => c.value)).toEqual([newest.value]);
    await visitor.context.close();
  });

  it('a tampered consent cookie means no consent: the banner asks again, nothing loads, and the console says why', async () => {
    const visitor = await session.context();
    await visitor.context.addCookies([{ name: 'kelisim', value: '1.AAAAAAAAAAAAAAAA.zz.zz.zz.x.ru.0.analytics+advertising.', domain: 'www.kelisim.test', path: '/' }]);
    const page = await visitor.newPage();
    const warnings = consoleMessages(page, 'warning');
    await page.goto(session.page(pageHtml(config())));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 500);
    expect(visitor.requests).toEqual([]);
    expect(visitor.errors).toEqual([]);
    expect(warnings.filter((w) => w.includes('the cookie kelisim holds a value this version cannot read'))).toHaveLength(1);
    await visitor.context.close();
  });
});

describe('signals and tabs', () => {
  it('Global Privacy Control keeps advertising off and the dialog says why', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(session.page(pageHtml(config())));
    await page.click('[data-kelisim-action="preferences"]');
    await page.locator('[data-kelisim-preferences]').waitFor();
    expect(await page.isChecked('input[data-kelisim-category="advertising"]')).toBe(false);
    expect(await page.locator('[data-kelisim-preferences]').textContent()).toContain('Global Privacy Control');
    await visitor.context.close();
  });

  it('a choice in one tab closes the banner and starts the counters in the other, without a reload', async () => {
    const visitor = await session.context();
    const url = session.page(pageHtml(config()));
    const first = await visitor.newPage();
    const second = await visitor.newPage();
    await first.goto(url);
    await second.goto(url);
    await second.locator('[data-kelisim-banner]').waitFor();
    await second.evaluate(() => { (window as any).loads = 1; });
    await first.click('[data-kelisim-action="accept-all"]');
    await second.waitForFunction(() => (window as any).__pixelRan);
    await expect.poll(() => second.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await second.evaluate(() => [(window as any).loads, (window as any).Kelisim.isAllowed('advertising')])).toEqual([1, true]);
    expect(hosts(visitor.requests)).toContain('mc.yandex.ru');
    await visitor.context.close();
  });
});
