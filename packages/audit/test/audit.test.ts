import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/core/validate';
import { findChromium } from '../src/browser';
import { renderHtml } from '../src/report/html';
import type { AuditResult, Finding } from '../src/types';
// @ts-expect-error: plain ESM test helper without declarations
import { SITE } from './fixtures/server.mjs';
import { fixtureSite } from './fixture-site';
import { runCli } from './run-cli';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/site/${name}`, import.meta.url), 'utf8');
/** The 1-based line of a fixture page, to check that a cause points at the right snippet. */
const lineOf = (page: string, line: number) => fixture(page).split('\n')[line - 1] || '';
const causeLine = (cause: string, page: string) => Number(new RegExp(`/${page.replace('.', '\\.')}:(\\d+)`).exec(cause)?.[1]);

/** axe-core's violations for an HTML document opened from disk, collapsed details opened. */
async function axeViolations(files: string[]): Promise<Record<string, string[]>> {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const found: Record<string, string[]> = {};
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto('file://' + file);
      await page.addScriptTag({ content: axe });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      found[file] = await page.evaluate(async () => (await (window as any).axe.run(document)).violations
        .map((v: any) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].html.slice(0, 80)}`));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}

const site = fixtureSite('kelisim-audit-test-');
const { net, out } = site;
const readJson = (file: string) => JSON.parse(readFileSync(out(file), 'utf8'));
const find = (list: Finding[], phase: string, kind: string, subject: string) =>
  list.find((f) => f.phase == phase && f.kind == kind && (f.host == subject || f.name == subject || f.key == subject));

describe('a leaky page (ungated Metrica, a YouTube iframe, a pixel from onclick)', () => {
  let result: AuditResult;

  it('exits 1 and names each leak with its vendor, purpose and cause, before a choice and after refusal', async () => {
    const run = await runCli([`https://${SITE}/leaky.html`, ...net(), '--json', out('leaky.json'), '--html', out('leaky.html'), '--propose', out('proposed.json')]);
    expect(run.stderr).toMatch(/before/);
    expect(run.code).toBe(1);
    result = readJson('leaky.json');
    expect(result.kelisim).toBe(true);
    expect(result.phases.map((p) => p.name)).toEqual(['before', 'reject', 'accept']);

    for (const phase of ['before', 'reject']) {
      const metrica = find(result.leaks, phase, 'request', 'mc.yandex.ru')!;
      expect(metrica).toMatchObject({ vendor: 'Yandex Metrica', purpose: 'analytics', fix: { preset: 'yandex-metrika', category: 'analytics', how: 'counter' } });
      expect(metrica.cause).toMatch(/^inline script at \/leaky\.html:\d+$/);
      expect(lineOf('leaky.html', causeLine(metrica.cause, 'leaky.html'))).toMatch(/insertBefore|ym\(/);

      const youtube = find(result.leaks, phase, 'request', 'www.youtube.com')!;
      expect(youtube).toMatchObject({ vendor: 'YouTube', purpose: 'functional', fix: { how: 'iframe', category: 'functional' } });
      expect(youtube.cause).toMatch(/^<iframe src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"> at \/leaky\.html:\d+$/);
      expect(lineOf('leaky.html', causeLine(youtube.cause, 'leaky.html'))).toContain('<iframe');

      const pixel = find(result.leaks, phase, 'request', 'www.facebook.com')!;
      expect(pixel).toMatchObject({ vendor: 'Meta Pixel', purpose: 'advertising', fix: { preset: 'meta-pixel' } });
      expect(pixel.cause).toMatch(/^inline onclick handler at \/leaky\.html:\d+$/);
      expect(lineOf('leaky.html', causeLine(pixel.cause, 'leaky.html'))).toContain('onclick=');

      expect(find(result.leaks, phase, 'cookie', '_ym_uid')!.cause).toMatch(/^document\.cookie from https:\/\/mc\.yandex\.ru\/metrika\/tag\.js, loaded by inline script/);
      expect(find(result.leaks, phase, 'cookie', 'YSC')).toMatchObject({ vendor: 'YouTube', purpose: 'functional' });
      expect(find(result.leaks, phase, 'cookie', 'yandexuid')).toMatchObject({ vendor: 'Yandex Metrica' });
      expect(find(result.leaks, phase, 'storage', '_ym_uid')).toMatchObject({ vendor: 'Yandex Metrica', purpose: 'analytics' });
    }
    // Accepting allows all of it: nothing there is a leak.
    expect(result.leaks.filter((l) => l.phase == 'accept')).toEqual([]);
    expect(result.leaks.every((l) => l.purpose != 'necessary' && l.purpose != 'unknown')).toBe(true);
    // Cookie values stay out of the JSON unless asked for.
    expect(result.phases[0].cookies.length).toBeGreaterThan(0);
    expect(result.phases[0].cookies.every((c) => !('value' in c))).toBe(true);
    expect(run.stdout).toContain('mc.yandex.ru');
  });

  it('proposes a config the library validates without a word, with the ids read from the vendors\' requests', () => {
    const { config } = { config: readJson('proposed.json') };
    const messages: string[] = [];
    validate(config, (m) => messages.push(m), (m) => messages.push(m));
    expect(messages).toEqual([]);
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics', 'advertising', 'functional']);
    expect(config.categories.necessary).toEqual({ required: true });
    expect(config.counters).toEqual([
      { category: 'analytics', preset: 'yandex-metrika', id: '12345678' },
      { category: 'advertising', preset: 'meta-pixel', id: '123456789012345' },
    ]);
  });

  it('applying the proposal and the report\'s fixes makes the next audit clean (exit 0)', async () => {
    const config = readFileSync(out('proposed.json'), 'utf8');
    const iframe = find(result.leaks, 'before', 'request', 'www.youtube.com')!.fix!.category;
    const html = fixture('fixed.html').replace('/*CONFIG*/', config).replace('/*IFRAME_CATEGORY*/', iframe);
    const url = site.server.page('fixed-applied.html', html);
    const run = await runCli([url, ...net(), '--json', out('fixed.json')]);
    const fixed: AuditResult = readJson('fixed.json');
    expect(fixed.leaks).toEqual([]);
    expect(run.code).toBe(0);
    // Not blind: once accepted, the same vendors do load.
    const accepted = fixed.phases.find((p) => p.name == 'accept')!;
    expect(accepted.requests.some((r) => r.host == 'mc.yandex.ru')).toBe(true);
    expect(accepted.requests.some((r) => r.host == 'www.youtube.com')).toBe(true);
  });

  it('does not overwrite an existing config without --force (exit 3)', async () => {
    const file = out('proposed.json');
    const before = readFileSync(file, 'utf8');
    const run = await runCli([`https://${SITE}/leaky.html`, ...net(), '--propose', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('writes an HTML report in Russian with a screenshot per phase and no axe violations; Kazakh and English too', async () => {
    const ru = readFileSync(out('leaky.html'), 'utf8');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Найдено нарушений');
    expect(ru.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(3);
    const kk = renderHtml([result], 'kk');
    expect(kk).toContain('Табылған бұзушылықтар');
    const en = renderHtml([result], 'en');
    expect(en).toContain('How to fix');
    writeFileSync(out('leaky.kk.html'), kk);

    const files = [out('leaky.html'), out('leaky.kk.html')];
    expect(await axeViolations(files)).toEqual(Object.fromEntries(files.map((f) => [f, []])));
  });
});

describe('a page gated correctly with Kelisim', () => {
  it('gives zero findings through all four phases (exit 0, even with --fail-on unknown), and withdrawal removes the cookies', async () => {
    const run = await runCli([`https://${SITE}/clean.html`, ...net(), '--withdraw', '--fail-on', 'unknown', '--json', out('clean.json')]);
    const result: AuditResult = readJson('clean.json');
    expect(result.leaks).toEqual([]);
    expect(result.unknowns).toEqual([]);
    expect(run.code).toBe(0);
    expect(result.phases.map((p) => p.name)).toEqual(['before', 'reject', 'accept', 'withdraw']);
    const phase = (name: string) => result.phases.find((p) => p.name == name)!;
    expect(phase('before').requests.filter((r) => !r.firstParty)).toEqual([]);
    expect(phase('reject').requests.filter((r) => !r.firstParty)).toEqual([]);
    // The same audit sees the counters once they are allowed…
    expect(phase('accept').cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['_ym_uid', '_fbp', 'YSC', 'jv_visitor_id']));
    // The page's own consent cookie name is Kelisim's, not an unknown.
    expect(phase('reject').cookies.find((c) => c.name == 'bnt_consent')).toMatchObject({ vendor: 'Kelisim', purpose: 'necessary' });
    // …and their first-party cookies gone after withdrawal.
    const left = phase('withdraw').cookies.map((c) => c.name);
    expect(left).not.toContain('_ym_uid');
    expect(left).not.toContain('_fbp');
    expect(left).not.toContain('jv_visitor_id');
    // Metrica keeps the same id in localStorage; the library deletes it with the cookies.
    expect(phase('withdraw').storage.map((s) => s.key)).not.toContain('_ym_uid');
    expect(phase('withdraw').notes.filter((n) => n.code == 'storage-stays')).toEqual([]);
    expect(phase('withdraw').notes.some((n) => n.code == 'third-party-stays' && /YSC/.test(n.subject))).toBe(true);
  });
});

describe('a page without a banner and a page with a broken reject button, audited together', () => {
  it('writes a JSON array, reports phase 1 only without Kelisim, and a banner finding for the broken button', async () => {
    const run = await runCli([`https://${SITE}/no-banner.html`, `https://${SITE}/broken-reject.html`, ...net(), '--json', out('two.json'), '--propose', out('two-proposed.json')]);
    expect(run.code).toBe(1);
    const [none, broken]: AuditResult[] = readJson('two.json');

    expect(none.kelisim).toBe(false);
    expect(none.phases.map((p) => p.name)).toEqual(['before']);
    expect(none.reason).toMatch(/Kelisim is not on this page/);
    const gtag = find(none.leaks, 'before', 'request', 'www.googletagmanager.com')!;
    expect(gtag).toMatchObject({ vendor: 'Google Analytics / Google Ads', purpose: 'analytics', fix: { preset: 'gtag' } });
    expect(gtag.cause).toMatch(/^<script src="https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-ABC123XYZ9"> at \/no-banner\.html:\d+$/);
    expect(find(none.leaks, 'before', 'request', 'region1.google-analytics.com')!.cause).toMatch(/gtag\/js\?id=G-ABC123XYZ9, loaded by <script/);
    expect(find(none.leaks, 'before', 'cookie', '_ga')).toMatchObject({ vendor: 'Google Analytics / Google Ads', purpose: 'analytics' });

    expect(broken.kelisim).toBe(true);
    const banner = broken.leaks.filter((l) => l.kind == 'banner');
    expect(banner.map((b) => [b.phase, b.code])).toEqual([['reject', 'not-closed'], ['reject', 'no-choice']]);
    // Metrica there is gated: the broken button is the only problem.
    expect(broken.leaks.filter((l) => l.kind != 'banner')).toEqual([]);

    // One report for both pages: still no axe violations (landmarks are named per page).
    const report = out('two.html');
    writeFileSync(report, renderHtml([none, broken], 'ru'));
    expect(await axeViolations([report])).toEqual({ [report]: [] });

    // Without Kelisim the draft comes from the first phase.
    const proposed = readJson('two-proposed.json');
    expect(proposed.counters).toEqual(expect.arrayContaining([{ category: 'analytics', preset: 'gtag', id: 'G-ABC123XYZ9' }]));
  });
});

describe('exit codes', () => {
  it('lists an unplaced counter as unknown: exit 0 by default, 1 with --fail-on unknown', async () => {
    const url = `https://${SITE}/unknown.html`;
    const plain = await runCli([url, ...net(), '--json', out('unknown.json')]);
    const result: AuditResult = readJson('unknown.json');
    expect(result.leaks).toEqual([]);
    expect(result.unknowns.map((u) => [u.kind, u.host || u.name, u.purpose])).toEqual([
      ['request', 'stats.example-counter.io', 'unknown'],
      ['cookie', 'sid', 'unknown'],
    ]);
    expect(plain.code).toBe(0);
    expect((await runCli([url, ...net(), '--fail-on', 'unknown'])).code).toBe(1);
  });

  it('exits 2 with instructions when no browser can be found', async () => {
    const run = await runCli([`https://${SITE}/clean.html`], { CHROME_PATH: '/nonexistent/chrome' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CHROME_PATH is set to /nonexistent/chrome');
    expect(run.stderr).toContain('apt-get install chromium');
  });

  it('exits 2 when the page cannot be loaded', async () => {
    const run = await runCli(['https://nowhere.invalid/', '--settle', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not audit https:\/\/nowhere\.invalid\//);
  });

  it('refuses a report path it cannot write before auditing anything (exit 3)', async () => {
    const missing = out('no-such-folder', 'audit.json');
    for (const [flag, file, why] of [['--json', missing, 'its folder does not exist'], ['--html', site.dir, 'it is a folder'], ['--propose', missing, 'its folder does not exist']]) {
      const run = await runCli([`https://${SITE}/leaky.html`, ...net(), flag, file]);
      expect(run.code, flag).toBe(3);
      expect(run.stderr).toContain(`kelisim-audit: cannot write ${flag} to ${file}: ${why}.`);
      expect(run.stderr).not.toContain('Auditing');
    }
  });

  it('exits 3 on usage errors', async () => {
    for (const args of [[], ['ftp://example.kz/'], [`https://${SITE}/`, '--lang', 'de'], [`https://${SITE}/`, '--fail-on', 'all'], [`https://${SITE}/`, '--nope']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr).toContain('Usage: kelisim-audit');
    }
  });
});
