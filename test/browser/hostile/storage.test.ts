import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionKey } from '../../../src/core/consent';
import { validate } from '../../../src/core/validate';
import { encodeChoice } from '../../../src/store/codec';
import { CATEGORIES, COUNTERS, consoleMessages, pageHtml, settle, startSession, type Session } from '../harness';

/*
 * Hostile storage, clock and tabs, on the built gate in Chromium: cookies the library did not
 * write, a consent cookie from a clock that was fast, two tabs that answer at once, and consent-log
 * receivers that misbehave. The test host is plain http, so `navigator.locks` does not exist here.
 */
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const REVISION = '2019-02-20';
const config = (extra: object = {}) => ({ revision: REVISION, categories: CATEGORIES, counters: COUNTERS, reloadOnWithdraw: false, ...extra });
const allowed = (page: Page, category = 'analytics') => page.evaluate((c) => (window as any).Kelisim.isAllowed(c), category);
const consentCookies = async (session: Awaited<ReturnType<Session['context']>>) =>
  (await session.cookies()).filter((c) => c.name == 'kelisim');

/** Waits until the page's clock is early in a second, so two clicks land within that second. */
const startOfSecond = (page: Page) => page.waitForFunction(() => Date.now() % 1000 < 150, undefined, { polling: 10 });

interface Receiver {
  url: string;
  port: number;
  /** Bodies of the POSTs it answered, parsed. */
  records: any[];
  /** Every request line, in order. */
  seen: string[];
  close(): Promise<void>;
}

/** A consent-log receiver on 127.0.0.1 whose answer to each POST the test decides. */
async function receiver(answer: (request: IncomingMessage, response: ServerResponse, count: number) => void): Promise<Receiver> {
  const records: any[] = [];
  const seen: string[] = [];
  const open = new Set<ServerResponse>();
  let posts = 0;
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (request.method == 'OPTIONS') return response.writeHead(204).end();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method == 'POST') {
        try {
          records.push(JSON.parse(body));
        } catch {
          records.push(body);
        }
      }
      open.add(response);
      response.on('close', () => open.delete(response));
      answer(request, response, request.method == 'POST' ? ++posts : 0);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/log`,
    port,
    records,
    seen,
    close: () => new Promise((done) => {
      for (const response of open) response.destroy();
      server.close(() => done());
    }),
  };
}

const queue = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('kelisim-consent-log') || '[]'));

describe('two tabs', () => {
  for (const visit of ['first visit', 'returning visitor'] as const) {
    it(`${visit}: one tab accepts, the other refuses within the same second; both end refusing`, async () => {
      const visitor = await session.context();
      const url = session.page(pageHtml(config()));
      const a = await visitor.newPage();
      const b = await visitor.newPage();
      await a.goto(url);
      if (visit == 'returning visitor') {
        await a.click('[data-kelisim-action="reject-all"]');
        // The earlier choice is from another second than the two that follow.
        await settle(a, 1100);
      }
      await b.goto(url);
      if (visit == 'first visit') await b.locator('[data-kelisim-banner]').waitFor();
      await startOfSecond(a);
      await a.evaluate(() => (window as any).Kelisim.acceptAll());
      await b.waitForFunction(() => (window as any).Kelisim.isAllowed('analytics'));
      await b.evaluate(() => (window as any).Kelisim.rejectAll());

      const [stored] = await consentCookies(visitor);
      expect(stored.value.split('.')[8]).toBe('');
      expect(await allowed(b)).toBe(false);
      await expect.poll(() => allowed(a), { timeout: 10_000 }).toBe(false);
      // Analytics markup added to the page later stays inert in the tab that accepted first.
      await a.evaluate(() => {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.category = 'analytics';
        script.textContent = 'window.lateAnalytics = true';
        document.body.append(script);
      });
      await settle(a, 300);
      expect(await a.evaluate(() => (window as any).lateAnalytics)).toBeUndefined();
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  }
});

describe('cookies the library did not write', () => {
  const BROKEN = ['legacy=%E0%A4%A', 'kelisim_lang=%E0%A4%A', 'escaped=%u0441%u0430%u0439%u0442', 'half=%', 'quoted="%E0%A4%A"'];

  it('broken percent sequences in other cookies: the banner still asks, and the choice reads back', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.addInitScript((jar) => {
      for (const cookie of jar) document.cookie = `${cookie}; path=/`;
      document.cookie = 'legacy=%E0%A4%A; path=/; domain=.kelisim.test';
    }, BROKEN);
    await page.goto(session.page(pageHtml(config())));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__pixelRan);
    await page.reload();
    await settle(page, 500);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await allowed(page)).toBe(true);
    // The other cookies are left as they were.
    const names = (await visitor.cookies()).map((c) => `${c.name}=${c.value}`);
    for (const cookie of BROKEN) expect(names).toContain(cookie);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('a broken cookie set after the banner appeared does not stop the click (item 11)', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config())));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.evaluate(() => { document.cookie = 'late=%E0%A4%A; path=/'; });
    await page.click('[data-kelisim-action="accept-all"]');
    await expect.poll(() => page.locator('[data-kelisim-banner]').count(), { timeout: 10_000 }).toBe(0);
    expect(await allowed(page)).toBe(true);
    expect(await consentCookies(visitor)).toHaveLength(1);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('our own cookie with a broken percent sequence means no consent, and a new choice replaces it', async () => {
    const visitor = await session.context();
    await visitor.context.addCookies([{ name: 'kelisim', value: '1.%E0%A4%A', domain: 'www.kelisim.test', path: '/' }]);
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config())));
    await page.locator('[data-kelisim-banner]').waitFor();
    expect(await allowed(page)).toBe(false);
    await page.click('[data-kelisim-action="reject-all"]');
    await page.reload();
    await settle(page, 500);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent().denied)).toEqual(['analytics', 'advertising']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('the consent cookie itself', () => {
  it('45 vendor-style categories: the choice reads back on the next page and in another tab (item 12)', async () => {
    const categories: Record<string, object> = { necessary: { required: true } };
    for (let i = 0; i < 45; i++) categories[`vendor_${String(i).padStart(2, '0')}_remarketing_pixel`] = {};
    const visitor = await session.context();
    const url = session.page(pageHtml({ revision: REVISION, categories, reloadOnWithdraw: false }));
    const page = await visitor.newPage();
    await page.goto(url);
    await page.click('[data-kelisim-action="accept-all"]');
    const [stored] = await consentCookies(visitor);
    expect(stored.value.length).toBeGreaterThan(1300);
    const other = await visitor.newPage();
    await other.goto(url);
    await settle(other, 500);
    expect(await other.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await allowed(other, 'vendor_44_remarketing_pixel')).toBe(true);
    // Coming back to the first tab does not withdraw what was just given.
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(await allowed(page, 'vendor_44_remarketing_pixel')).toBe(true);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('a stored choice dated a year ahead (the clock was fast): a new choice still reads back (item 13)', async () => {
    const settings = validate({ revision: REVISION, categories: CATEGORIES }, () => {}, () => {});
    const ahead = Math.floor(Date.now() / 1000) + 365 * 86400;
    const value = encodeChoice({
      id: 'FutureFutureFutu', granted: ['analytics', 'advertising'], denied: [], revision: revisionKey(settings),
      language: 'ru', created: ahead, updated: ahead, expires: ahead + 365 * 86400, textHash: '0',
    });
    const visitor = await session.context();
    await visitor.context.addCookies([{ name: 'kelisim', value, domain: 'www.kelisim.test', path: '/' }]);
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config())));
    await settle(page, 300);
    expect(await allowed(page, 'advertising')).toBe(true);
    await page.evaluate(() => (window as any).Kelisim.accept(['analytics']));
    await page.reload();
    await settle(page, 500);
    expect(await page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await allowed(page, 'advertising')).toBe(false);
    expect(await allowed(page, 'analytics')).toBe(true);
    const consent = await page.evaluate(() => (window as any).Kelisim.getConsent());
    expect(Date.parse(consent.createdAt)).toBeLessThanOrEqual(Date.parse(consent.updatedAt));
    expect(Date.parse(consent.updatedAt)).toBeLessThan(Date.now() + 60_000);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('consent log', () => {
  it('a full localStorage: the record still reaches the receiver (item 14)', async () => {
    const log = await receiver((_, response) => response.writeHead(201).end());
    const visitor = await session.context({ allow: (url) => url.port == String(log.port) });
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml(config({ consentLog: { url: log.url } }))));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.evaluate(() => {
      for (let size = 1 << 20, i = 0; size >= 1; ) {
        try {
          localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
        } catch {
          size >>= 1;
        }
      }
    });
    await page.click('[data-kelisim-action="reject-all"]');
    await expect.poll(() => log.records.length, { timeout: 10_000 }).toBe(1);
    expect(log.records[0]).toMatchObject({ action: 'choice', granted: ['necessary'], denied: ['analytics', 'advertising'] });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await log.close();
  });

  it('a receiver behind a 302: the record is not counted as delivered (item 15)', async () => {
    const log = await receiver((request, response) => {
      if (request.method == 'POST') response.writeHead(302, { Location: '/landing' }).end();
      else response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>moved</p>');
    });
    const visitor = await session.context({ allow: (url) => url.port == String(log.port) });
    const page = await visitor.newPage();
    const messages = consoleMessages(page, 'error');
    await page.goto(session.page(pageHtml(config({ consentLog: { url: log.url } }))));
    await page.click('[data-kelisim-action="reject-all"]');
    await expect.poll(() => log.records.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(page, 500);
    expect(await queue(page)).toHaveLength(1);
    expect(log.seen).not.toContain('GET /landing');
    expect(messages.join('\n')).toMatch(/redirect/);
    await visitor.context.close();
    await log.close();
  });

  it('a receiver that never answers: the queue moves on and the console says so (item 16)', async () => {
    const log = await receiver((_, response, count) => {
      // The first POST hangs forever; the receiver answers from then on.
      if (count > 1) response.writeHead(201).end();
    });
    const visitor = await session.context({ allow: (url) => url.port == String(log.port) });
    const page = await visitor.newPage();
    const messages = consoleMessages(page, 'error');
    await page.goto(session.page(pageHtml(config({ consentLog: { url: log.url } }))));
    await page.click('[data-kelisim-action="reject-all"]');
    await expect.poll(() => queue(page), { timeout: 25_000 }).toEqual([]);
    expect(log.records).toHaveLength(2);
    expect(log.records[1]).toEqual(log.records[0]);
    expect(messages.join('\n')).toMatch(/not answering/);
    await visitor.context.close();
    await log.close();
  }, 40_000);

  it('plain http, two tabs: a queued record is posted exactly once (item 17)', async () => {
    // Slow enough that the second tab loads while the first one's POST is still open.
    const log = await receiver((_, response) => setTimeout(() => response.writeHead(201).end(), 1500));
    const visitor = await session.context({ allow: (url) => url.port == String(log.port) });
    const url = session.page(pageHtml(config({ consentLog: { url: log.url } })));
    const a = await visitor.newPage();
    await a.goto(url);
    expect(await a.evaluate(() => 'locks' in navigator)).toBe(false);
    await a.click('[data-kelisim-action="reject-all"]');
    await expect.poll(() => log.records.length, { timeout: 10_000 }).toBe(1);
    const b = await visitor.newPage();
    await b.goto(url);
    await expect.poll(() => queue(a), { timeout: 10_000 }).toEqual([]);
    await settle(b, 2500);
    expect(log.records).toHaveLength(1);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await log.close();
  });
});
