import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/ensure-chromium.mjs';
// @ts-expect-error: plain ESM scripts without declarations
import { serve } from '../../scripts/serve.mjs';

/** Vendor hosts and the stand-in script each one serves. Anything else off the test server is aborted. */
const VENDORS: Record<string, string> = {
  'mc.yandex.ru': 'metrika.js',
  'www.googletagmanager.com': 'gtag.js',
  'top-fwz1.mail.ru': 'tmr.js',
  'connect.facebook.net': 'fbevents.js',
  'analytics.tiktok.com': 'tiktok.js',
  'pixel.example.org': 'pixel.js',
};

export const HOST = 'www.kelisim.test';

export interface Session {
  browser: Browser;
  base: string;
  port: number;
  /** A fresh context (no cookies, no cache) whose vendor requests are recorded. */
  context(options?: { allow?: (url: URL) => boolean }): Promise<Recorder>;
  /** Serve `html` at a path of the test host; returns its URL. */
  page(html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export interface Recorder {
  context: BrowserContext;
  /** Every request to a host other than the test server, in order. */
  requests: string[];
  /** Requests to the test server. */
  local: string[];
  errors: string[];
  newPage(): Promise<Page>;
  cookieNames(): Promise<string[]>;
  cookies(): ReturnType<BrowserContext['cookies']>;
}

const vendorScript = (file: string) =>
  readFileSync(new URL('../fixtures/vendors/_record.js', import.meta.url), 'utf8') + '\n'
  + readFileSync(new URL(`../fixtures/vendors/${file}`, import.meta.url), 'utf8');

export async function startSession(): Promise<Session> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  let count = 0;
  const server = await serve({
    root: new URL('../..', import.meta.url).pathname,
    handle(request: IncomingMessage, response: ServerResponse) {
      const found = pages.get((request.url || '').split('?')[0]);
      if (!found) return false;
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...found.headers });
      response.end(found.html);
      return true;
    },
  });
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run node scripts/ensure-chromium.mjs');
  const browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      // *.kelisim.test is this machine, so cookies on the parent domain can be tested.
      '--host-resolver-rules=MAP *.kelisim.test 127.0.0.1',
    ],
  });
  const base = `http://${HOST}:${server.port}`;

  return {
    browser,
    base,
    port: server.port,
    page(html, headers = {}) {
      const path = `/__page/${++count}.html`;
      pages.set(path, { html, headers });
      return base + path;
    },
    async context(options = {}) {
      const context = await browser.newContext();
      const requests: string[] = [];
      const local: string[] = [];
      const errors: string[] = [];
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.port == String(server.port) || (options.allow && options.allow(url))) {
          local.push(url.pathname + url.search);
          return route.continue();
        }
        requests.push(url.href);
        const script = VENDORS[url.hostname];
        if (script) return route.fulfill({ status: 200, contentType: 'text/javascript', body: vendorScript(script) });
        return route.abort();
      });
      return {
        context,
        requests,
        local,
        errors,
        async newPage() {
          const page = await context.newPage();
          page.on('pageerror', (error) => errors.push(String(error)));
          return page;
        },
        async cookieNames() {
          return (await context.cookies()).map((c) => c.name).sort();
        },
        cookies: () => context.cookies(),
      };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page that configures Kelisim through `window.kelisimConfig` and loads the built gate. */
export function pageHtml(config: object, body = '', { script = '/dist/kelisim.js', head = '' } = {}): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kelisim test page</title>
${head}
<script>window.kelisimConfig = ${JSON.stringify(config)};</script>
<script src="${script}" defer></script>
</head>
<body>
<main><h1>Центр обучения макияжу</h1><p>Курсы визажа в Алматы.</p>
<button type="button" data-kelisim="preferences">Настройки cookie</button></main>
${body}
</body>
</html>`;
}

/** Counters of every kind the tests use, on intercepted vendor hosts. */
export const COUNTERS = [
  { category: 'analytics', preset: 'yandex-metrika', id: 12345678 },
  { category: 'analytics', preset: 'gtag', id: 'G-TEST' },
  { category: 'advertising', preset: 'vk-pixel', id: '3333333' },
  { category: 'advertising', src: 'https://pixel.example.org/pixel.js' },
];

export const CATEGORIES = {
  necessary: { required: true },
  analytics: { cookies: ['_ym_*', '_ga*'] },
  advertising: { cookies: ['tmr_*', 'px_*'] },
};

export const hosts = (requests: string[]) => [...new Set(requests.map((r) => new URL(r).hostname))].sort();

export const settle = (page: Page, ms = 300) => page.waitForTimeout(ms);

/** The texts of the page's console messages of one type, in the order they come. */
export function consoleMessages(page: Page, type: 'error' | 'warning'): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() == type) seen.push(m.text());
  });
  return seen;
}

/** The banner's or dialog's slide-in is over: boxes and colours measured now are the ones that stay. */
export const animationsDone = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState == 'finished'));
