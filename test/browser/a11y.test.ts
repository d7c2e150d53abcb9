import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsDone, CATEGORIES, pageHtml, startSession, type Recorder, type Session } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGUAGES = ['ru', 'kk', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let session: Session;
let visitor: Recorder;
let page: Page;
beforeAll(async () => {
  session = await startSession();
  visitor = await session.context();
  page = await visitor.newPage();
});
afterAll(() => session.close());

/** One line per failing node, so a failure names the rule, the element and what to fix. */
const describeViolations = (where: string, violations: Violation[]) =>
  violations.map((v) => `${where}: [${v.id}, ${v.impact}] ${v.help}\n`
    + v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n')).join('\n');

/**
 * Axe only inside the Kelisim container: the host page is not ours to fix. The slide-in is awaited
 * first, or part of the banner would be measured while still below the fold.
 */
async function axe(where: string) {
  await animationsDone(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => (window as any).axe.run(
    { include: [['[data-kelisim=""]']] },
    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
  ), TAGS) as { violations: Violation[]; incomplete: Violation[] };
  const unmeasured = result.incomplete.filter((r) => r.id == 'color-contrast').flatMap((r) => r.nodes.map((n) => n.target.join(' ')));
  return { report: describeViolations(where, result.violations), unmeasured };
}

/**
 * Axe skips the contrast of text that a scrolled-away part of the dialog covers, so the dialog is
 * audited again scrolled to its end, and text measured in neither position is a failure too.
 */
async function audit(where: string): Promise<string> {
  const top = await axe(where);
  const scrolled = await page.evaluate(() => {
    const body = document.querySelector('[data-kelisim-preferences] .kelisim-body');
    if (!body || body.scrollHeight <= body.clientHeight) return false;
    body.scrollTop = body.scrollHeight;
    return true;
  });
  if (!scrolled) return top.report + (top.unmeasured.length ? `\n${where}: contrast not measured: ${top.unmeasured.join(', ')}` : '');
  const end = await axe(`${where} (scrolled)`);
  const unmeasured = top.unmeasured.filter((target) => end.unmeasured.includes(target));
  return [top.report, end.report, unmeasured.length ? `${where}: contrast not measured: ${unmeasured.join(', ')}` : ''].filter(Boolean).join('\n');
}

// The test page carries no CSP, so axe can be injected as an inline script.
const url = (language: string, extra: object = {}) => pageHtml({
  ...extra,
  language,
  revision: '2019-02-20',
  policyUrl: '/privacy',
  operator: { name: 'ИП Makeup Training Center «BENTON»', id: 'ИИН 790611401178' },
  categories: CATEGORIES,
});

describe('axe-core: no WCAG 2.x A/AA violations in the banner and the dialog', () => {
  for (const language of LANGUAGES) {
    it(`${language}: light and dark, phone and desktop`, async () => {
      const target = session.page(url(language));
      const report: string[] = [];
      for (const scheme of SCHEMES) {
        for (const viewport of VIEWPORTS) {
          const where = `${language}/${scheme}/${viewport.name}`;
          await visitor.context.clearCookies();
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(target);
          await page.locator('[data-kelisim-banner]').waitFor();
          expect(await page.getAttribute('[data-kelisim] .kelisim', 'lang')).toBe(language);
          report.push(await audit(`${where} banner`));

          await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
          await page.locator('[data-kelisim-preferences]').waitFor();
          report.push(await audit(`${where} dialog`));

          // Reopened after a choice, the dialog also lists the operator, the consent id and a copy button.
          await page.click('[data-kelisim-preferences] [data-kelisim-action="accept-all"]');
          await page.click('main [data-kelisim="preferences"]');
          await page.locator('[data-kelisim-preferences] .kelisim-id').waitFor();
          report.push(await audit(`${where} dialog with consent`));
        }
      }
      expect(report.filter(Boolean).join('\n')).toBe('');
      expect(visitor.errors).toEqual([]);
    });
  }
});

describe('axe-core: the other layouts and a forced theme', () => {
  const cases = [
    { layout: 'box', theme: 'auto', scheme: 'light', viewport: VIEWPORTS[1] },
    { layout: 'modal', theme: 'auto', scheme: 'dark', viewport: VIEWPORTS[0] },
    // The site forces dark on a visitor whose system is light: the dark palette must hold up too.
    { layout: 'modal', theme: 'dark', scheme: 'light', viewport: VIEWPORTS[1] },
  ] as const;
  it(cases.map((c) => `${c.layout}/${c.theme}`).join(', '), async () => {
    const report: string[] = [];
    for (const { layout, theme, scheme, viewport } of cases) {
      const where = `kk/${layout}/${theme}/${scheme}/${viewport.name}`;
      await visitor.context.clearCookies();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(session.page(url('kk', { layout, theme })));
      await page.locator('[data-kelisim-banner]').waitFor();
      report.push(await audit(`${where} banner`));
      await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
      await page.locator('[data-kelisim-preferences]').waitFor();
      report.push(await audit(`${where} dialog`));
    }
    expect(report.filter(Boolean).join('\n')).toBe('');
  });
});

describe('reflow (WCAG 1.4.10): zoomed to 400%, 1280x1024 becomes 320x256', () => {
  /** Every control the keyboard reaches, once focused (and so scrolled to), must really be visible: hit-testable at its centre. */
  const walk = () => page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>(
      '[data-kelisim=""] button:not([disabled]), [data-kelisim=""] a[href], [data-kelisim=""] input:not([disabled])'));
    const problems: string[] = [];
    for (const el of controls) {
      el.focus();
      // The first line box: a link wrapped over two lines has its bounding box's centre between them.
      const r = el.getClientRects()[0] || el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !el.contains(hit)) problems.push(`${el.outerHTML.slice(0, 80)} not visible (${Math.round(r.top)}..${Math.round(r.bottom)})`);
    }
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    return { controls: controls.length, problems };
  });

  it('banner and dialog: every control can be seen and nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 320, height: 256 });
    await page.emulateMedia({ colorScheme: 'light' });
    for (const language of ['kk', 'en']) {
      await visitor.context.clearCookies();
      await page.goto(session.page(url(language)));
      await page.locator('[data-kelisim-banner]').waitFor();
      await animationsDone(page);
      expect(await walk(), `${language} banner`).toEqual({ controls: 7, problems: [] });
      await page.click('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
      await page.click('main [data-kelisim="preferences"]');
      await page.locator('[data-kelisim-preferences]').waitFor();
      await animationsDone(page);
      // Languages, close, policy link, two switches, copy, three actions.
      expect(await walk(), `${language} dialog`).toEqual({ controls: 11, problems: [] });
    }
  });
});
