import type { Page, Response } from 'playwright-core';
import { launchPhase, type PhaseBrowser } from './browser';
import { Recorder } from './capture';
import { buildPhase } from './findings';
import { gateFinding, GateWatch } from './gate-start';
import { action, bannerClosed, bannerShown, hasKelisim, optionalCategories, PREFERENCES, recordedChoice } from './kelisim-ui';
import { sameSite } from './map/site';
import type { AuditOptions, Finding, Phase, PhaseName } from './types';

/** The page could not be audited at all (no browser start, no page load, an HTTP error status). */
export class AuditError extends Error {}

export interface Session {
  browser: PhaseBrowser;
  recorder: Recorder;
  page: Page;
  visited: string[];
}

export interface PhaseRun {
  phase: Phase;
  /** Banner findings: a reject button that is missing, does not close the banner or records nothing. */
  banner: Finding[];
  kelisim: boolean;
  session: Session;
}

export interface BeforeRun extends PhaseRun {
  /** The page carries Kelisim's config, script or markup, but no Kelisim started (`banner` holds the finding). */
  notStarted?: Finding;
}

export const DEFAULT_SETTLE = 1000;
const settleTime = (options: AuditOptions) => options.settle ?? DEFAULT_SETTLE;

async function open(options: AuditOptions): Promise<Session> {
  let browser: PhaseBrowser;
  try {
    browser = await launchPhase(options);
  } catch (error) {
    throw new AuditError(`Chromium did not start (${options.executablePath}): ${(error as Error).message.split('\n')[0]}`);
  }
  const recorder = await Recorder.attach(browser.context);
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  return { browser, recorder, page, visited: [] };
}

/** Network quiet, then the settle time for timers that fire after load. */
async function rest(session: Session, options: AuditOptions) {
  await session.recorder.networkQuiet(session.page);
  await session.page.waitForTimeout(settleTime(options));
}

interface Go {
  /** Wait for the network to go quiet and the settle time. */
  settle?: boolean;
  /** A link the visitor follows may be broken and is audited as it is; the audited page may not. */
  anyStatus?: boolean;
}

async function go(session: Session, url: string, options: AuditOptions, { settle = true, anyStatus = false }: Go = {}) {
  let response: Response | null;
  try {
    response = await session.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  } catch (error) {
    throw new AuditError(`Could not load ${url}: ${(error as Error).message.split('\n')[0]}`);
  }
  // An error page opens like any other, and a 404 page with no counters would pass as clean.
  // `goto` follows redirects, so this is the status of the document the visitor would get.
  if (!anyStatus && response && response.status() >= 400) {
    const status = `${response.status()} ${response.statusText()}`.trim();
    const where = response.url() == new URL(url).href.split('#')[0] ? '' : ` (redirected to ${response.url()})`;
    throw new AuditError(`The server answered HTTP ${status}${where}: an error page is not the page to audit. Check the address and that the page opens in a browser.`);
  }
  // A third-party resource that never finishes must not fail the audit: what it did is recorded anyway.
  await session.page.waitForLoadState('load', { timeout: 15_000 }).catch(() => undefined);
  session.visited.push(session.page.url());
  if (settle) await rest(session, options);
}

const screenshot = (page: Page) =>
  page.screenshot({ type: 'jpeg', quality: 55, timeout: 10_000 })
    .then((png) => 'data:image/jpeg;base64,' + png.toString('base64'), () => undefined);

/** Scrolls to the end in viewport steps, so lazy embeds and scroll-triggered pixels show up. */
async function scrollToEnd(page: Page) {
  for (let i = 0; i < 30; i++) {
    const more = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight);
      return window.scrollY > before;
    }).catch(() => false);
    if (!more) break;
    await page.waitForTimeout(150);
  }
}

/** A visitor reads one more page: the first same-site link to another URL. */
async function browseOnce(session: Session, site: string, options: AuditOptions) {
  const here = session.page.url().split('#')[0];
  const links = await session.page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href)).catch(() => [] as string[]);
  const next = links.find((href) => {
    try {
      const u = new URL(href);
      return /^https?:$/.test(u.protocol) && sameSite(u.hostname, site) && href.split('#')[0] != here
        && !/\.(pdf|zip|docx?|xlsx?|jpe?g|png|mp4)$/i.test(u.pathname);
    } catch {
      return false;
    }
  });
  if (next) await go(session, next, options, { anyStatus: true }).catch(() => undefined);
}

async function snapshot(name: PhaseName, session: Session, site: string, options: AuditOptions, shot?: string): Promise<Phase> {
  const cookies = await session.recorder.cookies(session.page);
  const storage = await session.recorder.storage(session.page);
  // The page may name its consent cookie (`cookie.name`); it is Kelisim's own either way.
  const consentCookie = await session.page.evaluate(() => {
    const config = (window as any).kelisimConfig;
    const name = config && config.cookie && config.cookie.name;
    return typeof name == 'string' ? name : undefined;
  }).catch(() => undefined);
  const phase = buildPhase(name, session.recorder, { cookies, storage, consentCookie }, site, session.visited.slice(), options.cookieValues);
  phase.screenshot = shot;
  return phase;
}

async function closeOnError<T>(session: Session, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await session.browser.close();
    throw error;
  }
}

interface Problem {
  code: string;
  text: string;
}

const bannerFinding = (phase: PhaseName, { code, text }: Problem, name = 'reject-all'): Finding =>
  ({ phase, kind: 'banner', vendor: 'Kelisim', purpose: 'necessary', name, cause: text, code });

/** Phase 1: load, wait, scroll to the end. No click. */
export async function before(url: string, site: string, options: AuditOptions): Promise<BeforeRun> {
  const session = await open(options);
  return closeOnError(session, () => beforeIn(session, url, site, options));
}

async function beforeIn(session: Session, url: string, site: string, options: AuditOptions): Promise<BeforeRun> {
  const watch = new GateWatch(session.page);
  await go(session, url, options);
  const kelisim = await hasKelisim(session.page);
  const banner: Finding[] = [];
  if (kelisim && !(await bannerShown(session.page))) {
    banner.push(bannerFinding('before', { code: 'no-banner', text: 'Kelisim is on the page but its banner did not appear, so no visitor can make a choice.' }, 'banner'));
  }
  // A page meant to run Kelisim whose gate failed has no banner either: said, with the cause.
  const start = kelisim ? undefined : await watch.check(session.page);
  const notStarted = start && gateFinding(start);
  if (notStarted) banner.push(notStarted);
  const shot = await screenshot(session.page);
  await scrollToEnd(session.page);
  await rest(session, { ...options, settle: Math.min(settleTime(options), 500) });
  return { phase: await snapshot('before', session, site, options, shot), banner, kelisim, session, ...(notStarted ? { notStarted } : {}) };
}

/** Phases 2 and 3: one click on the banner, then a reload and one more page. */
export async function choose(choice: 'reject' | 'accept', url: string, site: string, options: AuditOptions): Promise<PhaseRun> {
  const session = await open(options);
  return closeOnError(session, () => chooseIn(session, choice, url, site, options));
}

async function chooseIn(session: Session, choice: 'reject' | 'accept', url: string, site: string, options: AuditOptions): Promise<PhaseRun> {
  // What the page does before the click was the first phase's business: no settle time here.
  await go(session, url, options, { settle: false });
  const problems: Problem[] = [];
  const problem = (code: string, text: string) => problems.push({ code, text });
  const button = session.page.locator(action(choice == 'reject' ? 'reject-all' : 'accept-all')).first();
  if (!(await bannerShown(session.page))) problem('no-banner', 'The banner did not appear.');
  else if (!(await button.count())) problem('no-button', `The banner has no ${choice} button ([data-kelisim-action="${choice}-all"]).`);
  else {
    const clicked = await button.click({ timeout: 3000 }).then(() => true, (e: Error) => {
      problem('click-failed', `The ${choice} button could not be clicked: ${e.message.split('\n')[0]}`);
      return false;
    });
    if (clicked) {
      const closed = await bannerClosed(session.page);
      const recorded = await recordedChoice(session.page);
      if (!closed) problem('not-closed', `Clicking the ${choice} button did not close the banner.`);
      if (!recorded) problem('no-choice', `Clicking the ${choice} button recorded no choice.`);
      else if (choice == 'reject') {
        const extra = await session.page.evaluate((allowed) => {
          const categories = (window as any).kelisimConfig && (window as any).kelisimConfig.categories;
          return categories ? allowed.filter((name) => !(categories[name] && categories[name].required)) : [];
        }, recorded).catch(() => [] as string[]);
        if (extra.length) problem('consent-on-reject', `Clicking the reject button recorded consent to: ${extra.join(', ')}.`);
      }
    }
  }
  await session.recorder.networkQuiet(session.page);
  try {
    await session.page.reload({ waitUntil: 'domcontentloaded', timeout: 30_000 });
    await session.page.waitForLoadState('load', { timeout: 15_000 }).catch(() => undefined);
    session.visited.push(session.page.url());
  } catch {
    // A failed reload still leaves the page to audit.
  }
  await rest(session, options);
  await browseOnce(session, site, options);
  const shot = await screenshot(session.page);
  const phase = await snapshot(choice, session, site, options, shot);
  const banner = choice == 'reject' ? problems.map((p) => bannerFinding('reject', p)) : [];
  if (choice == 'accept') phase.notes.push(...problems.map((p) => ({ code: 'accept-problem' as const, subject: p.text, text: p.text })));
  return { phase, banner, kelisim: true, session };
}

/** Phase 4: after accepting, switch every optional purpose off in the preferences and save. */
export async function withdraw(session: Session, url: string, site: string, options: AuditOptions): Promise<PhaseRun> {
  const { page } = session;
  const banner: Finding[] = [];
  // The accept phase ended on the page the visitor browsed to, which may not carry Kelisim at all:
  // the visitor comes back to the audited page to withdraw, so its own settings are the ones tried.
  // Its counters have run again by the time the network is quiet, as they would for the visitor.
  await go(session, url, options, { settle: false });
  await session.recorder.networkQuiet(page);
  const opened = await page.evaluate(() => {
    const k = (window as any).Kelisim;
    if (k && typeof k.showPreferences == 'function') {
      k.showPreferences();
      return true;
    }
    const button = document.querySelector<HTMLElement>('[data-kelisim="preferences"]');
    if (button) button.click();
    return !!button;
  }).catch(() => false);
  const shown = opened && (await page.locator(PREFERENCES).first().waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false));
  session.recorder.reset();
  session.visited = [];
  if (!shown) {
    banner.push(bannerFinding('withdraw', { code: 'no-preferences', text: 'The preferences dialog did not open, so consent cannot be withdrawn.' }, 'preferences'));
  } else {
    for (const name of await optionalCategories(page)) {
      const box = page.locator(`input[type=checkbox][data-kelisim-category="${name}"]`).first();
      if (await box.isChecked().catch(() => false)) await box.click({ timeout: 3000 }).catch(() => undefined);
    }
    // Kelisim reloads by itself when a withdrawn script already ran (reloadOnWithdraw).
    const reload = page.waitForEvent('load', { timeout: 2000 }).catch(() => undefined);
    await page.locator(`${PREFERENCES} ${action('save')}`).first().click({ timeout: 3000 }).catch(() => {
      banner.push(bannerFinding('withdraw', { code: 'no-save', text: 'The preferences dialog has no working save button.' }, 'save'));
    });
    await reload;
    await session.recorder.networkQuiet(page);
    // Then the visitor goes on reading: whatever sets the cookies again shows up now.
    await page.reload({ waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    session.visited.push(page.url());
  }
  await rest(session, options);
  const shot = await screenshot(page);
  const phase = await snapshot('withdraw', session, site, options, shot);
  const recorded = await recordedChoice(page);
  const optional = (purpose: string) => purpose != 'necessary' && purpose != 'unknown';
  const still = recorded ? await page.evaluate((allowed) => {
    const categories = (window as any).kelisimConfig && (window as any).kelisimConfig.categories;
    return categories ? allowed.filter((name) => !(categories[name] && categories[name].required)) : [];
  }, recorded).catch(() => [] as string[]) : [];
  if (shown && still.length) {
    phase.notes.push({ code: 'still-allowed', subject: still.join(', '), text: `After withdrawal the recorded choice still allows: ${still.join(', ')}.` });
  }
  for (const c of phase.cookies) {
    if (c.firstParty || !optional(c.purpose)) continue;
    const subject = `${c.name} (${c.domain}, ${c.vendor})`;
    phase.notes.push({ code: 'third-party-stays', subject, text: `Third-party cookie ${subject} stays: a site cannot delete another domain's cookies; the vendor's own site can.` });
  }
  for (const s of phase.storage) {
    if (!s.firstParty || !optional(s.purpose)) continue;
    const subject = `${s.area} ${s.key} (${s.vendor})`;
    phase.notes.push({ code: 'storage-stays', subject, text: `Storage key ${subject} stays after withdrawal.` });
  }
  return { phase, banner, kelisim: true, session };
}
