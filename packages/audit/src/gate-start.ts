import type { Page } from 'playwright-core';
import { GATE_FILE } from '../../../src/gate/gate-file';
import type { Finding, GateStart } from './types';

interface Loaded {
  url: string;
  status?: number;
  statusText?: string;
  /** Chromium's reason when the request failed (net::ERR_…). */
  failure?: string;
}

/**
 * What the browser showed about the gate while the page loaded: each gate file's answer or network
 * failure, and the page's uncaught errors. Attached before the page is opened, since a script's
 * 404 and its error happen during the load.
 */
export class GateWatch {
  private loads = new Map<string, Loaded>();
  private errors: { message: string; stack: string }[] = [];

  constructor(page: Page) {
    page.on('response', (response) => {
      const url = response.url();
      // A redirect is followed by another response; the last one says what the browser ran.
      if (!GATE_FILE.test(url) || (response.status() >= 300 && response.status() < 400)) return;
      this.loads.set(url, { url, status: response.status(), statusText: response.statusText() });
    });
    page.on('requestfailed', (request) => {
      const url = request.url();
      // Chromium aborts a script it got an error status for: the status is the cause, not the abort.
      if (GATE_FILE.test(url) && !this.loads.get(url)?.status) this.loads.set(url, { url, failure: request.failure()?.errorText || 'failed' });
    });
    page.on('pageerror', (error) => this.errors.push({ message: `${error.name}: ${error.message}`, stack: error.stack || '' }));
  }

  /**
   * When the page meant to run Kelisim (its config, its script tag or its markup is there) but no
   * instance started, what it shows and why it did not start; undefined otherwise, and on a page
   * with no sign of Kelisim at all.
   */
  async check(page: Page): Promise<GateStart | undefined> {
    const seen = await page.evaluate((source) => {
      const gate = new RegExp(source);
      let config = false;
      try {
        config = (window as any).kelisimConfig !== undefined;
      } catch {
        config = true;
      }
      return {
        config,
        scripts: Array.from(document.scripts).map((s) => s.src).filter((src) => gate.test(src)),
        markup: !!document.querySelector('[data-kelisim]'),
      };
    }, GATE_FILE.source).catch(() => undefined);
    if (!seen) return undefined;
    const signs: GateStart['signs'] = [];
    if (seen.config) signs.push('config');
    if (seen.scripts.length || this.loads.size) signs.push('script');
    if (seen.markup) signs.push('markup');
    if (!signs.length) return undefined;

    const scripts = [...new Set([...seen.scripts, ...this.loads.keys()])];
    if (!scripts.length) return { signs, why: 'no-script' };
    const loads = scripts.map((url) => this.loads.get(url) || { url });
    const broken = loads.find((l) => l.status !== undefined && l.status >= 400);
    if (broken) return { signs, why: 'http-status', script: broken.url, status: broken.status, statusText: broken.statusText };
    const failed = loads.find((l) => l.failure);
    if (failed) return { signs, why: 'network', script: failed.url, error: failed.failure };
    // An error thrown by the gate names its file in the stack. A syntax error often has no stack
    // frame at all; with the gate loaded and Kelisim absent, the page's first such error is the
    // best lead there is.
    const thrown = this.errors.find((e) => scripts.some((url) => e.stack.includes(url)))
      || this.errors.find((e) => !/\n\s+at /.test(e.stack));
    const script = (loads.find((l) => l.status !== undefined) || loads[0]).url;
    if (thrown) return { signs, why: 'script-error', script, error: thrown.message.split('\n')[0].slice(0, 300) };
    const loaded = loads.find((l) => l.status !== undefined);
    return { signs, why: 'not-started', script, ...(loaded ? { status: loaded.status, statusText: loaded.statusText } : {}) };
  }
}

const SIGN: Record<GateStart['signs'][number], string> = {
  config: 'window.kelisimConfig',
  script: 'a kelisim.js script tag',
  markup: 'data-kelisim markup',
};

const status = (g: GateStart) => `HTTP ${`${g.status} ${g.statusText || ''}`.trim()}`;

/** Why the gate did not start, in English, for the finding's cause and the terminal. */
export function gateCause(g: GateStart): string {
  const tag = `<script src="${g.script}">`;
  switch (g.why) {
    case 'no-script': return `no <script src="…/kelisim.js"> on the page, only ${g.signs.map((s) => SIGN[s]).join(' and ')}`;
    case 'http-status': return `${tag} answered ${status(g)}`;
    case 'network': return `${tag} could not be fetched: ${g.error}`;
    case 'script-error': return `${tag} did not run: ${g.error}`;
    default: return g.status ? `${tag} loaded (${status(g)}) but no Kelisim instance started` : `${tag} was never loaded`;
  }
}

/** What to change, in English. */
export function gateFix(g: GateStart): string {
  const path = g.script ? new URL(g.script).pathname : '';
  switch (g.why) {
    case 'no-script': return 'Add the gate after the config: <script src="/assets/kelisim/kelisim.js" defer></script>, with the other files of dist/ (kelisim-ui.js, kelisim-prefs.js, …) in the same folder.';
    case 'http-status': return `Put dist/kelisim.js and the files beside it (kelisim-ui.js, kelisim-prefs.js, …) at ${path} so it answers 200, or correct the src in the tag.`;
    case 'network': return 'Make the script reachable from a visitor\'s browser: check the host in its src, the server, and any Content-Security-Policy rule.';
    case 'script-error': return `Replace ${path} with an unmodified copy of the package's dist/kelisim.js (the file is damaged, cut short or not the gate), then reload the page: the banner must appear.`;
    default: return 'Open the page with the browser console open and fix what it reports: the gate must put window.Kelisim on the page and show the banner.';
  }
}

/** The banner finding of a page whose Kelisim did not start. */
export const gateFinding = (g: GateStart): Finding => ({
  phase: 'before',
  kind: 'banner',
  vendor: 'Kelisim',
  purpose: 'necessary',
  name: 'banner',
  code: 'not-started',
  cause: `Kelisim did not start: ${gateCause(g)}`,
  fix: { category: 'necessary', how: 'gate', text: gateFix(g) },
  gate: g,
});
