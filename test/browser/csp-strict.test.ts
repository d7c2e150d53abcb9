import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATEGORIES, COUNTERS, consoleMessages, settle, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const NONCE = 'c3RyaWN0LW5vbmNl';
// Google's recommended "strict CSP": nothing trusted by host, only by nonce and what nonced
// scripts add; no 'self' for styles either, so a style Kelisim adds without the nonce would fail.
const STRICT = `script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'nonce-${NONCE}'; object-src 'none'; base-uri 'none'`;

const config = (extra: object = {}) => ({ revision: '2019-02-20', categories: { ...CATEGORIES, functional: {} }, counters: COUNTERS, ...extra });

const strictPage = (cfg: object, { gate = `<script src="/dist/kelisim.js" defer nonce="${NONCE}"></script>`, body = '' } = {}) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Strict CSP</title>
<script nonce="${NONCE}">
  window.violations = [];
  addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));
  window.kelisimConfig = ${JSON.stringify(cfg)};
</script>
${gate}
</head><body><main><h1>Курсы</h1>
<button type="button" data-kelisim="preferences">Настройки cookie</button>
<iframe data-category="functional" data-src="/test/fixtures/order.js" title="Карта" width="560" height="315"></iframe>
<script type="text/plain" data-category="analytics" nonce="${NONCE}">window.gatedInline = true;</script>
<script type="text/plain" data-category="analytics" src="/test/fixtures/order.js"></script>
${body}
</main></body></html>`;

async function open(html: string, policy = STRICT) {
  const visitor = await session.context();
  const page = await visitor.newPage();
  const errors = consoleMessages(page, 'error');
  await page.goto(session.page(html, { 'Content-Security-Policy': policy }));
  return { visitor, page, errors };
}

const violations = (page: Page) => page.evaluate(() => (window as any).violations as string[]);

describe("a strict CSP: script-src 'nonce-…' 'strict-dynamic', style-src 'nonce-…'", () => {
  for (const [name, gate] of [
    ['kelisim.js', `<script src="/dist/kelisim.js" defer nonce="${NONCE}"></script>`],
    ['kelisim.full.js', `<script src="/dist/kelisim.full.js" defer nonce="${NONCE}"></script>`],
  ]) {
    it(`${name}: the banner, the dialog in Kazakh, a placeholder and gated scripts work with no violation`, async () => {
      const { visitor, page, errors } = await open(strictPage(config(), { gate }));
      const banner = page.locator('[data-kelisim-banner]');
      await banner.waitFor();
      expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      const placeholder = page.locator('[data-kelisim-placeholder]');
      await placeholder.waitFor();
      await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
      const dialog = page.locator('[data-kelisim-preferences]');
      await dialog.waitFor();
      // The dialog's stylesheet (kelisim-prefs.js) applied too.
      expect(await dialog.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      await page.click('[data-kelisim-preferences] button[lang="kk"]');
      await expect.poll(() => page.locator('[data-kelisim-action="save"]').textContent()).toBe('Таңдауды сақтау');
      await page.check('input[data-kelisim-category="analytics"]');
      await page.click('[data-kelisim-action="save"]');
      await page.waitForFunction(() => (window as any).gatedInline && ((window as any).order || []).includes('external'));
      await settle(page);
      expect(await page.evaluate(() => (window as any).Kelisim.isAllowed('analytics'))).toBe(true);
      const scripts = await page.evaluate(() => Array.from(document.scripts).filter((s) => s.src && !/\/dist\/kelisim/.test(s.src)).map((s) => [s.src.split('?')[0], s.nonce]));
      expect(scripts.length).toBeGreaterThan(0);
      await placeholder.locator('button').click();
      await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  }

  it('a gate added by a nonced loader script (no nonce of its own) still styles its banner and dialog', async () => {
    const loader = `<script nonce="${NONCE}">
      const s = document.createElement('script');
      s.src = '/dist/kelisim.js';
      document.head.appendChild(s);
    </script>`;
    const { visitor, page, errors } = await open(strictPage(config(), { gate: loader }));
    const banner = page.locator('[data-kelisim-banner]');
    await banner.waitFor();
    expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await page.evaluate(() => (window as any).Kelisim.showPreferences());
    const dialog = page.locator('[data-kelisim-preferences]');
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await visitor.context.close();
  });
});

describe("Trusted Types: require-trusted-types-for 'script'", () => {
  const TRUSTED = `${STRICT}; require-trusted-types-for 'script'`;
  for (const gate of ['kelisim.js', 'kelisim.full.js']) {
    it(`${gate}: the banner shows, and counters and gated scripts run once allowed, with no violation`, async () => {
      const { visitor, page, errors } = await open(strictPage(config(), { gate: `<script src="/dist/${gate}" defer nonce="${NONCE}"></script>` }), TRUSTED);
      await page.locator('[data-kelisim-banner]').waitFor();
      await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
      await page.locator('[data-kelisim-preferences]').waitFor();
      await page.click('[data-kelisim-preferences] button[lang="kk"]');
      await expect.poll(() => page.locator('[data-kelisim-action="save"]').textContent()).toBe('Таңдауды сақтау');
      await page.evaluate(() => (window as any).Kelisim.acceptAll());
      await page.waitForFunction(() => (window as any).gatedInline && ((window as any).order || []).includes('external') && (window as any).__pixelRan);
      await settle(page);
      expect(visitor.requests.some((r) => r.includes('mc.yandex.ru'))).toBe(true);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  }

  it("another script cannot run its own text or a javascript: URL through Kelisim's policy", async () => {
    const { visitor, page } = await open(strictPage(config()), TRUSTED);
    await page.locator('[data-kelisim-banner]').waitFor();
    const passed = await page.evaluate(() => {
      const policy = (window as any)[Symbol.for('kelisim.trusted')];
      const script = document.createElement('script');
      const tried: string[] = [];
      for (const [kind, value] of [['createScript', 'window.injected = 1'], ['createScriptURL', 'javascript:window.injected = 2']]) {
        try {
          const made = String(policy[kind](value));
          if (made) tried.push(kind + ' ' + made);
        } catch {
          // Refused: what the test wants.
        }
      }
      return tried;
    });
    expect(passed).toEqual([]);
    // Kelisim's own uses still go through it: the gated inline script runs once allowed.
    await page.evaluate(() => (window as any).Kelisim.acceptAll());
    await page.waitForFunction(() => (window as any).gatedInline);
    expect(await page.evaluate(() => (window as any).injected)).toBeUndefined();
    await visitor.context.close();
  });

  it('a trusted-types directive that leaves out kelisim: the console names the policy and the directive', async () => {
    const { visitor, errors } = await open(strictPage(config()), `${STRICT}; require-trusted-types-for 'script'; trusted-types app`);
    await expect.poll(() => errors.filter((m) => m.includes("TrustedTypePolicy named 'kelisim'") && m.includes('"trusted-types app"'))).toHaveLength(1);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
