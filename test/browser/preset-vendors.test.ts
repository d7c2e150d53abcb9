import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageHtml, settle, startSession, type Session } from './harness';

// What each vendor receives, checked against the vendor's own documented behaviour (GLOSSARY.md,
// "Counter facts"): the stand-ins in test/fixtures/vendors record every call they get.
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const log = (page: Page, vendor: string) =>
  page.evaluate((v) => ((window as any).__vendorLog || []).filter((e: any) => e.vendor == v).map((e: any) => e.call), vendor);
const googleEvents = (page: Page) => log(page, 'google').then((calls) => calls.filter((c: any) => c[0] == 'event').map((c: any) => c[1]));

describe('one vendor in two categories', () => {
  // README's own example: GA4 under analytics, Google Ads under advertising. The visitor allows
  // analytics only; the page's gtag() events are GA4's to receive, whatever the list's order.
  it.each([
    ['GA4 first', [{ category: 'analytics', preset: 'gtag', id: 'G-TEST' }, { category: 'advertising', preset: 'gtag', id: 'AW-123456789' }]],
    ['Google Ads first', [{ category: 'advertising', preset: 'gtag', id: 'AW-123456789' }, { category: 'analytics', preset: 'gtag', id: 'G-TEST' }]],
  ])('allowing analytics only, the page\'s gtag() events before and after the choice reach GA4 (%s)', async (_, counters) => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const early = `<script>addEventListener('DOMContentLoaded', () => gtag('event', 'early_event'));</script>`;
    await page.goto(session.page(pageHtml({ revision: '1', reloadOnWithdraw: false, counters }, early)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics']));
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'google'));
    await page.evaluate(() => (window as any).gtag('event', 'late_event'));
    await settle(page, 100);
    expect(visitor.requests).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-TEST']);
    expect(await googleEvents(page)).toEqual(['early_event', 'late_event']);
    expect((await log(page, 'google')).filter((c: any) => c[0] == 'config').map((c: any) => c[1])).toEqual(['G-TEST']);

    // Withdrawing advertising alone, a choice that changes nothing for GA4, must not silence it.
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics', 'advertising']));
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics']));
    await page.evaluate(() => (window as any).gtag('event', 'after_withdrawal'));
    await settle(page, 100);
    expect(await googleEvents(page)).toEqual(['early_event', 'late_event', 'after_withdrawal']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('two ids of one vendor', () => {
  // Meta: `fbq('track', …)` goes to every pixel initialised so far; a second pixel's PageView
  // sent with `track` counts the first pixel's page view twice (Meta's "Accurate Event Tracking
  // with Multiple Pixels": trackSingle sends to one).
  it('two Meta pixels each receive one PageView; a page event goes to both', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'advertising', preset: 'meta-pixel', id: '111111111111111' },
      { category: 'advertising', preset: 'meta-pixel', id: 222222222222222 },
    ];
    const early = `<script>addEventListener('DOMContentLoaded', () => fbq('track', 'Lead'));</script>`;
    await page.goto(session.page(pageHtml({ revision: '1', counters }, early)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'fb-hit'));
    expect(visitor.requests).toEqual(['https://connect.facebook.net/en_US/fbevents.js']);
    expect(await log(page, 'fb-hit')).toEqual([
      ['111111111111111', 'PageView'],
      ['222222222222222', 'PageView'],
      ['111111111111111', 'Lead'],
      ['222222222222222', 'Lead'],
    ]);
    await visitor.context.close();
  });

  // Metrica takes a number as its counter id (`ym(12345678, 'init', …)`), VK's `_tmr` a string;
  // one tag.js and one code.js serve every counter of the page.
  it('two Metrica counters and two VK ids, given as numbers or strings, reach each vendor in its own shape', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'analytics', preset: 'yandex-metrika', id: 12345678 },
      { category: 'analytics', preset: 'yandex-metrika', id: '87654321' },
      { category: 'advertising', preset: 'vk-pixel', id: 3333333 },
      { category: 'advertising', preset: 'vk-pixel', id: '4444444' },
    ];
    const early = `<script>addEventListener('DOMContentLoaded', () => {
      ym(87654321, 'reachGoal', 'early');
      _tmr.push({ id: '4444444', type: 'reachGoal', goal: 'early' });
    });</script>`;
    await page.goto(session.page(pageHtml({ revision: '1', counters }, early)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['ym', 'tmr'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    expect(visitor.requests.sort()).toEqual(['https://mc.yandex.ru/metrika/tag.js?id=12345678', 'https://top-fwz1.mail.ru/js/code.js']);
    expect((await log(page, 'ym')).map((c: any) => c.slice(0, 2))).toEqual([[12345678, 'init'], [87654321, 'init'], [87654321, 'reachGoal']]);
    expect((await log(page, 'tmr')).map((c: any) => c[0].id + ':' + c[0].type)).toEqual(['3333333:pageView', '4444444:pageView', '4444444:reachGoal']);
    expect(await page.evaluate(() => document.getElementById('tmr-code')?.getAttribute('src'))).toBe('https://top-fwz1.mail.ru/js/code.js');
    await visitor.context.close();
  });

  // TikTok's snippet: each `ttq.load(id)` injects events.js?sdkid=<id>, which brings that pixel's
  // own settings; the second pixel never gets them from the first one's script.
  it("two TikTok pixels each get their own events.js, as TikTok's ttq.load does, and one page view each", async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'advertising', preset: 'tiktok-pixel', id: 'C4AAAAAAAAAAAAAAAAAA' },
      { category: 'advertising', preset: 'tiktok-pixel', id: 'C4BBBBBBBBBBBBBBBBBB' },
    ];
    const early = `<script>addEventListener('DOMContentLoaded', () => ttq.track('ViewContent'));</script>`;
    await page.goto(session.page(pageHtml({ revision: '1', counters }, early)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'ttq'));
    await settle(page, 200);
    expect(visitor.requests.sort()).toEqual([
      'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C4AAAAAAAAAAAAAAAAAA&lib=ttq',
      'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C4BBBBBBBBBBBBBBBBBB&lib=ttq',
    ]);
    expect(Object.keys(await page.evaluate(() => (window as any).ttq._i))).toEqual(['C4AAAAAAAAAAAAAAAAAA', 'C4BBBBBBBBBBBBBBBBBB']);
    // A call on the global ttq goes to every pixel: each pixel's page view goes to it alone.
    expect(await log(page, 'tt-hit')).toEqual([
      ['C4AAAAAAAAAAAAAAAAAA', 'Pageview'],
      ['C4BBBBBBBBBBBBBBBBBB', 'Pageview'],
      ['C4AAAAAAAAAAAAAAAAAA', 'ViewContent'],
      ['C4BBBBBBBBBBBBBBBBBB', 'ViewContent'],
    ]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

const ALL = [
  { category: 'analytics', preset: 'yandex-metrika', id: 12345678 },
  { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
  { category: 'advertising', preset: 'vk-pixel', id: 3333333 },
  { category: 'advertising', preset: 'meta-pixel', id: '111111111111111' },
  { category: 'advertising', preset: 'tiktok-pixel', id: 'C4AAAAAAAAAAAAAAAAAA' },
];

describe('withdrawn, then allowed again on the same page', () => {
  it('each vendor is told, none is loaded or initialised twice, and calls in between are dropped', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml({ revision: '1', reloadOnWithdraw: false, counters: ALL })));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['ym', 'google', 'tmr', 'fbq', 'ttq'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    await page.evaluate(() => (window as any).Kelisim.rejectAll());
    // Not ym(): Metrica's tag.js puts its own `ym` in place of the stub, and has no consent API;
    // only the reload that reloadOnWithdraw (default true) makes stops it.
    await page.evaluate(() => {
      const w = window as any;
      w.fbq('track', 'Refused');
      w.gtag('event', 'refused');
    });
    await page.evaluate(() => (window as any).Kelisim.acceptAll());
    await settle(page, 300);
    expect(visitor.requests.length).toBe(5);
    expect((await log(page, 'fbq')).map((c: any) => c.slice(0, 2))).toEqual([
      ['init', '111111111111111'], ['trackSingle', '111111111111111'], ['consent', 'revoke'], ['consent', 'grant'],
    ]);
    expect((await log(page, 'ttq')).map((c: any) => c[0])).toEqual(['page', 'revokeConsent', 'grantConsent']);
    expect((await log(page, 'ym')).map((c: any) => c[1])).toEqual(['init']);
    expect((await log(page, 'tmr')).map((c: any) => c[0].type)).toEqual(['pageView']);
    expect((await log(page, 'tmr'))[0][0].id).toBe('3333333');
    const consent = (await log(page, 'google')).filter((c: any) => c[0] == 'consent').map((c: any) => c[1] + ':' + c[2].analytics_storage + ':' + c[2].ad_storage);
    expect(consent.slice(-2)).toEqual(['update:denied:denied', 'update:granted:granted']);
    expect(await googleEvents(page)).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('an SPA that swaps its config with destroy() and init()', () => {
  // The vendor's script stays in the page after destroy(): under the new config, where the visitor
  // refuses its purpose, it must be told and get nothing more, whatever ids the old config had.
  it("a pixel started under the first config is revoked when the second one's purpose is refused", async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const first = { revision: '1', reloadOnWithdraw: false, counters: [{ category: 'advertising', preset: 'meta-pixel', id: '111111111111111' }] };
    await page.goto(session.page(pageHtml(first)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'fbq'));
    const second = { revision: '2', reloadOnWithdraw: false, counters: [{ category: 'advertising', preset: 'meta-pixel', id: '222222222222222' }] };
    await page.evaluate((config) => {
      const k = (window as any).Kelisim;
      k.destroy();
      k.init(config);
    }, second);
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="reject-all"]');
    await page.evaluate(() => (window as any).fbq('track', 'AfterRefusal'));
    await settle(page, 200);
    const calls = (await log(page, 'fbq')).map((c: any) => c.slice(0, 2).join(' '));
    expect(calls).toContain('consent revoke');
    expect(calls.some((c: string) => c.includes('AfterRefusal'))).toBe(false);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('a vendor script that does not load', () => {
  it('is named in the console; the others load and the page\'s calls to it do not throw', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    // An ad blocker: the request fails; a 404 behaves the same for a script element.
    await page.route('https://mc.yandex.ru/**', (route) => route.abort('blockedbyclient'));
    await page.route('https://connect.facebook.net/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const errors: string[] = [];
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    await page.goto(session.page(pageHtml({ revision: '1', counters: ALL })));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['google', 'tmr', 'ttq'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    await expect.poll(() => errors.filter((e) => e.startsWith('Kelisim:')).sort()).toEqual([
      'Kelisim: Meta Pixel (111111111111111) failed to load from https://connect.facebook.net/en_US/fbevents.js',
      'Kelisim: Yandex Metrica (12345678) failed to load from https://mc.yandex.ru/metrika/tag.js?id=12345678',
    ]);
    await page.evaluate(() => {
      const w = window as any;
      w.ym(12345678, 'reachGoal', 'after');
      w.fbq('track', 'After');
    });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe("the page's settings calls", () => {
  // Meta reads `fbq('set', 'autoConfig', false, id)` and `dataProcessingOptions` only before that
  // pixel's init; Google's Consent Mode guide puts `gtag('set', 'url_passthrough', true)` and
  // `ads_data_redaction` before any `config`. Made before consent, they must still come first.
  it('made before consent, they reach Meta before its init and Google before its config', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
      { category: 'advertising', preset: 'meta-pixel', id: '111111111111111' },
    ];
    const early = `<script>addEventListener('DOMContentLoaded', () => {
      fbq('set', 'autoConfig', false, '111111111111111');
      fbq('dataProcessingOptions', []);
      gtag('set', 'url_passthrough', true);
      gtag('set', 'ads_data_redaction', true);
      fbq('track', 'Lead');
      gtag('event', 'early_event');
    });</script>`;
    await page.goto(session.page(pageHtml({ revision: '1', counters }, early)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 200);
    expect(visitor.requests).toEqual([]);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['google', 'fbq'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    expect((await log(page, 'fbq')).map((c: any) => c[0])).toEqual(['set', 'dataProcessingOptions', 'init', 'trackSingle', 'track']);
    const google = (await log(page, 'google')).filter((c: any) => c[0] != 'consent' && c[0] != 'js' && !c[0].event);
    expect(google.map((c: any) => c[0] + ':' + c[1])).toEqual(['set:url_passthrough', 'set:ads_data_redaction', 'config:G-TEST', 'event:early_event']);
    await visitor.context.close();
  });

  it('after a refusal, nothing reaches either vendor', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
      { category: 'advertising', preset: 'meta-pixel', id: '111111111111111' },
    ];
    await page.goto(session.page(pageHtml({ revision: '1', counters })));
    await page.click('[data-kelisim-action="reject-all"]');
    await page.evaluate(() => {
      const w = window as any;
      w.fbq('set', 'autoConfig', false, '111111111111111');
      w.gtag('set', 'url_passthrough', true);
    });
    await page.reload();
    await page.evaluate(() => {
      const w = window as any;
      w.fbq('set', 'autoConfig', false, '111111111111111');
      w.gtag('set', 'url_passthrough', true);
    });
    await settle(page, 300);
    expect(visitor.requests).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe("a vendor's cookies on withdrawal, with another of its ids still allowed", () => {
  // One _fbp serves every Meta pixel of the site: deleted when one pixel's category is withdrawn,
  // the pixel still allowed would count the visitor as a new browser.
  it('withdrawing one Meta pixel\'s category keeps _fbp for the pixel still allowed, and deletes it once none is', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'analytics', preset: 'meta-pixel', id: '111111111111111' },
      { category: 'advertising', preset: 'meta-pixel', id: '222222222222222' },
    ];
    await page.goto(session.page(pageHtml({ revision: '1', reloadOnWithdraw: false, counters })));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => document.cookie.includes('_fbp'));
    await page.evaluate(() => (window as any).Kelisim.accept(['advertising']));
    await settle(page, 300);
    expect(await visitor.cookieNames()).toContain('_fbp');
    await page.evaluate(() => (window as any).Kelisim.rejectAll());
    await settle(page, 300);
    expect(await visitor.cookieNames()).not.toContain('_fbp');
    await visitor.context.close();
  });
});

describe("Google's cookies on withdrawal", () => {
  // Google's tag keeps `_ga`/`_ga_<id>` under analytics_storage and `_gcl_*` under ad_storage,
  // whichever id set them (Consent Mode reference). Withdrawing advertising must not reset GA4's
  // client id, which analytics still allows: GA4 would count the visitor as a new user.
  it('withdrawing advertising deletes the Ads cookies and keeps GA4\'s while analytics stays allowed', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const counters = [
      { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
      { category: 'advertising', preset: 'gtag', id: 'AW-123456789' },
    ];
    await page.goto(session.page(pageHtml({ revision: '1', reloadOnWithdraw: false, counters })));
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => document.cookie.includes('_ga_TEST'));
    // What Google Ads' conversion linker keeps while ad_storage is granted.
    await page.evaluate(() => { document.cookie = '_gcl_au=1.1.1.1; path=/; domain=.kelisim.test'; });
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics']));
    await settle(page, 300);
    expect((await visitor.cookieNames()).filter((n) => /^_g/.test(n))).toEqual(['_ga', '_ga_TEST']);

    // And the other way round: analytics withdrawn, advertising allowed.
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics', 'advertising']));
    await page.evaluate(() => { document.cookie = '_gcl_au=1.1.1.1; path=/; domain=.kelisim.test'; });
    await page.evaluate(() => (window as any).Kelisim.accept(['advertising']));
    await settle(page, 300);
    expect((await visitor.cookieNames()).filter((n) => /^_g/.test(n))).toEqual(['_gcl_au']);
    await visitor.context.close();
  });
});
