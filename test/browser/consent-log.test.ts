import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM example without declarations
import { startReceiver, problemWith } from '../../examples/consent-log-server/server.mjs';
import { pageHtml, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

const lines = (file: string) => existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];

describe('consent log', () => {
  it('keeps a record queued while the receiver is down and delivers it exactly once when it is back', async () => {
    const port = await freePort();
    const file = join(mkdtempSync(join(tmpdir(), 'kelisim-log-')), 'consent.jsonl');
    const visitor = await session.context({ allow: (url) => url.port == String(port) });
    const page = await visitor.newPage();
    const url = session.page(pageHtml({ revision: '2019-02-20', consentLog: { url: `http://127.0.0.1:${port}/` } }));
    await page.goto(`${url}?utm=secret`);
    await page.click('[data-kelisim-action="preferences"]');
    await page.check('input[data-kelisim-category="analytics"]');
    await page.click('[data-kelisim-action="save"]');
    await settle(page, 500);
    // Nobody listens on the port yet: the record waits in the visitor's browser.
    const queued = JSON.parse((await page.evaluate(() => localStorage.getItem('kelisim-consent-log')))!);
    expect(queued).toHaveLength(1);

    const receiver = await startReceiver({ port, file });
    try {
      await page.reload();
      await expect.poll(() => lines(file).length, { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('kelisim-consent-log'))).toBe('[]');
      const [record] = lines(file);
      const consent = await page.evaluate(() => (window as any).Kelisim.getConsent());
      expect(record).toMatchObject({
        id: consent.id, action: 'choice', granted: ['necessary', 'analytics'], denied: ['advertising'],
        revision: '2019-02-20', language: 'ru', textHash: consent.textHash,
      });
      expect(record.path).toMatch(/^\/__page\/\d+\.html$/);
      expect(record.textHash).not.toBe('0');

      // A withdrawal is proved the same way; nothing sent twice. (No analytics script ran on this
      // page, so there is no reload.)
      await page.click('[data-kelisim="preferences"]');
      await page.uncheck('input[data-kelisim-category="analytics"]');
      await page.click('[data-kelisim-action="save"]');
      await expect.poll(() => lines(file).length, { timeout: 10_000 }).toBe(2);
      await settle(page, 500);
      expect(lines(file).map((r) => [r.action, r.granted])).toEqual([['choice', ['necessary', 'analytics']], ['withdrawal', ['necessary']]]);
    } finally {
      receiver.close();
    }
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('the sender comes only with a record to send: a choice, or one an earlier page view left', async () => {
    const port = await freePort();
    const file = join(mkdtempSync(join(tmpdir(), 'kelisim-log-')), 'consent.jsonl');
    const visitor = await session.context({ allow: (url) => url.port == String(port) });
    const page = await visitor.newPage();
    const url = session.page(pageHtml({ revision: '2019-02-20', consentLog: { url: `http://127.0.0.1:${port}/` } }));
    const sender = () => visitor.local.filter((p) => p.includes('kelisim-log.js'));
    await page.goto(url);
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page, 300);
    expect(sender()).toEqual([]);
    const receiver = await startReceiver({ port, file });
    try {
      await page.click('[data-kelisim-action="accept-all"]');
      await expect.poll(() => lines(file).length, { timeout: 10_000 }).toBe(1);
      expect(sender()).toEqual(['/dist/kelisim-log.js']);
      // A returning visit with nothing queued fetches no sender.
      const next = await visitor.newPage();
      await next.goto(url);
      await next.waitForLoadState('load');
      await settle(next, 300);
      expect(sender()).toHaveLength(1);
    } finally {
      receiver.close();
    }
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('a record made while the sender is still on its way survives the tab closing', async () => {
    const port = await freePort();
    const file = join(mkdtempSync(join(tmpdir(), 'kelisim-log-')), 'consent.jsonl');
    const visitor = await session.context({ allow: (url) => url.port == String(port) });
    const url = session.page(pageHtml({ revision: '2019-02-20', consentLog: { url: `http://127.0.0.1:${port}/` } }));
    const first = await visitor.newPage();
    await first.route('**/kelisim-log.js', () => { /* never answered: the tab closes first */ });
    await first.goto(url);
    await first.click('[data-kelisim-action="accept-all"]');
    await settle(first, 200);
    await first.close();
    const receiver = await startReceiver({ port, file });
    try {
      const next = await visitor.newPage();
      await next.goto(url);
      await expect.poll(() => lines(file).length, { timeout: 10_000 }).toBe(1);
      expect(lines(file)[0]).toMatchObject({ action: 'choice', granted: ['necessary', 'analytics', 'advertising'] });
    } finally {
      receiver.close();
    }
    await visitor.context.close();
  });

  it('the receiver refuses malformed records', () => {
    const good = { id: 'AbCdEfGhIjKlMnOp', timestamp: new Date().toISOString(), action: 'choice', granted: ['necessary'], denied: [], revision: '1', language: 'kk', textHash: 'abc', path: '/' };
    expect(problemWith(good)).toBe('');
    expect(problemWith({ ...good, id: 'x' })).toBe('bad id');
    expect(problemWith({ ...good, path: '/a?token=1' })).toBe('bad path');
    expect(problemWith({ ...good, denied: ['necessary'] })).toBe('a category both granted and denied');
    expect(problemWith([good])).toBe('not an object');
  });
});
