import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/types';
// @ts-expect-error: plain ESM test helper without declarations
import { SITE } from './fixtures/server.mjs';
import { fixtureSite } from './fixture-site';
import { runCli } from './run-cli';

// A page that carries Kelisim's config or script but whose gate failed has no banner: nothing leaks,
// yet no visitor can give or refuse consent and the owner cannot prove any. That is a banner problem.
const root = new URL('../../../', import.meta.url).pathname;
const site = fixtureSite('kelisim-audit-gate-');
const { net, out } = site;
const readJson = (file: string) => JSON.parse(readFileSync(out(file), 'utf8'));
const read = (file: string) => readFileSync(out(file), 'utf8');
const config = `<script>window.kelisimConfig = { revision: '2026-01', categories: { necessary: { required: true }, analytics: {} } };</script>`;
const page = (title: string, gate: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title>${config}<script src="${gate}" defer></script></head><body><main><h1>Центр обучения макияжу</h1></main></body></html>`;

describe('a page whose Kelisim did not start', () => {
  it('reports a kelisim.js that answers 404 as a banner problem naming the 404, with the fix (exit 1), in the terminal and the Russian and Kazakh reports', async () => {
    const url = `https://${SITE}/gate-404.html`;
    const gate = `https://${SITE}/assets/kelisim/kelisim.js`;
    const run = await runCli([url, ...net(), '--json', out('404.json'), '--html', out('404.ru.html')]);
    expect(run.code).toBe(1);
    const result: AuditResult = readJson('404.json');
    expect(result.kelisim).toBe(false);
    expect(result.phases.map((p) => p.name)).toEqual(['before']);
    expect(result.leaks).toEqual([{
      phase: 'before', kind: 'banner', vendor: 'Kelisim', purpose: 'necessary', name: 'banner', code: 'not-started',
      cause: `Kelisim did not start: <script src="${gate}"> answered HTTP 404 Not Found`,
      fix: { category: 'necessary', how: 'gate', text: expect.stringContaining('at /assets/kelisim/kelisim.js so it answers 200') },
      gate: { signs: ['config', 'script', 'markup'], why: 'http-status', script: gate, status: 404, statusText: 'Not Found' },
    }]);
    expect(result.reason).toBe(`Kelisim did not start on this page: <script src="${gate}"> answered HTTP 404 Not Found. `
      + 'The page carries its config or script, but there is no banner: visitors can neither give nor refuse consent, and no choice is recorded. Only the first phase ran.');
    expect(run.stdout).toContain('Kelisim did not start on this page');
    expect(run.stdout).toContain('answered HTTP 404 Not Found');
    expect(run.stdout).toMatch(/^fix for the banner: Put dist\/kelisim\.js and the files beside it .* at \/assets\/kelisim\/kelisim\.js so it answers 200, or correct the src in the tag\.$/m);
    expect(run.stdout).not.toContain('No leaks');

    const ru = read('404.ru.html');
    expect(ru).toContain('Настройки Kelisim есть на странице, но сам Kelisim не запустился');
    expect(ru).toContain(`Скрипт ${gate} не загрузился: сервер ответил HTTP 404 Not Found.`);
    expect(ru).toContain('Положите dist/kelisim.js и файлы рядом с ним');
    expect(ru).toContain('Kelisim не запустился, поэтому проверено только то');
    expect(ru).not.toContain('На странице нет баннера Kelisim');
    const kk = await runCli([url, ...net(), '--html', out('404.kk.html'), '--lang', 'kk']);
    expect(kk.code).toBe(1);
    const kkHtml = read('404.kk.html');
    expect(kkHtml).toContain('Бетте Kelisim баптаулары бар, бірақ Kelisim іске қосылмады');
    expect(kkHtml).toContain(`${gate} скрипті жүктелмеді: сервер HTTP 404 Not Found деп жауап берді.`);
    expect(kkHtml).toContain('мекенжайына салыңыз');
    expect(kkHtml).not.toContain('Бетте Kelisim баннері жоқ');
  });

  it('reports a gate that throws, and one cut short, with the error each threw (exit 1)', async () => {
    const gate = readFileSync(join(root, 'dist/kelisim.js'), 'utf8');
    site.server.page('cut/kelisim.js', gate.slice(0, Math.floor(gate.length / 2)));
    // An edit at the top of the file that throws before the gate runs.
    site.server.page('edited/kelisim.full.js', `document.currentScript.dataset.theme.trim();\n${gate}`);
    const cut = site.server.page('gate-cut.html', page('Курсы визажа — kelisim.js обрезан', '/cut/kelisim.js'));
    const thrown = site.server.page('gate-throws.html', page('Курсы визажа — kelisim.full.js бросает ошибку', '/edited/kelisim.full.js'));
    const run = await runCli([cut, thrown, ...net(), '--json', out('broken.json'), '--html', out('broken.ru.html')]);
    expect(run.code).toBe(1);
    const [a, b]: AuditResult[] = readJson('broken.json');
    for (const result of [a, b]) {
      expect(result.kelisim).toBe(false);
      expect(result.leaks.map((l) => [l.phase, l.kind, l.code])).toEqual([['before', 'banner', 'not-started']]);
    }
    expect(a.leaks[0].gate).toEqual({ signs: ['config', 'script'], why: 'script-error', script: `https://${SITE}/cut/kelisim.js`, error: expect.stringMatching(/^SyntaxError: /) });
    expect(b.leaks[0].gate).toEqual({ signs: ['config', 'script'], why: 'script-error', script: `https://${SITE}/edited/kelisim.full.js`, error: expect.stringMatching(/^TypeError: .*trim/) });
    expect(b.leaks[0].cause).toMatch(/^Kelisim did not start: <script src="https:\/\/www\.makeup-center\.kz\/edited\/kelisim\.full\.js"> did not run: TypeError: /);
    expect(run.stdout).toMatch(/^fix for the banner: Replace \/cut\/kelisim\.js with an unmodified copy of the package's dist\/kelisim\.js/m);
    const ru = read('broken.ru.html');
    expect(ru).toContain(`Скрипт https://${SITE}/cut/kelisim.js завершился с ошибкой: SyntaxError: `);
    expect(ru).toContain('Замените /edited/kelisim.full.js неизменённой копией dist/kelisim.js из пакета');
  });

  it('reports a config without any kelisim.js tag as a missing script', async () => {
    const url = site.server.page('gate-none.html', `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Без скрипта</title>${config}</head><body><main><h1>Курсы</h1></main></body></html>`);
    const run = await runCli([url, ...net(), '--json', out('none.json')]);
    expect(run.code).toBe(1);
    const result: AuditResult = readJson('none.json');
    expect(result.leaks.map((l) => l.gate)).toEqual([{ signs: ['config'], why: 'no-script' }]);
    expect(result.leaks[0].cause).toBe('Kelisim did not start: no <script src="…/kelisim.js"> on the page, only window.kelisimConfig');
  });
});

describe('pages where Kelisim starts, or is not meant to', () => {
  it('the demo landing page and the clean fixture stay clean (exit 0)', async () => {
    const run = await runCli([`https://${SITE}/demo/index.html`, `https://${SITE}/clean.html`, ...net(), '--json', out('clean.json')]);
    const results: AuditResult[] = readJson('clean.json');
    for (const result of results) {
      expect(result.kelisim, result.url).toBe(true);
      expect(result.reason, result.url).toBeUndefined();
      expect(result.leaks, result.url).toEqual([]);
      expect(result.phases.map((p) => p.name)).toEqual(['before', 'reject', 'accept']);
    }
    expect(run.code).toBe(0);
  });

  it('a page with no sign of Kelisim keeps today\'s note, its own broken scripts notwithstanding (exit 0)', async () => {
    const run = await runCli([`https://${SITE}/no-kelisim-errors.html`, `https://${SITE}/plain.html`, ...net(), '--json', out('plain.json'), '--html', out('plain.html')]);
    expect(run.code).toBe(0);
    const results: AuditResult[] = readJson('plain.json');
    for (const result of results) {
      expect(result.kelisim).toBe(false);
      expect(result.reason).toBe('Kelisim is not on this page: there is no banner to reject or accept, so only the first phase ran.');
      expect(result.leaks).toEqual([]);
    }
    expect(run.stdout).toContain('No leaks');
    expect(run.stdout).not.toContain('did not start');
    const html = read('plain.html');
    expect(html).toContain('На странице нет баннера Kelisim, поэтому проверено только то');
    expect(html).not.toContain('не запустился');
  });
});
