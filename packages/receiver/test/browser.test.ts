import { execFileSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageHtml, settle, startSession, type Session } from '../../../test/browser/harness';
import { CLI, exited, freshPlace, startBin, type Place } from './helpers';

const TOKEN = 'browser-test-token';
let session: Session;
let receiver: ChildProcess | undefined;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  receiver?.kill('SIGKILL');
  await session.close();
});

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

/**
 * The library as visitors get it (dist/kelisim.js on a served page) posting to the receiver as an
 * operator runs it (the built bin), with the receiver going away and coming back in between.
 */
describe('the built library posting to a real receiver', () => {
  test('a choice, a withdrawal and a reset each arrive exactly once, in order, across restarts', async () => {
    const place: Place = await freshPlace('sqlite');
    const port = await freePort();
    const origin = session.base;
    const start = async () => {
      receiver = (await startBin(['--port', String(port), '--origin', origin], { ...place.env, KELISIM_TOKEN: TOKEN })).child;
    };
    const stop = async () => {
      receiver!.kill('SIGKILL');
      await exited(receiver!);
    };
    const records = async (id: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/v1/consent/${id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      return (await response.json()).records as { action: string; granted: string[]; site: string; textsUnknown: boolean }[];
    };
    const actions = async (id: string) => (await records(id)).map((r) => r.action);

    // The operator registers the page's config: the hash computed in the browser must match.
    const config = { consentLog: { url: `http://127.0.0.1:${port}/v1/consent` } };
    writeFileSync(join(place.data, 'site.json'), JSON.stringify(config));
    execFileSync(process.execPath, [CLI, 'texts', 'add', join(place.data, 'site.json')], { env: { ...process.env, ...place.env } });
    await start();
    const visitor = await session.context({ allow: (url) => url.port == String(port) });
    const page = await visitor.newPage();
    const url = session.page(pageHtml(config));
    await page.goto(url);
    await page.click('[data-kelisim-action="preferences"]');
    await page.check('input[data-kelisim-category="analytics"]');
    await page.click('[data-kelisim-action="save"]');
    const id: string = await page.evaluate(() => (window as any).Kelisim.getConsent().id);
    await expect.poll(() => actions(id), { timeout: 10_000 }).toEqual(['choice']);

    // The receiver is gone while the visitor withdraws: the record waits in the browser.
    await stop();
    await page.click('[data-kelisim="preferences"]');
    await page.uncheck('input[data-kelisim-category="analytics"]');
    await page.click('[data-kelisim-action="save"]');
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('kelisim-consent-log') || '[]').length)).toBe(1);
    await start();
    await page.reload();
    await expect.poll(() => actions(id), { timeout: 10_000 }).toEqual(['choice', 'withdrawal']);

    // And once more for a reset, restarted in between.
    await stop();
    await page.evaluate(() => (window as any).Kelisim.reset());
    await settle(page, 300);
    await start();
    await page.reload();
    await expect.poll(() => actions(id), { timeout: 10_000 }).toEqual(['choice', 'withdrawal', 'reset']);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('kelisim-consent-log'))).toBe('[]');
    // A little longer, in case anything were sent twice.
    await settle(page, 1000);
    const all = await records(id);
    expect(all.map((r) => [r.action, r.granted, r.site, r.textsUnknown])).toEqual([
      ['choice', ['necessary', 'analytics'], origin, false],
      ['withdrawal', ['necessary'], origin, false],
      ['reset', ['necessary'], origin, false],
    ]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
