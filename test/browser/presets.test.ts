import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hosts, pageHtml, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const ALL_PRESETS = [
  { category: 'analytics', preset: 'yandex-metrika', id: 12345678, options: { webvisor: true } },
  { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
  { category: 'advertising', preset: 'vk-pixel', id: '3333333' },
  { category: 'advertising', preset: 'meta-pixel', id: '111' },
  { category: 'advertising', preset: 'tiktok-pixel', id: 'TT1' },
];
// No cookie patterns of its own: what gets deleted comes from the presets' own lists.
const config = (extra: object = {}) => ({ revision: '1', counters: ALL_PRESETS, ...extra });

/** Page code calling every vendor's queue before any choice, as pasted snippets do. */
const earlyCalls = `<script>
  addEventListener('DOMContentLoaded', () => {
    ym(12345678, 'reachGoal', 'early-goal');
    gtag('event', 'early_event');
    _tmr.push({ id: '3333333', type: 'reachGoal', goal: 'early' });
    fbq('track', 'Lead');
    ttq.track('ViewContent');
  });
</script>`;

const log = (page: Page, vendor: string) =>
  page.evaluate((v) => ((window as any).__vendorLog || []).filter((e: any) => e.vendor == v).map((e: any) => e.call), vendor);

describe('queued calls', () => {
  it('page calls made before consent reach each vendor after its init, in order, once allowed', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config(), earlyCalls)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 300);
    expect(visitor.requests).toEqual([]);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['ym', 'google', 'tmr', 'fbq', 'ttq'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    expect(visitor.requests.sort()).toEqual([
      'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=TT1&lib=ttq',
      'https://connect.facebook.net/en_US/fbevents.js',
      'https://mc.yandex.ru/metrika/tag.js?id=12345678',
      'https://top-fwz1.mail.ru/js/code.js',
      'https://www.googletagmanager.com/gtag/js?id=G-TEST',
    ]);
    expect(await log(page, 'ym')).toEqual([
      [12345678, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true, webvisor: true }],
      [12345678, 'reachGoal', 'early-goal'],
    ]);
    expect((await log(page, 'tmr')).map((c: any) => c[0].type)).toEqual(['pageView', 'reachGoal']);
    expect((await log(page, 'fbq')).map((c: any) => c.slice(0, 3))).toEqual([['init', '111', {}], ['trackSingle', '111', 'PageView'], ['track', 'Lead']]);
    expect((await log(page, 'ttq')).map((c: any) => c[0])).toEqual(['page', 'track']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('after a refusal the held calls are dropped and no vendor is contacted, now or later', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config(), earlyCalls));
    await page.goto(url);
    await page.click('[data-kelisim-action="reject-all"]');
    await page.evaluate(() => { (window as any).ym(1, 'hit'); (window as any).fbq('track', 'Purchase'); (window as any).gtag('event', 'late'); });
    await page.reload();
    await settle(page, 800);
    expect(visitor.requests).toEqual([]);
    expect(await page.evaluate(() => (window as any).ym.a)).toBeUndefined();
    expect(await page.evaluate(() => (window as any).fbq.queue)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('Google Consent Mode v2', () => {
  const googleCalls = (page: Page) => page.evaluate(() => (window as any).dataLayer.map((entry: any) =>
    entry.event ? `event:${entry.event}` : `${entry[0]}:${typeof entry[1] == 'string' ? entry[1] : ''}`));

  it('default before any config, update after the choice, and again first thing on the next page', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const regions = [{ region: ['DE'], granted: [] }];
    await page.goto(session.page(pageHtml(config({ consentMode: { regions } }), earlyCalls)));
    await page.locator('[data-kelisim-banner]').waitFor();
    expect(await googleCalls(page)).toEqual(['consent:default', 'consent:default']);
    const defaults = await page.evaluate(() => (window as any).dataLayer[0][2]);
    expect(defaults).toEqual({
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied',
      functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted', wait_for_update: 500,
    });

    await page.click('[data-kelisim-action="preferences"]');
    await page.check('input[data-kelisim-category="analytics"]');
    await page.click('[data-kelisim-action="save"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'google'));
    expect(await googleCalls(page)).toEqual([
      'consent:default', 'consent:default', 'consent:update', 'event:kelisim_consent', 'js:', 'config:G-TEST', 'event:early_event',
    ]);
    const update = await page.evaluate(() => (window as any).dataLayer[2][2]);
    expect(update).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
    expect(await page.evaluate(() => (window as any).dataLayer[3].categories)).toEqual(['necessary', 'analytics']);

    await page.reload();
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'google'));
    const next = await googleCalls(page);
    expect(next.slice(0, 6)).toEqual(['consent:default', 'consent:default', 'consent:update', 'event:kelisim_consent', 'js:', 'config:G-TEST']);
    await visitor.context.close();
  });

  it('advanced mode loads the tag before consent with everything denied', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml({ counters: [{ category: 'analytics', preset: 'gtag', id: 'G-ADV' }], consentMode: { mode: 'advanced' } })));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'google'));
    expect(visitor.requests).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-ADV']);
    expect((await googleCalls(page)).slice(0, 3)).toEqual(['consent:default', 'js:', 'config:G-ADV']);
    await visitor.context.close();
  });
});

describe('withdrawal', () => {
  it("calls the vendors' revoke and deletes every preset's cookies, on the parent domain too", async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config({ reloadOnWithdraw: false }))));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['_ym_uid', '_ga=', 'tmr_lvid', '_fbp', '_ttp'].every((c) => document.cookie.includes(c)));
    const parent = (await visitor.cookies()).filter((c) => c.domain == '.kelisim.test').map((c) => c.name).sort();
    expect(parent).toEqual(['_fbp', '_ga', '_ga_TEST', '_ttp', '_ym_d', '_ym_uid', 'tmr_lvid']);

    await page.evaluate(() => (window as any).Kelisim.rejectAll());
    await settle(page, 300);
    expect((await visitor.cookieNames()).filter((n) => /^(_ym|_ga|tmr_|_fbp|_ttp)/.test(n))).toEqual([]);
    expect((await log(page, 'fbq')).at(-1)).toEqual(['consent', 'revoke']);
    expect((await log(page, 'ttq')).at(-1)).toEqual(['revokeConsent']);
    const last = await page.evaluate(() => { const dl = (window as any).dataLayer; return [...dl].reverse().find((e: any) => e[0] == 'consent')[2]; });
    expect(last).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('markup', () => {
  it("a vendor's official snippet pasted into text/plain works unchanged once allowed", async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const snippet = `<script type="text/plain" data-category="analytics">
   (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
   m[i].l=1*new Date();
   for (var j = 0; j < document.scripts.length; j++) {if (document.scripts[j].src === r) { return; }}
   k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
   (window, document, "script", "https://mc.yandex.ru/metrika/tag.js?id=87654321", "ym");
   ym(87654321, "init", { clickmap:true, trackLinks:true, accurateTrackBounce:true });
</script>`;
    await page.goto(session.page(pageHtml({}, snippet)));
    await settle(page, 500);
    expect(visitor.requests).toEqual([]);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.length);
    expect(visitor.requests).toEqual(['https://mc.yandex.ru/metrika/tag.js?id=87654321']);
    expect(await log(page, 'ym')).toEqual([[87654321, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true }]]);
    await visitor.context.close();
  });

  it('a gated iframe stays empty behind a placeholder whose button allows its category', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml({ language: 'kk' }, '<iframe data-category="advertising" data-src="/test/fixtures/order.js" title="video"></iframe>')));
    await page.click('[data-kelisim-action="reject-all"]');
    const placeholder = page.locator('[data-kelisim-placeholder]');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain('«Жарнама» санатындағы cookie');
    expect(await page.getAttribute('iframe', 'src')).toBeNull();
    await placeholder.locator('button').click();
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
    expect(await placeholder.count()).toBe(0);
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent().categories)).toEqual(['necessary', 'advertising']);
    expect(hosts(visitor.requests)).toEqual([]);

    // Withdrawn: the embed is unloaded in place, without a reload, and the placeholder is back.
    await page.evaluate(() => { (window as any).notReloaded = true; (window as any).Kelisim.rejectAll(); });
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('about:blank');
    await placeholder.waitFor();
    expect(await page.frames()[1].url()).toBe('about:blank');
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
    await visitor.context.close();
  });
});
