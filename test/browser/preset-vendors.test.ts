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
});
