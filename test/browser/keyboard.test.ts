import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { kk } from '../../src/i18n/kk';
import { ru } from '../../src/i18n/ru';
import { animationsDone, CATEGORIES, pageHtml, startSession, type Recorder, type Session } from './harness';

const TEXTS = { ru, kk, en };

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const config = (extra: object = {}) => ({ revision: '2019-02-20', policyUrl: '/privacy', categories: CATEGORIES, ...extra });

// Enough page below the fold that the bar covers focusable content and the page can scroll.
const CONTENT = '<section>' + Array.from({ length: 40 }, (_, i) =>
  `<p>Абзац ${i}: запись на курсы, расписание и цены. <a href="#p${i}">Подробнее ${i}</a></p>`).join('') + '</section>';

/** Where focus is, as a short name: `action:accept-all`, `lang:kk`, `policy`, `checkbox:analytics`, `page:…`. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el == document.body) return 'body';
  const ui = el.closest('[data-kelisim=""]');
  if (!ui) return `page:${el.tagName.toLowerCase()}:${(el.textContent || '').trim()}`;
  const where = el.closest('[data-kelisim-preferences]') ? 'dialog' : el.closest('[data-kelisim-banner]') ? 'banner' : 'ui';
  const what = el.getAttribute('data-kelisim-action') ? `action:${el.getAttribute('data-kelisim-action')}`
    : el.hasAttribute('data-kelisim-category') ? `checkbox:${el.getAttribute('data-kelisim-category')}`
    : el.hasAttribute('data-kelisim-preferences') ? 'self'
    : el.hasAttribute('data-kelisim-banner') ? 'self'
    : el.tagName == 'A' ? 'policy'
    : el.closest('.kelisim-langs') ? `lang:${el.getAttribute('lang')}`
    : `${el.tagName.toLowerCase()}:${el.textContent}`;
  return `${where} ${what}`;
});

async function tabs(page: Page, count: number, key = 'Tab') {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    seen.push(await focused(page));
  }
  return seen;
}

async function open(visitor: Recorder, html: string, viewport = { width: 1280, height: 800 }) {
  const page = await visitor.newPage();
  await page.setViewportSize(viewport);
  await page.goto(session.page(html));
  await page.locator('[data-kelisim-banner]').waitFor();
  return page;
}

describe('banner', () => {
  it('is a labelled, non-modal region that keyboard users reach first and can leave', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), CONTENT));
    const banner = page.locator('[data-kelisim-banner]');
    expect(await banner.getAttribute('role')).toBe('region');
    expect(await banner.getAttribute('aria-modal')).toBeNull();
    // The accessible name as Chromium computes it, not merely an attribute being present.
    expect(await page.getByRole('region', { name: ru.bannerLabel }).count()).toBe(1);
    // Not autofocused: the banner must not pull the visitor away from the page by itself.
    expect(await focused(page)).toBe('body');

    // The container is the first child of <body>, so the banner comes before the page's own
    // controls: language first (a visitor who cannot read the text switches before anything else).
    expect(await tabs(page, 10)).toEqual([
      'banner lang:ru', 'banner lang:kk', 'banner lang:en', 'banner policy', 'banner action:preferences',
      'banner action:accept-all', 'banner action:reject-all',
      'page:button:Настройки cookie', 'page:a:Подробнее 0', 'page:a:Подробнее 1',
    ]);
    // No trap in either direction.
    expect(await tabs(page, 3, 'Shift+Tab')).toEqual(['page:a:Подробнее 0', 'page:button:Настройки cookie', 'banner action:reject-all']);
    await visitor.context.close();
  });

  it('accept and reject are the same size and look, and neither is preselected', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    for (const language of ['ru', 'kk', 'en'] as const) {
      for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(viewport);
        await page.goto(session.page(pageHtml(config({ language }))));
        const accept = page.locator('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
        const reject = page.locator('[data-kelisim-banner] [data-kelisim-action="reject-all"]');
        await accept.waitFor();
        expect(await accept.textContent()).toBe(TEXTS[language].acceptAll);
        const [a, r] = [(await accept.boundingBox())!, (await reject.boundingBox())!];
        expect({ width: Math.round(r.width), height: Math.round(r.height) }, `${language} ${viewport.width}px`)
          .toEqual({ width: Math.round(a.width), height: Math.round(a.height) });
        const look = (el: Element) => {
          const s = getComputedStyle(el);
          return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderTopWidth, s.borderTopColor];
        };
        expect(await reject.evaluate(look)).toEqual(await accept.evaluate(look));
        for (const button of [accept, reject]) {
          expect(await button.evaluate((el) => [el.getAttribute('aria-pressed'), el.getAttribute('aria-checked'), el.hasAttribute('autofocus'), el == document.activeElement]))
            .toEqual([null, null, false, false]);
        }
      }
    }
    await visitor.context.close();
  });

  it('language switch: each option in its own language, and the pick changes the text and survives a reload', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' })));
    const group = page.getByRole('group', { name: ru.languageLabel });
    expect(await group.locator('button').evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getAttribute('lang'), b.getAttribute('aria-pressed')])))
      .toEqual([['Рус', 'ru', 'true'], ['Қаз', 'kk', 'false'], ['Eng', 'en', 'false']]);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('banner lang:kk');
    await page.keyboard.press('Enter');
    const title = page.locator('[data-kelisim-banner] .kelisim-title');
    await expect.poll(() => title.textContent()).toBe(kk.bannerTitle);
    expect(await page.locator('[data-kelisim] .kelisim').getAttribute('lang')).toBe('kk');
    expect(await page.locator('[data-kelisim-action="reject-all"]').textContent()).toBe(kk.rejectAll);
    expect(await page.getByRole('region', { name: kk.bannerLabel }).count()).toBe(1);
    expect(await page.locator('[data-kelisim-banner] button[lang="kk"]').getAttribute('aria-pressed')).toBe('true');
    // Picking a language must not throw keyboard users back to the start of the page.
    expect(await focused(page)).toBe('banner lang:kk');

    await page.reload();
    await page.locator('[data-kelisim-banner]').waitFor();
    expect(await title.textContent()).toBe(kk.bannerTitle);
    await page.click('[data-kelisim-banner] button[lang="en"]');
    await expect.poll(() => title.textContent()).toBe(en.bannerTitle);
    await visitor.context.close();
  });

  for (const [layout, viewport] of [['bar', { width: 360, height: 740 }], ['box', { width: 1280, height: 800 }]] as const) {
    it(`${layout}: focused page content is never hidden under it (WCAG 2.2 SC 2.4.11), down to the last link`, async () => {
      const visitor = await session.context();
      // Right-aligned, so that the links pass under the corner box too.
      const content = layout == 'box' ? CONTENT.replace(/<p>/g, '<p style="text-align:right">') : CONTENT;
      const page = await open(visitor, pageHtml(config({ language: 'kk', layout }), content), viewport);
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const original = await height();
      const hidden: string[] = [];
      // Past the 7 banner controls and the page button, through every paragraph link to the end.
      for (let i = 0; i < 8 + 40; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          if (el.closest('[data-kelisim=""]')) return null;
          const r = el.getBoundingClientRect();
          const bar = document.querySelector('[data-kelisim-banner]')!.getBoundingClientRect();
          const covered = r.top >= bar.top && r.bottom <= bar.bottom && r.left >= bar.left && r.right <= bar.right;
          const outside = r.bottom <= 0 || r.top >= innerHeight;
          return covered || outside ? `${el.textContent} at ${Math.round(r.top)}..${Math.round(r.bottom)}, banner from ${Math.round(bar.top)}` : null;
        });
        if (state) hidden.push(state);
      }
      expect(await focused(page)).toBe('page:a:Подробнее 39');
      expect(hidden).toEqual([]);

      // Once the banner goes, so does the room made past the page's end for its last links.
      expect(await height()).toBeGreaterThan(original);
      await page.click('[data-kelisim-action="reject-all"]');
      await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
      expect(await height()).toBe(original);
      await visitor.context.close();
    });
  }

  it('no layout shift: the banner overlays the page instead of pushing it', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.addInitScript(() => {
      const w = window as any;
      w.shifts = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e: any) => w.shifts.push(e.value)))
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(session.page(pageHtml(config(), CONTENT)));
    await page.locator('[data-kelisim-banner]').waitFor();
    await animationsDone(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).shifts)).toEqual([]);

    // The probe works: content inserted above the fold is a shift it reports.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div style="height:120px"></div>'));
    await expect.poll(() => page.evaluate(() => (window as any).shifts.length)).toBeGreaterThan(0);
    await visitor.context.close();
  });
});

describe('modal layout', () => {
  it('the banner is a modal dialog: it takes focus and keeps Tab inside until a choice', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'en', layout: 'modal' }), CONTENT));
    const banner = page.locator('[data-kelisim-banner]');
    expect([await banner.getAttribute('role'), await banner.getAttribute('aria-modal')]).toEqual(['dialog', 'true']);
    expect(await page.getByRole('dialog', { name: en.bannerTitle }).count()).toBe(1);
    expect(await focused(page)).toBe('banner self');
    const seen = [...await tabs(page, 9), ...await tabs(page, 9, 'Shift+Tab')];
    expect(seen.filter((s) => !s.startsWith('banner '))).toEqual([]);
    expect(new Set(seen).size).toBe(7);
    await visitor.context.close();
  });

  it('Shift+Tab right after it opens wraps to its last control instead of leaving it', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru', layout: 'modal' }), CONTENT));
    expect(await focused(page)).toBe('banner self');
    expect(await tabs(page, 2, 'Shift+Tab')).toEqual(['banner action:reject-all', 'banner action:accept-all']);
    await visitor.context.close();
  });
});

describe('preferences dialog', () => {
  const cycle = async (page: Page, key: string) => {
    const items = await page.locator('[data-kelisim-preferences]').evaluate((d) =>
      d.querySelectorAll('button:not([disabled]), a[href], input:not([disabled])').length);
    const seen = await tabs(page, 2 * items + 1, key);
    return { items, seen };
  };

  it('is a modal dialog that takes focus, keeps Tab and Shift+Tab inside, and Escape returns focus to the banner button', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), CONTENT));
    await page.focus('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-kelisim-preferences]');
    await dialog.waitFor();
    expect([await dialog.getAttribute('role'), await dialog.getAttribute('aria-modal')]).toEqual(['dialog', 'true']);
    expect(await page.getByRole('dialog', { name: ru.preferencesTitle }).count()).toBe(1);
    expect(await focused(page)).toBe('dialog self');

    for (const key of ['Tab', 'Shift+Tab']) {
      const { items, seen } = await cycle(page, key);
      expect(seen.filter((s) => !s.startsWith('dialog ')), key).toEqual([]);
      // Every control is reachable, and the cycle wraps around rather than stopping.
      expect(new Set(seen).size, key).toBe(items);
      expect(seen, key).toContain('dialog checkbox:advertising');
    }

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.locator('[data-kelisim-banner]').waitFor();
    // No choice was made, so the banner is back, and focus is on its settings button again.
    expect(await focused(page)).toBe('banner action:preferences');
    expect(await page.evaluate(() => (window as any).Kelisim.getConsent())).toBeNull();
    await visitor.context.close();
  });

  it('opened from a page link, Escape gives focus back to that link, with the banner shown or not', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), CONTENT));
    const link = 'page:button:Настройки cookie';
    for (const round of ['banner shown', 'after a choice']) {
      await page.focus('main [data-kelisim="preferences"]');
      await page.keyboard.press('Enter');
      await page.locator('[data-kelisim-preferences]').waitFor();
      expect(await focused(page), round).toBe('dialog self');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-kelisim-preferences]').count()).toBe(0);
      expect(await focused(page), round).toBe(link);
      if (round == 'banner shown') {
        await page.click('[data-kelisim-action="reject-all"]');
        await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
      }
    }
    await visitor.context.close();
  });

  /** What a screen reader can reach: the named nodes of Chromium's own accessibility tree. */
  const reachable = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[] };
    await cdp.detach();
    return nodes.filter((n) => !n.ignored && n.name && n.name.value).map((n) => `${n.role && n.role.value}: ${n.name!.value}`);
  };

  it('while it or a modal banner is open, a screen reader cannot wander into the page behind; closed, the page is whole again', async () => {
    const visitor = await session.context();
    // The page's own inert part stays inert after the dialog closes.
    const html = CONTENT + '<aside inert><a href="#later">Скоро</a></aside>';
    for (const layout of ['bar', 'modal']) {
      await visitor.context.clearCookies();
      const page = await open(visitor, pageHtml(config({ language: 'ru', layout }), html));
      const modalBanner = layout == 'modal';
      expect((await reachable(page)).includes('link: Подробнее 3'), `${layout} banner`).toBe(!modalBanner);
      expect(await reachable(page), `${layout} banner`).toContain(`button: ${ru.acceptAll}`);

      // Behind the modal banner's backdrop the page's own button cannot be clicked.
      await page.click(modalBanner ? '[data-kelisim-banner] [data-kelisim-action="preferences"]' : 'main [data-kelisim="preferences"]');
      const dialog = page.locator('[data-kelisim-preferences]');
      await dialog.waitFor();
      const inDialog = await reachable(page);
      expect(inDialog, layout).toContain(`button: ${ru.save}`);
      expect(inDialog.filter((node) => /^(link: Подробнее \d+|button: Настройки cookie)$/.test(node)), layout).toEqual([]);

      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      // Back to the banner, which still needs an answer: modal in the modal layout.
      expect((await reachable(page)).includes('link: Подробнее 3'), `${layout} banner again`).toBe(!modalBanner);
      await page.click('[data-kelisim-banner] [data-kelisim-action="reject-all"]');
      await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
      expect(await reachable(page), layout).toEqual(expect.arrayContaining(['link: Подробнее 3', 'button: Настройки cookie']));
      expect(await page.evaluate(() => [...document.querySelectorAll('[inert]')].map((e) => e.tagName)), layout).toEqual(['ASIDE']);
      await page.close();
    }
    await visitor.context.close();
  });

  it('a modal banner shown while the page is still parsing: what is parsed after it is left out too', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    // The parser waits for slow.js, with the banner already up: the links come after.
    await page.route('**/slow.js', (route) => setTimeout(() => route.fulfill({ contentType: 'text/javascript', body: '' }), 3000));
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('main[inert]')) return;
        (window as any).inertWhile = document.readyState;
        observer.disconnect();
      }).observe(document, { attributes: true, subtree: true });
    });
    const html = pageHtml(config({ language: 'ru', layout: 'modal' }), '<script src="/slow.js"></script>' + CONTENT).replace(' defer></script>', '></script>');
    await page.goto(session.page(html));
    await page.locator('[data-kelisim-banner]').waitFor();
    expect(await page.evaluate(() => (window as any).inertWhile)).toBe('loading');
    const names = await reachable(page);
    expect(names).toContain(`button: ${ru.acceptAll}`);
    expect(names.filter((node) => /^link: Подробнее \d+$/.test(node))).toEqual([]);
    await page.click('[data-kelisim-banner] [data-kelisim-action="accept-all"]');
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    await visitor.context.close();
  });

  it('switches are labelled checkboxes: necessary on and locked, the others off on a first visit', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'kk' })));
    await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
    await page.locator('[data-kelisim-preferences]').waitFor();
    const states: Record<string, unknown> = {};
    for (const name of Object.keys(CATEGORIES)) {
      const checkbox = page.getByRole('checkbox', { name: kk.categories[name][0] });
      expect(await checkbox.count(), name).toBe(1);
      states[name] = await checkbox.evaluate((el: HTMLInputElement) =>
        [el.tagName, el.type, el.getAttribute('data-kelisim-category'), el.checked, el.disabled]);
    }
    expect(states).toEqual({
      necessary: ['INPUT', 'checkbox', 'necessary', true, true],
      analytics: ['INPUT', 'checkbox', 'analytics', false, false],
      advertising: ['INPUT', 'checkbox', 'advertising', false, false],
    });
    // Space on the focused switch and a click on its visible name both toggle it.
    await page.focus('input[data-kelisim-category="analytics"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('input[data-kelisim-category="analytics"]')).toBe(true);
    await page.click('label[for="kelisim-c-advertising"] .kelisim-name');
    expect(await page.isChecked('input[data-kelisim-category="advertising"]')).toBe(true);
    await visitor.context.close();
  });
});

describe('focus after a choice', () => {
  // Focus left on <body> makes screen readers start the page over, and Tab start from its top.
  const FRAME = '<iframe data-category="advertising" data-src="/test/fixtures/order.js" title="Видео" width="560" height="315"></iframe>';

  it('bar: answered in the banner or in its dialog, focus stays where the banner was and Tab goes on into the page', async () => {
    const visitor = await session.context();
    for (const way of ['banner', 'dialog']) {
      await visitor.context.clearCookies();
      const page = await open(visitor, pageHtml(config({ language: 'ru' }), CONTENT));
      await page.focus('[data-kelisim-banner] [data-kelisim-action="preferences"]');
      if (way == 'dialog') {
        await page.keyboard.press('Enter');
        await page.locator('[data-kelisim-preferences]').waitFor();
        await page.focus('[data-kelisim-preferences] [data-kelisim-action="save"]');
      } else await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-kelisim-banner], [data-kelisim-preferences]').count()).toBe(0);
      expect(await focused(page), way).not.toBe('body');
      expect(await tabs(page, 2), way).toEqual(['page:button:Настройки cookie', 'page:a:Подробнее 0']);
      await page.close();
    }
    await visitor.context.close();
  });

  it('a click on an answer while the page is scrolled leaves it where it is', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), CONTENT), { width: 360, height: 740 });
    await page.evaluate(() => scrollTo(0, 600));
    await page.click('[data-kelisim-action="accept-all"]');
    await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await page.evaluate(() => scrollY)).toBe(600);
    await visitor.context.close();
  });

  it('modal: the field that had focus before the banner took it gets it back', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'kk', layout: 'modal' }),
      '<form role="search"><input name="q" aria-label="Іздеу" autofocus></form>' + CONTENT));
    expect(await focused(page)).toBe('banner self');
    await page.focus('[data-kelisim-banner] [data-kelisim-action="reject-all"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement!.getAttribute('name'))).toBe('q');
    await visitor.context.close();
  });

  it('bar: a field the visitor left by clicking the banner does not get focus back, even scrolled away', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), '<form role="search"><input name="q" aria-label="Поиск"></form>' + CONTENT));
    await page.click('input[name=q]');
    await page.keyboard.type('визаж');
    await page.evaluate(() => scrollTo(0, 2000));
    const scrolled = await page.evaluate(() => scrollY);
    // A click on plain text in the banner, then on an answer: the visitor's own moves.
    await page.click('[data-kelisim-banner] p', { position: { x: 4, y: 4 } });
    await page.click('[data-kelisim-action="accept-all"]');
    await expect.poll(() => page.locator('[data-kelisim-banner]').count()).toBe(0);
    await page.keyboard.type('x');
    // Keys typed now do not land in a field out of sight.
    expect(await page.inputValue('input[name=q]')).toBe('визаж');
    expect(await page.evaluate(() => document.activeElement!.getAttribute('name'))).toBe(null);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await visitor.context.close();
  });

  it('focus the page moves in its kelisim:consent handler stays there, also after the dialog opened from a page button', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }),
      '<button id="next" type="button">Далее</button><script>addEventListener("kelisim:consent", () => document.getElementById("next").focus())</script>' + CONTENT));
    await page.click('main [data-kelisim="preferences"]');
    await page.locator('[data-kelisim-preferences]').waitFor();
    await page.click('[data-kelisim-preferences] [data-kelisim-action="save"]');
    await expect.poll(() => page.locator('[data-kelisim-preferences]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('next');
    await visitor.context.close();
  });

  it('a placeholder\'s button hands focus to the frame it shows', async () => {
    const visitor = await session.context();
    const page = await open(visitor, pageHtml(config({ language: 'ru' }), FRAME));
    await page.focus('[data-kelisim-placeholder] button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('iframe', 'src')).toBe('/test/fixtures/order.js');
    expect(await page.evaluate(() => document.activeElement!.tagName)).toBe('IFRAME');
    await visitor.context.close();
  });
});

describe('visual cues', () => {
  /**
   * The focused control's ring (for a switch, the drawn track's): an outline of at least 2px whose
   * colour stands out 3:1 from the surface it is drawn on (WCAG 1.4.11), or a box-shadow.
   */
  const ring = (page: Page) => page.evaluate(() => {
    let el = document.activeElement as HTMLElement;
    if (el.matches('input[type=checkbox]')) el = el.nextElementSibling as HTMLElement;
    const s = getComputedStyle(el);
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [a, b] = [luminance(s.outlineColor), luminance(getComputedStyle(el.closest('.kelisim-banner, .kelisim-dialog')!).backgroundColor)];
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return (s.outlineStyle != 'none' && parseFloat(s.outlineWidth) >= 2 && contrast >= 3) || s.boxShadow != 'none'
      ? '' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}, contrast ${contrast.toFixed(1)}`;
  });

  it('every control shows a focus ring when reached by keyboard, in forced colours too', async () => {
    const visitor = await session.context();
    for (const [scheme, forcedColors] of [['light', 'none'], ['dark', 'none'], ['light', 'active'], ['dark', 'active']] as const) {
      const page = await visitor.newPage();
      await page.emulateMedia({ colorScheme: scheme, forcedColors });
      await page.goto(session.page(pageHtml(config({ language: 'ru' }))));
      await page.locator('[data-kelisim-banner]').waitFor();
      const missing: string[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press('Tab');
        const problem = await ring(page);
        if (problem) missing.push(`${scheme}/${forcedColors} ${await focused(page)}: ${problem}`);
      }
      expect(await focused(page)).toBe('banner action:reject-all');
      // Settings sits in the banner's sentence, before the two answers.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe('banner action:preferences');
      await page.keyboard.press('Enter');
      await page.locator('[data-kelisim-preferences]').waitFor();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        const problem = await ring(page);
        if (problem) missing.push(`${scheme}/${forcedColors} ${await focused(page)}: ${problem}`);
      }
      expect(missing).toEqual([]);
      await page.close();
    }
    await visitor.context.close();
  });

  it('forced colours (Windows contrast themes): each switch is drawn, and on looks different from off', async () => {
    const visitor = await session.context();
    const page = await visitor.newPage();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, forcedColors: 'active' });
      await page.goto(session.page(pageHtml(config({ language: 'ru' }))));
      await page.click('[data-kelisim-banner] [data-kelisim-action="preferences"]');
      await page.locator('[data-kelisim-preferences]').waitFor();
      await page.check('input[data-kelisim-category="analytics"]');
      await animationsDone(page);
      // What the system palette leaves of each drawn switch: its outline against the dialog, its
      // knob against its own fill (3:1 each, WCAG 1.4.11), and the fill that tells on from off.
      const drawn = await page.locator('.kelisim-track').evaluateAll((tracks) => {
        const luminance = (css: string) => {
          const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
            const c = Number(v) / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const contrast = (x: string, y: string) => {
          const [a, b] = [luminance(x), luminance(y)];
          return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 10) / 10;
        };
        const surface = getComputedStyle(tracks[0].closest('.kelisim-dialog')!).backgroundColor;
        return tracks.map((track) => {
          const s = getComputedStyle(track);
          const knob = getComputedStyle(track, '::after').backgroundColor;
          const input = track.previousElementSibling as HTMLInputElement;
          return {
            name: input.getAttribute('data-kelisim-category'),
            on: input.checked,
            outline: s.borderTopStyle != 'none' && parseFloat(s.borderTopWidth) >= 1 && contrast(s.borderTopColor, surface) >= 3,
            knob: contrast(knob, s.backgroundColor) >= 3,
            fill: s.backgroundColor,
          };
        });
      });
      for (const { name, outline, knob } of drawn) expect({ name, outline, knob }, scheme).toEqual({ name, outline: true, knob: true });
      const fill = (name: string) => drawn.find((d) => d.name == name)!.fill;
      expect(fill('analytics'), `${scheme}: on and off filled alike`).not.toBe(fill('advertising'));
    }
    await visitor.context.close();
  });

  it('prefers-reduced-motion: no slide-in and no sliding switches', async () => {
    const motion = async (reducedMotion: 'reduce' | 'no-preference') => {
      const visitor = await session.context();
      const page = await visitor.newPage();
      await page.emulateMedia({ reducedMotion });
      await page.goto(session.page(pageHtml(config())));
      const banner = page.locator('[data-kelisim-banner]');
      await banner.waitFor();
      const style = (el: Element) => {
        const s = getComputedStyle(el);
        const after = getComputedStyle(el, '::after');
        return `${s.animationName} ${s.animationDuration} / ${s.transitionProperty} ${s.transitionDuration}` + (after.content != 'none' ? ` / ::after ${after.transitionDuration}` : '');
      };
      const seen = [await banner.evaluate(style)];
      await page.click('[data-kelisim-action="preferences"]');
      await page.locator('[data-kelisim-preferences]').waitFor();
      seen.push(await page.locator('[data-kelisim-preferences]').evaluate(style));
      seen.push(await page.locator('.kelisim-track').first().evaluate(style));
      await visitor.context.close();
      return seen;
    };
    // Without the preference the motion exists, so the check below has something to remove.
    expect(await motion('no-preference')).toEqual([
      'kelisim-in 0.2s / all 0s', 'kelisim-in 0.2s / all 0s', 'none 0s / background 0.15s / ::after 0.15s',
    ]);
    expect(await motion('reduce')).toEqual([
      'none 0s / none 0s', 'none 0s / none 0s', 'none 0s / none 0s / ::after 0s',
    ]);
  });
});
