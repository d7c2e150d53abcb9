import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/types';
// @ts-expect-error: plain ESM test helper without declarations
import { SITE } from './fixtures/server.mjs';
import { fixtureSite } from './fixture-site';
import { runCli } from './run-cli';

// Which page the audit looks at: the one asked for, not an error page or a page the visitor browsed to.
const site = fixtureSite('kelisim-audit-page-');
const { net, out } = site;

describe('an address that answers with an HTTP error', () => {
  it('is not reported clean: 404 exits 2 and names the status', async () => {
    const run = await runCli([`https://${SITE}/missing.html`, ...net(), '--html', out('missing.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`could not audit https://${SITE}/missing.html: The server answered HTTP 404 Not Found`);
    expect(run.stdout).not.toContain('No leaks');
    expect(existsSync(out('missing.html'))).toBe(false);
  });

  it('is not reported clean: 500 exits 2 and names the status, and the other pages are still audited', async () => {
    const broken = site.server.page('broken.html', '<!doctype html><title>Ошибка</title><h1>Внутренняя ошибка сервера</h1>', 500);
    const run = await runCli([broken, `https://${SITE}/clean.html`, ...net(), '--json', out('two.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`could not audit ${broken}: The server answered HTTP 500 Internal Server Error`);
    const written = JSON.parse(readFileSync(out('two.json'), 'utf8'));
    expect(written.url).toBe(`https://${SITE}/clean.html`);
  });
});

describe('--withdraw after the visitor browsed to a page without Kelisim', () => {
  it('withdraws on the audited page: no findings (exit 0), and its Metrica cookies are gone', async () => {
    const url = `https://${SITE}/to-plain.html`;
    const run = await runCli([url, ...net(), '--withdraw', '--json', out('withdraw.json')]);
    const result: AuditResult = JSON.parse(readFileSync(out('withdraw.json'), 'utf8'));
    const phase = (name: string) => result.phases.find((p) => p.name == name)!;
    // The scenario holds: after accepting, the visitor did go on to the plain page…
    expect(phase('accept').visited.at(-1)).toBe(`https://${SITE}/plain.html`);
    expect(phase('accept').cookies.map((c) => c.name)).toContain('_ym_uid');
    // …and the withdrawal happened back on the audited page, where the settings dialog is.
    expect(phase('withdraw').visited).toEqual([url]);
    expect(result.leaks).toEqual([]);
    expect(phase('withdraw').cookies.map((c) => c.name).filter((n) => n.startsWith('_ym'))).toEqual([]);
    expect(run.code).toBe(0);
  });
});
