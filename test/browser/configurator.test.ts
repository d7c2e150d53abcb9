import { cpSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startSession, type Session } from './harness';


let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const snippetOf = (page: Page) => page.locator('[data-configurator="snippet"]').textContent();
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/** The configurator served as `npm start` serves it, in a fresh context. */
async function open(lang: 'ru' | 'kk' | 'en' = 'ru', viewport = { width: 1280, height: 800 }) {
  const owner = await session.context();
  const page = await owner.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${session.base}/configurator/?lang=${lang}`);
  await page.locator('[data-configurator="preview"]').waitFor();
  return { owner, page };
}

/** The Center's real setup, typed in as its owner would. */
async function fillCenter(page: Page) {
  await field(page, 'purpose.4.on').check();
  await page.getByRole('button', { name: 'Добавить счётчик' }).click();
  await field(page, 'counter.0.id').fill('12345678');
  await field(page, 'counter.0.webvisor').check();
  await page.getByRole('button', { name: 'Добавить счётчик' }).click();
  await field(page, 'counter.1.kind').selectOption('vk-pixel');
  await field(page, 'counter.1.id').fill('3333333');
  await field(page, 'counter.1.category').selectOption('advertising');
  await page.getByRole('button', { name: 'Добавить вставку' }).click();
  await field(page, 'embed.0.url').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await field(page, 'embed.0.title').fill('Урок макияжа');
  await field(page, 'policyUrl').fill('/privacy');
  await field(page, 'revision').fill('2019-02-20');
  await field(page, 'operatorName').fill('ИП Makeup Training Center «BENTON»');
  await field(page, 'operatorPrefix').selectOption('ИИН');
  await field(page, 'operatorNumber').fill('790611401178');
  // The test server serves the built gate from dist/.
  await field(page, 'scriptPath').fill('/dist/kelisim.js');
}

/** Every named control's value or state, in page order: what "the form" is. */
const formValues = (page: Page) => page.evaluate(() => Array.from(
  document.querySelectorAll<HTMLInputElement>('[name]:not([name^="preview-"])'),
  (e) => `${e.name}=${e.type == 'checkbox' || e.type == 'radio' ? e.checked : e.value}`,
));

describe('the snippet on a blank page', () => {
  it("the Center's setup: nothing loads before a choice, accept loads each counter and the video once", async () => {
    const { owner, page } = await open();
    await fillCenter(page);
    const snippet = (await snippetOf(page))!;
    const embed = (await page.locator('[data-configurator-embed="0"]').textContent())!;
    expect(snippet).toContain('window.kelisimConfig = {');
    // Served over plain http there is no clipboard API: the button selects the code for Ctrl+C.
    expect(await page.evaluate(() => !!navigator.clipboard)).toBe(false);
    await page.getByRole('button', { name: 'Скопировать код' }).click();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(snippet.trimEnd());
    expect(embed).toBe('<iframe data-category="functional" data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Урок макияжа" '
      + 'width="560" height="315" allow="autoplay; encrypted-media; fullscreen; picture-in-picture" allowfullscreen></iframe>');
    await owner.context.close();

    const visitor = await session.context();
    const site = await visitor.newPage();
    await site.goto(session.page(`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Makeup Training Center BENTON</title>
${snippet}
</head>
<body><main><h1>Курсы визажа</h1>${embed}</main></body>
</html>`));
    await site.locator('[data-kelisim-banner]').waitFor();
    await settle(site, 500);
    expect(visitor.requests).toEqual([]);
    expect((await visitor.cookieNames()).filter((n) => n != 'kelisim')).toEqual([]);
    expect(await site.getAttribute('iframe', 'src')).toBeNull();

    await site.click('[data-kelisim-action="accept-all"]');
    await site.waitForFunction(() => ['ym', 'tmr'].every((v) => (window as any).__vendorLog?.some((e: any) => e.vendor == v)));
    await expect.poll(() => visitor.requests.length).toBe(3);
    await settle(site, 300);
    expect([...visitor.requests].sort()).toEqual([
      'https://mc.yandex.ru/metrika/tag.js?id=12345678',
      'https://top-fwz1.mail.ru/js/code.js',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ]);
    const ym = await site.evaluate(() => (window as any).__vendorLog.filter((e: any) => e.vendor == 'ym').map((e: any) => e.call));
    expect(ym).toEqual([[12345678, 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true, webvisor: true }]]);
    expect(await site.evaluate(() => (window as any).Kelisim.getConsent().revision)).toBe('2019-02-20');

    await site.click('text=Курсы визажа');
    await site.evaluate(() => (window as any).Kelisim.showPreferences());
    const dialog = site.locator('[data-kelisim-preferences]');
    await expect.poll(() => dialog.textContent()).toContain('ИП Makeup Training Center «BENTON», ИИН 790611401178');
    expect(await dialog.locator('a[href="/privacy"]').count()).toBe(1);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});

describe('kelisim.config.json', () => {
  it('saved, the configurator reloaded, the file loaded: the form and the snippet are the same', async () => {
    const { owner, page } = await open();
    await fillCenter(page);
    await page.getByRole('button', { name: 'Добавить свою цель' }).click();
    await field(page, 'purpose.5.name').fill('courses');
    for (const [lang, title, description] of [['ru', 'Запись на курсы', 'Запоминает выбранный курс.'], ['kk', 'Курсқа жазылу', 'Таңдалған курсты есте сақтайды.'], ['en', 'Course sign-up', 'Remembers the chosen course.']]) {
      await field(page, `purpose.5.${lang}.title`).fill(title);
      await field(page, `purpose.5.${lang}.description`).fill(description);
    }
    await page.locator('summary', { hasText: 'Тексты баннера (каз.)' }).click();
    await field(page, 'text.kk.bannerTitle').fill('Біз cookie файлдарын қолданамыз');
    await page.check('input[name="layout"][value="box"]');
    await field(page, 'color.light.accent').fill('#0b5cad');
    const form = await formValues(page);
    const snippet = await snippetOf(page);
    expect(snippet).toContain('"courses"');
    expect(snippet).toContain('--kelisim-accent: #0b5cad');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-configurator="save"]')]);
    expect(download.suggestedFilename()).toBe('kelisim.config.json');
    const file = readFileSync((await download.path())!, 'utf8');
    const config = JSON.parse(file);
    expect(config.counters[0]).toEqual({ category: 'analytics', preset: 'yandex-metrika', id: 12345678, options: { webvisor: true } });
    expect(config.operator).toEqual({ name: 'ИП Makeup Training Center «BENTON»', id: 'ИИН 790611401178' });
    // The snippet sets exactly the saved config.
    const literal = snippet!.slice(snippet!.indexOf('= ') + 2, snippet!.indexOf(';\n</script>'));
    expect(JSON.parse(literal)).toEqual(config);

    await page.reload();
    await page.locator('[data-configurator="preview"]').waitFor();
    expect(await snippetOf(page)).toBe('');
    await page.setInputFiles('[data-configurator="load"]', { name: 'kelisim.config.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => snippetOf(page)).toBe(snippet);
    expect(await formValues(page)).toEqual(form);
    await owner.context.close();
  });

  it('a file that is not a config is refused with a message beside the file field', async () => {
    const { owner, page } = await open('kk');
    await page.setInputFiles('[data-configurator="load"]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2') });
    const message = page.locator('#f-load-error[data-configurator-error]');
    await expect.poll(() => message.textContent()).toBe('Файл оқылмады: бұл Kelisim баптаулары бар JSON емес.');
    await owner.context.close();
  });
});

describe('refused values', () => {
  /** The message hooked beside a field, and whether the preview document carries `text`. */
  const errorOf = (page: Page, name: string) =>
    page.locator(`[name="${name}"] ~ [data-configurator-error], [name="${name}"] ~ * [data-configurator-error]`);
  const previewHas = (page: Page, text: string) =>
    page.locator('[data-configurator="preview"]').evaluate((frame, t) => (frame as HTMLIFrameElement).srcdoc.includes(t), text);

  it('invalid ids, a bad ИИН, a javascript: policy URL and a missing Kazakh title: a message each, no snippet while any remains', async () => {
    const { owner, page } = await open();
    await fillCenter(page);
    await page.getByRole('button', { name: 'Добавить свою цель' }).click();
    await field(page, 'purpose.5.name').fill('courses');
    for (const lang of ['ru', 'en']) {
      await field(page, `purpose.5.${lang}.title`).fill('Courses');
      await field(page, `purpose.5.${lang}.description`).fill('Sign-up');
    }
    await field(page, 'purpose.5.kk.description').fill('Курстарға жазылу');
    const cases: [string, string, string][] = [
      ['counter.0.id', 'G-12345', 'Счётчик 1 · Номер счётчика (ID): номер не подходит для сервиса «Яндекс Метрика». Пример правильного номера: 12345678.'],
      ['counter.1.id', 'vk-3333333', 'Счётчик 2 · Номер счётчика (ID): номер не подходит для сервиса «Пиксель VK Рекламы (Top@Mail.ru)». Пример правильного номера: 3333333.'],
      ['operatorNumber', '790611401179', 'Оператор персональных данных · Номер: контрольная цифра не сходится, в номере ИИН опечатка.'],
      ['policyUrl', 'javascript:alert(1)', 'Адрес политики конфиденциальности: нужен полный адрес с именем сайта (https://…) или путь, начинающийся с /, например /privacy.'],
    ];
    // The Kazakh title was left empty: the one problem before any typo.
    expect(await errorOf(page, 'purpose.5.kk.title').textContent()).toBe('Своя цель «courses» · Название (каз.): заполните поле.');
    expect(await snippetOf(page)).toBe('');
    for (const [name, bad, message] of cases) {
      await field(page, name).fill(bad);
      await expect.poll(() => errorOf(page, name).textContent()).toBe(message);
      expect(await field(page, name).getAttribute('aria-invalid')).toBe('true');
      await settle(page, 400);
      expect(await previewHas(page, bad), `${name} reached the preview`).toBe(false);
    }
    expect(await page.locator('[data-configurator-error]').count()).toBe(5);
    expect(await page.locator('.summary li').count()).toBe(5);
    expect(await page.locator('[data-configurator="save"]').isDisabled()).toBe(true);

    // Each message speaks the owner's language.
    await page.selectOption('[data-configurator="language"]', 'kk');
    expect(await errorOf(page, 'operatorNumber').textContent()).toBe('Дербес деректер операторы · Нөмірі: бақылау цифры сәйкес келмейді, ИИН нөмірінде қате бар.');
    expect(await errorOf(page, 'purpose.5.kk.title').textContent()).toBe('Өз мақсатыңыз «courses» · Атауы (қаз.): өрісті толтырыңыз.');

    // Fixed one by one: still no snippet until the last.
    await field(page, 'purpose.5.kk.title').fill('Курстар');
    await field(page, 'counter.0.id').fill('12345678');
    await field(page, 'counter.1.id').fill('3333333');
    await field(page, 'operatorNumber').fill('790611401178');
    expect(await snippetOf(page)).toBe('');
    expect(await page.locator('[data-configurator-error]').count()).toBe(1);
    await field(page, 'policyUrl').fill('/privacy');
    expect(await page.locator('[data-configurator-error]').count()).toBe(0);
    expect(await snippetOf(page)).toContain('"id": "ИИН 790611401178"');
    await expect.poll(() => previewHas(page, '"policyUrl":"/privacy"')).toBe(true);
    await owner.context.close();
  });
});

describe('the banner texts section', () => {
  it('names every text of the banner in words, with its built-in text beside it, and offers nothing that is not a text', async () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const { owner, page } = await open(lang);
      const fields = await page.evaluate(() => Array.from(
        document.querySelectorAll<HTMLInputElement>('[name^="text."]'),
        (input) => {
          const label = document.querySelector(`label[for="${input.id}"]`)!;
          const key = label.querySelector('code')!.textContent!;
          return { name: input.name, words: label.textContent!.slice(0, -key.length).replace(/\([^()]*\)\s*$/, '').trim(), key,
            builtIn: document.getElementById(`${input.id}-default`)!.querySelector('span')!.textContent! };
        },
      ));
      expect(fields.length, lang).toBeGreaterThan(0);
      for (const { name, words, key, builtIn } of fields) {
        expect(words, `${lang}: ${name} is labelled by its key`).not.toBe(key);
        expect(builtIn, `${lang}: ${name} has no built-in text`).not.toBe('');
      }
      await owner.context.close();
    }
  });
});

describe('the button that reopens the settings', () => {
  it("is in the banner's language, the owner's own when that is automatic, with the owner's title for the dialog", async () => {
    const { owner, page } = await open('kk');
    const markup = () => page.locator('#reopen-markup').textContent();
    const button = (label: string) => `<button type="button" data-kelisim="preferences">${label}</button>`;
    expect(await markup()).toBe(button('Cookie баптаулары'));
    // The library's own text sends visitors back through a link named as the dialog is.
    await page.locator('summary', { hasText: 'Баннер мәтіндері (қаз.)' }).click();
    await field(page, 'text.kk.preferencesTitle').fill('Cookie файлдарын баптау');
    expect(await markup()).toBe(button('Cookie файлдарын баптау'));
    await page.check('input[name="preview-view"][value="returning"]');
    await expect.poll(() => page.frameLocator('[data-configurator="preview"]').locator('[data-kelisim="preferences"]').textContent()).toBe('Cookie файлдарын баптау');
    await field(page, 'language').selectOption('ru');
    expect(await markup()).toBe(button('Настройки cookie'));
    await owner.context.close();
  });
});

describe('preview', () => {
  it('runs the real banner from the folder, in the language and view picked', async () => {
    const { owner, page } = await open();
    const frame = page.frameLocator('[data-configurator="preview"]');
    await frame.locator('[data-kelisim-banner]').waitFor();
    expect(await frame.locator('[data-kelisim-banner]').textContent()).toContain('Мы используем файлы cookie');
    await page.check('input[name="preview-language"][value="kk"]');
    await expect.poll(() => frame.locator('[data-kelisim-banner]').textContent()).toContain('Біз cookie файлдарын пайдаланамыз');
    await page.check('input[name="preview-view"][value="preferences"]');
    await frame.locator('[data-kelisim-preferences]').waitFor();
    await page.check('input[name="preview-view"][value="returning"]');
    await frame.getByText('Келуші таңдауын жасап қойған').waitFor();
    await settle(page, 500);
    expect(await frame.locator('[data-kelisim-banner], [data-kelisim-preferences]').count()).toBe(0);
    expect(await frame.locator('[data-kelisim="preferences"]').count()).toBe(1);
    await page.check('input[name="layout"][value="modal"]');
    await page.check('input[name="preview-view"][value="first"]');
    await expect.poll(() => frame.locator('[data-kelisim-layout="modal"]').count()).toBe(1);
    expect(owner.local.filter((p) => p.startsWith('/configurator/kelisim'))).toContain('/configurator/kelisim-ui.js');
    expect(owner.requests).toEqual([]);
    await owner.context.close();
  });
});

describe('preview of an embed', () => {
  it('shows its placeholder, and allowing it loads a page from the folder, never the vendor', async () => {
    const { owner, page } = await open();
    await fillCenter(page);
    const frame = page.frameLocator('[data-configurator="preview"]');
    const button = frame.locator('[data-kelisim-placeholder] button');
    await button.waitFor();
    // Named as the real embed would be, not after the folder the preview page comes from.
    expect(await frame.locator('[data-kelisim-placeholder]').textContent()).toContain('YouTube');
    expect(owner.errors).toEqual([]);
    await button.click();
    await expect.poll(() => owner.local).toContain('/configurator/preview-embed.html');
    expect(owner.requests).toEqual([]);
    await owner.context.close();
  });
});

describe('the built folder', () => {
  it('works copied anywhere: the page, its assets and the library all come from beside it', async () => {
    const folder = new URL('../../.tmp/copied/somewhere/kelisim-setup/', import.meta.url);
    rmSync(new URL('../../.tmp/copied/', import.meta.url), { recursive: true, force: true });
    cpSync(new URL('../../dist/configurator/', import.meta.url), folder, { recursive: true });
    try {
      const owner = await session.context();
      const page = await owner.newPage();
      await page.goto(`${session.base}/.tmp/copied/somewhere/kelisim-setup/index.html?lang=kk`);
      await page.frameLocator('[data-configurator="preview"]').locator('[data-kelisim-banner]').waitFor();
      // The settings dialog's file follows the banner once the page is idle.
      await expect.poll(() => owner.local.map((p) => p.replace(/\?.*/, '')).sort()).toEqual([
        '/.tmp/copied/somewhere/kelisim-setup/configurator.css',
        '/.tmp/copied/somewhere/kelisim-setup/configurator.js',
        '/.tmp/copied/somewhere/kelisim-setup/index.html',
        // The preview follows the page's Kazakh, so its dictionary comes too.
        '/.tmp/copied/somewhere/kelisim-setup/kelisim-kk.js',
        '/.tmp/copied/somewhere/kelisim-setup/kelisim-prefs.js',
        '/.tmp/copied/somewhere/kelisim-setup/kelisim-ui.js',
        '/.tmp/copied/somewhere/kelisim-setup/kelisim.js',
      ]);
      expect(owner.requests).toEqual([]);
      expect(owner.errors).toEqual([]);
      await owner.context.close();
    } finally {
      rmSync(new URL('../../.tmp/copied/', import.meta.url), { recursive: true, force: true });
    }
  });
});

