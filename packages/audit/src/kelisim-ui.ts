import type { Page } from 'playwright-core';

/** Kelisim's stable DOM hooks (DESIGN.md, "DOM hooks"): the only way the audit touches the banner. */
export const BANNER = '[data-kelisim-banner]';
export const PREFERENCES = '[data-kelisim-preferences]';
export const action = (name: string) => `[data-kelisim-action="${name}"]`;

/** Kelisim runs on the page: its instance or its banner is there. */
export const hasKelisim = (page: Page) =>
  page.evaluate(() => {
    const k = (window as any).Kelisim;
    return !!(k && typeof k.getConsent == 'function') || !!document.querySelector('[data-kelisim-banner]');
  }).catch(() => false);

/** Waits for the banner to be visible; false when it never shows. */
export const bannerShown = (page: Page, timeout = 5000) =>
  page.locator(BANNER).first().waitFor({ state: 'visible', timeout }).then(() => true, () => false);

/** The banner is gone or hidden within `timeout`. */
export const bannerClosed = (page: Page, timeout = 3000) =>
  page.locator(BANNER).first().waitFor({ state: 'hidden', timeout }).then(() => true, () => false);

/** The recorded choice's categories, or null when none is recorded. */
export const recordedChoice = (page: Page): Promise<string[] | null> =>
  page.evaluate(() => {
    const k = (window as any).Kelisim;
    const record = k && typeof k.getConsent == 'function' ? k.getConsent() : null;
    return record && Array.isArray(record.categories) ? record.categories.slice() : null;
  }).catch(() => null);

/** Names of the categories the preferences dialog can switch (required ones are disabled). */
export const optionalCategories = (page: Page): Promise<string[]> =>
  page.$$eval('input[type=checkbox][data-kelisim-category]:not(:disabled)',
    (inputs) => inputs.map((i) => i.getAttribute('data-kelisim-category') || '')).catch(() => []);
