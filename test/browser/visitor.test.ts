import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { animationsDone, consoleMessages, pageHtml, settle, startSession, type Session } from './harness';

// The visitor's half in real Chromium: what jsdom cannot show (layout, real snippets, the network).
let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const PHONE = { width: 360, height: 740 };
const OPERATOR = { name: 'ИП Makeup Training Center «BENTON»', id: 'ИИН 790611401178' };
const FOUR = { necessary: { required: true }, analytics: {}, advertising: {}, functional: {} };
const MAP = '<p id="before">Как нас найти</p><iframe data-category="functional" data-src="/test/fixtures/order.js" title="Карта" width="560" height="315"></iframe><p id="after">Адрес: Алматы</p>';

const consent = (page: Page) => page.evaluate(() => (window as any).Kelisim.getConsent());

describe('16.1 a placeholder grants its one category', () => {
  it('the map shows, nothing is refused, and the banner keeps asking on the next page too', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml({ revision: '1', categories: FOUR }, MAP));
    await page.goto(url);
    await page.locator('[data-kelisim-placeholder] button').click();
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
    expect(await consent(page)).toMatchObject({ categories: ['necessary', 'functional'], denied: [] });
    expect((await consent(page)).textHash).not.toBe('0');
    expect(await page.locator('[data-kelisim-banner]').isVisible()).toBe(true);
    await page.reload();
    await page.locator('[data-kelisim-banner]').waitFor();
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
    await page.click('[data-kelisim-action="reject-all"]');
    expect(await consent(page)).toMatchObject({ categories: ['necessary'], denied: ['analytics', 'advertising', 'functional'] });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

/** The README's first ```html block, as a page, with the gate where this repository builds it. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Script tag'));
  const block = section.slice(section.indexOf('```html') + 7, section.indexOf('```', section.indexOf('```html') + 7));
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>README</title></head><body>
${block.replace('/assets/kelisim/kelisim.js', '/dist/kelisim.js')}
</body></html>`;
}

describe('16.3 the README example', () => {
  it('loads each vendor exactly once after accept-all', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const warnings = consoleMessages(page, 'warning');
    await page.goto(session.page(readmeExample()));
    await page.locator('[data-kelisim-banner]').waitFor();
    await settle(page);
    expect(visitor.requests).toEqual([]);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => (window as any).__vendorLog?.some((e: any) => e.vendor == 'ym'));
    await settle(page, 500);
    const byHost = new Map<string, string[]>();
    for (const url of visitor.requests) {
      const host = new URL(url).hostname;
      byHost.set(host, (byHost.get(host) || []).concat(url));
    }
    for (const [host, urls] of byHost) expect(urls, host).toHaveLength(1);
    expect([...byHost.keys()]).toEqual(expect.arrayContaining(['mc.yandex.ru', 'www.googletagmanager.com', 'top-fwz1.mail.ru']));
    expect(warnings.filter((w) => w.includes('twice'))).toEqual([]);
    await visitor.context.close();
  });

  it('a gated copy of a preset vendor gets one console warning', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const warnings = consoleMessages(page, 'warning');
    await page.goto(session.page(pageHtml(
      { revision: '1', counters: [{ category: 'analytics', preset: 'yandex-metrika', id: 12345678 }] },
      '<script type="text/plain" data-category="analytics" src="https://mc.yandex.ru/metrika/tag.js"></script>'
      + '<script type="text/plain" data-category="analytics">/* ym snippet */ var s = "https://mc.yandex.ru/metrika/tag.js";</script>',
    )));
    await page.locator('[data-kelisim-banner]').waitFor();
    // Told by the settings chunk, which comes once the page is idle: later on a busy machine.
    await expect.poll(() => warnings.filter((w) => w.includes('twice')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(page);
    const twice = warnings.filter((w) => w.includes('twice'));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toContain('mc.yandex.ru');
    expect(twice[0]).toContain('yandex-metrika');
    await visitor.context.close();
  });
});

/** The first layer's box, on a phone. */
async function phoneBanner(language: string, config: object = {}) {
  const visitor = await session.context();
  const page = await visitor.context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(session.page(pageHtml({ revision: '1', language, policyUrl: '/privacy', operator: OPERATOR, ...config })));
  const banner = page.locator('[data-kelisim-banner]');
  await banner.waitFor();
  await animationsDone(page);
  return { visitor, page, banner };
}

describe('16.6 and 16.13 the first layer on a 360×740 phone', () => {
  for (const language of ['ru', 'kk', 'en']) {
    it(`${language}: at most 40% of the screen, accept and reject side by side, the operator named`, async () => {
      const { visitor, page, banner } = await phoneBanner(language);
      const box = (await banner.boundingBox())!;
      expect(box.height / PHONE.height).toBeLessThanOrEqual(0.4);
      const accept = (await page.locator('[data-kelisim-banner] [data-kelisim-action="accept-all"]').boundingBox())!;
      const reject = (await page.locator('[data-kelisim-banner] [data-kelisim-action="reject-all"]').boundingBox())!;
      expect(Math.abs(accept.y - reject.y)).toBeLessThan(1);
      expect(Math.abs(accept.width - reject.width)).toBeLessThan(1);
      expect(Math.abs(accept.height - reject.height)).toBeLessThan(1);
      const settings = (await page.locator('[data-kelisim-banner] [data-kelisim-action="preferences"]').boundingBox())!;
      expect(settings.width * settings.height).toBeLessThan(accept.width * accept.height);
      const operator = page.locator('[data-kelisim-banner] .kelisim-operator');
      expect(await operator.isVisible()).toBe(true);
      expect(await operator.textContent()).toContain(language == 'kk' ? 'ЖСН 790611401178' : language == 'en' ? 'IIN 790611401178' : 'ИИН 790611401178');
      const line = (await operator.boundingBox())!;
      expect(line.y + line.height).toBeLessThanOrEqual(PHONE.height);
      await visitor.context.close();
    });
  }
});

describe('16.9 placeholders', () => {
  it('take the frame’s size, so nothing below moves when it loads', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml({ revision: '1', categories: FOUR }, MAP)));
    const placeholder = page.locator('[data-kelisim-placeholder]');
    await placeholder.waitFor();
    const box = (await placeholder.boundingBox())!;
    // width × height plus the frame's default 2px border.
    expect([box.width, box.height]).toEqual([564, 319]);
    const before = (await page.locator('#after').boundingBox())!.y;
    await placeholder.locator('button').click();
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
    expect((await page.locator('#after').boundingBox())!.y).toBe(before);
    await visitor.context.close();
  });

  it('on a narrow phone the box grows to show its whole sentence and its button, rather than hide them in a scroll box', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    for (const [width, language] of [[320, 'kk'], [280, 'ru'], [280, 'en']] as const) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(session.page(pageHtml({ revision: '1', language, categories: FOUR }, MAP)));
      const placeholder = page.locator('[data-kelisim-placeholder]');
      await placeholder.waitFor();
      const fit = await placeholder.evaluate((box) => {
        const outer = box.getBoundingClientRect();
        const button = box.querySelector('button')!.getBoundingClientRect();
        const text = box.querySelector('p')!.getBoundingClientRect();
        return {
          scrolls: box.scrollHeight > box.clientHeight + 1,
          textInside: text.top >= outer.top && text.bottom <= outer.bottom,
          buttonInside: button.top >= outer.top && button.bottom <= outer.bottom && button.right <= outer.right,
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      expect(fit, `${language} at ${width}px`).toEqual({ scrolls: false, textInside: true, buttonInside: true, pageWidth: width });
      // Turned to landscape, the room is back: the frame's own ratio again, so its load moves nothing.
      await page.setViewportSize({ width: 800, height: 360 });
      await expect.poll(async () => {
        const box = (await placeholder.boundingBox())!;
        return Math.round(box.width * 319 / 564 - box.height);
      }, `${language} from ${width}px to 800px`).toBe(0);
    }
    await visitor.context.close();
  });

  it('a frame sized by CSS keeps its width and ratio', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(session.page(pageHtml({ revision: '1', categories: FOUR },
      '<div style="width:400px"><iframe data-category="functional" data-src="https://www.youtube.com/embed/x" title="Видео" style="display:block;width:100%;aspect-ratio:16/9;border:0"></iframe></div>')));
    const placeholder = page.locator('[data-kelisim-placeholder]');
    await placeholder.waitFor();
    const box = (await placeholder.boundingBox())!;
    expect(box.width).toBe(400);
    expect(box.height).toBeCloseTo(225, 0);
    expect(await placeholder.textContent()).toContain('YouTube');
    await visitor.context.close();
  });

  it('are dark in the dark theme, through the theme’s properties', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(session.page(pageHtml({ revision: '1', categories: FOUR }, MAP)));
    const placeholder = page.locator('[data-kelisim-placeholder]');
    await placeholder.waitFor();
    const colours = await placeholder.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(31, 31, 35)', 'rgb(242, 242, 244)']);
    await visitor.context.close();
  });
});

describe('16.12 stubs with real gated snippets', () => {
  // Yandex's and Meta's snippets as they publish them, pointed at the test's stand-in vendors.
  const YM = `<script type="text/plain" data-category="analytics">
   (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
   m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
   (window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");
   ym(12345678, "init", { clickmap: true });
  </script>`;
  const FBQ = `<script type="text/plain" data-category="advertising">
  !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
  n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;
  n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;
  t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,
  document,'script','https://connect.facebook.net/en_US/fbevents.js');
  fbq('init', '111'); fbq('track', 'PageView');
  </script>`;
  const CLICKS = `<button id="goal" onclick="ym(12345678, 'reachGoal', 'signup'); fbq('track', 'Lead')">Записаться</button>`;

  it('page calls before consent reach each vendor after its init; nothing throws', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.goto(session.page(pageHtml({ revision: '1', stubs: ['ym', 'fbq'] }, CLICKS + YM + FBQ)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await page.click('#goal');
    expect(visitor.requests).toEqual([]);
    await page.click('[data-kelisim-action="accept-all"]');
    await page.waitForFunction(() => ['ym', 'fbq'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    await settle(page);
    const log = await page.evaluate(() => (window as any).__vendorLog.map((e: any) => [e.vendor, e.call[1] ?? e.call[0]]));
    expect(log.filter((e: string[]) => e[0] == 'ym')).toEqual([['ym', 'init'], ['ym', 'reachGoal']]);
    expect(log.filter((e: string[]) => e[0] == 'fbq').map((e: string[]) => e[1])).toEqual(expect.arrayContaining(['111', 'PageView', 'Lead']));
    expect(visitor.requests.sort()).toEqual(['https://connect.facebook.net/en_US/fbevents.js', 'https://mc.yandex.ru/metrika/tag.js']);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('after a refusal the calls go nowhere and still throw nothing', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    const url = session.page(pageHtml({ revision: '1', stubs: ['ym', 'fbq'] }, CLICKS + YM + FBQ));
    await page.goto(url);
    await page.click('[data-kelisim-action="reject-all"]');
    await page.click('#goal');
    await page.reload();
    await settle(page, 500);
    await page.click('#goal');
    await settle(page);
    expect(visitor.requests).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
