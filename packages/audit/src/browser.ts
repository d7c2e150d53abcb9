import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
// @ts-expect-error: a plain ESM script without declarations, shared with the library's browser tests
import { CHROMIUM_ARGS } from '../../../scripts/chromium-args.mjs';

/** `CHROME_PATH`, then the distributions' Chromium and Chrome, then one Playwright installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // An explicit path that is wrong is an error to report, not a hint to look elsewhere.
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // No Playwright-managed browser registered: fine, the list above is tried.
  }
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export const NO_BROWSER = [
  'kelisim-audit needs Chromium or Google Chrome, and none was found.',
  'Install one of these, then run the audit again:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  Fedora:         sudo dnf install chromium',
  '  macOS:          brew install --cask chromium   (or install Google Chrome)',
  '  any system:     npx playwright install chromium',
  'or point CHROME_PATH at an existing Chromium or Chrome binary:',
  '  CHROME_PATH=/path/to/chrome npx kelisim-audit https://example.kz/',
].join('\n');

export interface LaunchOptions {
  executablePath: string;
  resolve?: string;
  insecure?: boolean;
}

export interface PhaseBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh browser with an empty profile for one phase. A regular profile rather than Playwright's
 * incognito-like context: incognito blocks third-party cookies, which a visitor's Chrome accepts by
 * default, so the audit would miss what an embedded player or pixel sets. `cookie_controls_mode: 0`
 * is Chrome's "allow third-party cookies" setting, written where Chrome reads its preferences.
 */
export async function launchPhase(options: LaunchOptions): Promise<PhaseBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'kelisim-audit-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const args: string[] = [...CHROMIUM_ARGS];
  if (options.resolve) args.push(`--host-resolver-rules=${options.resolve}`);
  if (options.insecure) args.push('--ignore-certificate-errors');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: options.executablePath,
      headless: true,
      args,
      ignoreHTTPSErrors: !!options.insecure,
      viewport: { width: 1280, height: 800 },
      locale: 'ru-RU',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
