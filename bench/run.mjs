#!/usr/bin/env node
// `npm run bench`: Kelisim side by side with vanilla-cookieconsent 3.1.0 and Klaro 0.7.22, in
// Debian's Chromium driven by playwright-core, on one landing page configured for the same job.
// Prints a markdown report, writes it to bench/results.md, and exits 1 when a Kelisim target fails.
//
//   node bench/run.mjs [--runs N] [--variants kelisim,cookieconsent,…] [--out FILE] [--serve]
//
// See bench/README.md for what is measured and how.
import { readFileSync, writeFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { pageHtml } from './lib/pages.mjs';
import { probe } from './lib/probe.mjs';
import { VARIANTS, isCounterScript, isCounterHit } from './lib/variants.mjs';
import { median, max, sizesOf, sum, base } from './lib/stats.mjs';
import { report as buildReport, RATES } from './lib/report.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/ensure-chromium.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = findChromium();
const VIEWPORT = { width: 1280, height: 720 };
const SETTLE_MS = 500; // after load and a visible banner, before reading the metrics
const CHOICE_SETTLE_MS = 1000; // after a click, before counting counter requests
const CLICK_DEADLINE_MS = 1000; // a click must have taken effect by then
const BANNER_TIMEOUT_MS = 15000;

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf('--' + name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('runs', 9));
const OUT = path.resolve(opt('out', path.join(ROOT, 'bench/results.md')));
const JSON_OUT = opt('json', null); // every run's raw numbers, for a closer look
const ORDER = ['kelisim', 'cookieconsent', 'klaro', 'static', 'none'];
let selected = opt('variants', ORDER.join(',')).split(',').filter(Boolean);
for (const v of selected) if (!VARIANTS[v]) fail(`unknown variant ${v}; known: ${ORDER.join(', ')}`);
if (!selected.includes('none')) selected.push('none'); // script time is measured over it
selected = ORDER.filter((v) => selected.includes(v));
if (!Number.isInteger(RUNS) || RUNS < 1) fail('--runs takes a positive integer');
if (RUNS < 7) console.error(`bench: ${RUNS} runs per variant and CPU setting; the report asks for at least 7`);

function fail(message) {
  console.error('bench: ' + message);
  process.exit(2);
}

// ---------------------------------------------------------------- helpers
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const fileSizes = (paths) => sum(paths.map((p) => sizesOf(readFileSync(path.join(ROOT, p)))));
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- preconditions
if (selected.includes('kelisim')) {
  const gate = path.join(ROOT, 'dist/kelisim.js');
  if (!existsSync(gate)) fail('dist/kelisim.js is missing: run `npm run build` first');
  if (!existsSync(path.join(ROOT, 'dist/kelisim-ui.js'))) fail('dist/kelisim-ui.js is missing: run `npm run build` first');
  const built = statSync(gate).mtimeMs;
  const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
  const srcDirs = ['src', 'styles'].map((d) => path.join(ROOT, d)).filter(existsSync);
  if (srcDirs.some((d) => newest(d) > built)) log('bench: warning: src/ or styles/ changed after dist/kelisim.js was built; run `npm run build` for current numbers');
}
if (!CHROMIUM) fail('no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');

const server = await startServer(ROOT);
const pageUrl = (v) => `${server.origin}/bench/page/${v}.html`;

if (argv.includes('--serve')) {
  for (const v of selected) console.log(pageUrl(v));
  console.log('serving; Ctrl-C to stop');
  await new Promise(() => {});
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const started = Date.now();
const loadStart = os.loadavg()[0];

// ---------------------------------------------------------------- one page visit
/**
 * A fresh browser context (no cache, no cookies) with the probe, CDP Performance metrics and the
 * CPU throttling rate. Requests to our server are recorded with the phase they happened in.
 */
/** A CDP session on `page` that reads its script time, with the CPU slowed by `rate`. */
async function timedSession(ctx, page, rate) {
  const cdp = await ctx.newCDPSession(page);
  // Thread time, not wall time: the main thread's own CPU time, so that other processes on this
  // small machine (the browser's, the runner's, anyone else's) do not count as the page's script.
  // CPU throttling still shows in it (it grows about as much as wall time does).
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

async function openContext(variant, rate) {
  const v = VARIANTS[variant];
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  await ctx.addInitScript(probe, { banner: v.banner ?? null, ui: v.ui ?? null });
  const page = await ctx.newPage();
  const cdp = await timedSession(ctx, page, rate);
  const state = { phase: 'first', requests: [], errors: [], visible: null, onVisible: null };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin) state.requests.push({ path: u.pathname, request: r, phase: state.phase });
  });
  page.on('pageerror', (e) => state.errors.push(`${state.phase}: uncaught ${e.message}`));
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('__bench:visible:')) {
      state.visible = Number(t.slice(16));
      state.onVisible?.();
    } else if (m.type() === 'error' || m.type() === 'warning') state.errors.push(`${state.phase}: console.${m.type()} ${t}`);
  });
  const visible = () => new Promise((resolve) => {
    if (state.visible != null) return resolve(true);
    const timer = setTimeout(() => resolve(false), BANNER_TIMEOUT_MS);
    state.onVisible = () => { clearTimeout(timer); state.onVisible = null; resolve(true); };
  });
  return { v, ctx, page, cdp, state, visible };
}

const libPaths = (variant, requests, phase) => {
  const re = VARIANTS[variant].files;
  return re ? [...new Set(requests.filter((r) => r.phase === phase && re.test(r.path)).map((r) => r.path))] : [];
};
const counterCount = (requests, phase, pred = () => true) => {
  const rs = requests.filter((r) => r.phase === phase && pred(r));
  return { scripts: rs.filter((r) => isCounterScript(r.path)).length, hits: rs.filter((r) => isCounterHit(r.path)).length };
};

/** A cold visit, untouched: time to a visible banner, script time, CLS, bytes, startup breakdown. */
async function timingRun(variant, rate) {
  const { v, ctx, page, cdp, state, visible } = await openContext(variant, rate);
  try {
    await page.goto(pageUrl(variant), { waitUntil: 'load' });
    if (v.banner) await visible();
    await sleep(SETTLE_MS);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const b = await page.evaluate((re) => {
      const rx = re && new RegExp(re);
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const lib = performance.getEntriesByType('resource')
        .filter((e) => rx && rx.test(new URL(e.name).pathname))
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
      return { ...window.__bench, htmlEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null, lib };
    }, v.files ? v.files.source : null);
    const lib = state.requests.filter((r) => v.files && v.files.test(r.path));
    let transfer = 0;
    for (const r of lib) {
      const s = await r.request.sizes();
      transfer += s.responseBodySize + s.responseHeadersSize;
    }
    return {
      visible: v.banner ? state.visible : null,
      inserted: b.inserted,
      script: metrics.ScriptDuration * 1000,
      task: metrics.TaskDuration * 1000,
      cls: b.cls,
      shifts: b.shifts,
      moved: b.moved,
      files: libPaths(variant, state.requests, 'first'),
      // What the banner waited for: library files requested before it was first visible.
      bannerFiles: v.banner ? b.lib.filter((e) => e.start < state.visible).map((e) => e.path) : [],
      transfer,
      counters: counterCount(state.requests, 'first'),
      htmlEnd: b.htmlEnd, dcl: b.dcl, load: b.load, fcp: b.fcp, lib: b.lib,
      errors: state.errors,
    };
  } finally {
    await ctx.close();
  }
}

/**
 * A cold visit, clicking `action` (accept | reject | preferences) with a real mouse click at the
 * button's centre as soon as the banner is first visible. Then, for accept and reject: the counter
 * requests that follow, the consent cookie, and a returning visit in the same context.
 */
async function choiceRun(variant, rate, action) {
  const { v, ctx, page, state, visible } = await openContext(variant, rate);
  const out = { action, rate, shown: false, clicked: false, worked: false, latency: null, errors: state.errors };
  try {
    await page.goto(pageUrl(variant), { waitUntil: 'commit' });
    if (!(await visible())) return out;
    out.shown = true;
    const sel = v[action];
    const point = await page.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, sinceVisible: performance.now() - window.__bench.visible };
    }, sel);
    if (!point) { out.note = `no ${sel} in the banner`; return out; }
    const before = counterCount(state.requests, 'first');
    await page.mouse.click(point.x, point.y);
    out.clicked = true;
    out.clickDelay = point.sinceVisible;
    out.latency = await page.waitForFunction(({ action, banner, root, cookie }) => {
      const shown = (s) => {
        const el = document.querySelector(s);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const c = window.__bench.click;
      const done = action === 'preferences'
        ? shown(root)
        : !shown(banner) && document.cookie.split('; ').some((p) => p.startsWith(cookie + '='));
      return done && c ? performance.now() - c.at : false;
    }, { action, banner: v.banner, root: v.preferencesRoot, cookie: v.cookie }, { timeout: CLICK_DEADLINE_MS * rate, polling: 'raf' })
      .then((h) => h.jsonValue())
      .catch(() => null);
    out.worked = out.latency != null && out.latency <= CLICK_DEADLINE_MS;
    if (!out.worked) out.note = JSON.stringify(await page.evaluate(() => window.__bench.click)) ?? 'no click reached the page';
    if (action === 'preferences') return out;

    await sleep(CHOICE_SETTLE_MS);
    const after = counterCount(state.requests, 'first');
    out.before = before;
    out.after = { scripts: after.scripts - before.scripts, hits: after.hits - before.hits };
    const cookie = (await ctx.cookies()).find((c) => c.name === v.cookie);
    out.cookieBytes = cookie ? Buffer.byteLength(cookie.name) + Buffer.byteLength(cookie.value) : null;
    out.cookie = cookie ? `${cookie.name}=${cookie.value}` : null;

    // The returning visit: same context, so the consent cookie is there (the HTTP cache is not:
    // the server says no-store, so every file the page needs is fetched and seen here).
    state.phase = 'return';
    state.visible = null;
    await page.goto(pageUrl(variant), { waitUntil: 'load' });
    await sleep(CHOICE_SETTLE_MS);
    const b = await page.evaluate(() => window.__bench);
    out.returning = {
      files: libPaths(variant, state.requests, 'return'),
      bannerShown: b.visible != null,
      uiInDom: b.uiEver,
      counters: counterCount(state.requests, 'return'),
    };
    return out;
  } finally {
    await ctx.close();
  }
}

/**
 * A returning visit after "accept all", timed on its own: the choice is made in one tab, then the
 * page is opened in a second tab of the same context (the cookie is there, nothing is cached) and
 * its script time is read as on a first visit.
 */
async function returnRun(variant, rate) {
  const { v, ctx, page, visible } = await openContext(variant, rate);
  try {
    await page.goto(pageUrl(variant), { waitUntil: 'load' });
    if (!(await visible())) return null;
    await page.click(v.accept);
    await sleep(SETTLE_MS);
    await page.close();
    const tab = await ctx.newPage();
    const cdp = await timedSession(ctx, tab, rate);
    await tab.goto(pageUrl(variant), { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    // A banner here means the choice was not kept: this was no returning visit.
    if (await tab.evaluate(() => window.__bench.visible != null)) return null;
    return metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------- the runs
log(`bench: Chromium ${browser.version()}, ${RUNS} cold runs × ${selected.length} variants × CPU ${RATES.join('×, ')}×`);
const timing = Object.fromEntries(selected.map((v) => [v, Object.fromEntries(RATES.map((r) => [r, []]))]));

// Warm-up, not recorded: the browser binary, the server's gzip cache and the OS file cache.
for (const v of selected) await timingRun(v, 1);

for (const rate of RATES) {
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order so that no variant always runs first or right after a heavy one.
    const order = selected.map((_, k) => selected[(k + i) % selected.length]);
    for (const v of order) timing[v][rate].push(await timingRun(v, rate));
    log(`bench: CPU ${rate}×, run ${i + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

const returning = Object.fromEntries(selected.filter((v) => VARIANTS[v].banner).map((v) => [v, Object.fromEntries(RATES.map((r) => [r, []]))]));
for (const rate of RATES) {
  for (let i = 0; i < RUNS; i++) {
    const order = Object.keys(returning).map((_, k, all) => all[(k + i) % all.length]);
    for (const v of order) {
      const script = await returnRun(v, rate);
      if (script != null) returning[v][rate].push(script);
    }
  }
  log(`bench: CPU ${rate}×, returning-visit runs done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const choices = {};
for (const v of selected.filter((x) => VARIANTS[x].banner)) {
  choices[v] = {};
  for (const rate of RATES) {
    for (const action of ['accept', 'reject', 'preferences']) choices[v][`${action}@${rate}`] = await choiceRun(v, rate, action);
  }
  log(`bench: first-click, counter and returning-visit runs done for ${v} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const chromiumVersion = browser.version();
await browser.close();
await server.close();

// ---------------------------------------------------------------- aggregate
const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [, os.cpus()[0]?.model || 'unknown'])[1];
const baseline = Object.fromEntries(RATES.map((r) => [r, median(timing.none[r].map((x) => x.script))]));
const taskBaseline = Object.fromEntries(RATES.map((r) => [r, median(timing.none[r].map((x) => x.task))]));
const R = {};
for (const v of selected) {
  const runs = RATES.flatMap((r) => timing[v][r]);
  const firstFiles = [...new Set(runs.flatMap((x) => x.files))]; // in request order
  const filesVary = new Set(runs.map((x) => x.files.slice().sort().join(','))).size > 1;
  const bannerFiles = firstFiles.filter((f) => runs.some((x) => x.bannerFiles.includes(f)));
  const c = choices[v] || {};
  const ret = [c['accept@1'], c['accept@4'], c['reject@1'], c['reject@4']].filter((x) => x && x.returning);
  const returnFiles = [...new Set(ret.flatMap((x) => x.returning.files))];
  const html = Buffer.from(pageHtml(v));
  R[v] = {
    firstFiles, filesVary,
    first: fileSizes(firstFiles),
    bannerFiles,
    banner: fileSizes(bannerFiles),
    transfer: median(timing[v][1].map((x) => x.transfer)),
    html: sizesOf(html),
    returnFiles,
    returning: fileSizes(returnFiles),
    ret,
    visible: Object.fromEntries(RATES.map((r) => [r, timing[v][r].map((x) => x.visible)])),
    script: Object.fromEntries(RATES.map((r) => [r, timing[v][r].map((x) => x.script - baseline[r])])),
    scriptAbs: Object.fromEntries(RATES.map((r) => [r, timing[v][r].map((x) => x.script)])),
    returnScript: returning[v] && Object.fromEntries(RATES.map((r) => [r, returning[v][r].map((x) => x - baseline[r])])),
    task: Object.fromEntries(RATES.map((r) => [r, timing[v][r].map((x) => x.task - taskBaseline[r])])),
    taskAbs: Object.fromEntries(RATES.map((r) => [r, timing[v][r].map((x) => x.task)])),
    cls: max(runs.map((x) => x.cls)),
    shiftRuns: runs.filter((x) => x.shifts > 0).length,
    moved: runs.flatMap((x) => x.moved),
    nRuns: runs.length,
    countersBefore: runs.reduce((a, x) => ({ scripts: Math.max(a.scripts, x.counters.scripts), hits: Math.max(a.hits, x.counters.hits) }), { scripts: 0, hits: 0 }),
    choices: c,
    errors: [...new Set([...runs.flatMap((x) => x.errors), ...Object.values(c).flatMap((x) => x.errors)])],
    breakdown: Object.fromEntries(RATES.map((r) => {
      const t = timing[v][r];
      const libStart = {};
      const libEnd = {};
      for (const x of t) for (const l of x.lib) {
        (libStart[base(l.path)] ||= []).push(l.start);
        (libEnd[base(l.path)] ||= []).push(l.end);
      }
      return [r, {
        htmlEnd: median(t.map((x) => x.htmlEnd)), fcp: median(t.map((x) => x.fcp)), dcl: median(t.map((x) => x.dcl)),
        load: median(t.map((x) => x.load)), inserted: median(t.map((x) => x.inserted)), visible: median(t.map((x) => x.visible)),
        lib: Object.fromEntries(Object.entries(libEnd).map(([k, xs]) => [k, [median(libStart[k]), median(xs)]])),
      }];
    })),
  };
}

// ---------------------------------------------------------------- the report
const header = [
  '# Kelisim benchmark',
  '',
  `- Date: ${new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`,
  `- Browser: Chromium ${chromiumVersion} (${CHROMIUM}), headless, via playwright-core ${JSON.parse(readFileSync(path.join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version}; viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
  `- CPU: ${cpuModel}, ${os.cpus().length} cores; Node ${process.version}; 1-minute load average ${loadStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`,
  `- ${RUNS} cold runs per variant and CPU setting (fresh browser context: no cache, no cookies), CPU 1× and ${RATES[1]}× (CDP Emulation.setCPUThrottlingRate); pages served gzip-encoded from 127.0.0.1`,
  '- Same job everywhere: three categories (necessary, analytics, advertising), Russian texts, one gated stand-in counter per optional category',
];
const footer = [`Total run time: ${((Date.now() - started) / 1000).toFixed(0)} s. How it is measured: bench/README.md.`];
const { text: report, checks } = buildReport({ R, selected, baseline, taskBaseline, header, footer });

if (JSON_OUT) writeFileSync(path.resolve(JSON_OUT), JSON.stringify({ timing, choices, baseline, taskBaseline }, (k, val) => (k === 'request' ? undefined : val), 1));
writeFileSync(OUT, report);
// `--readme`: the repository README shows the latest full run between its bench markers.
if (argv.includes('--readme')) {
  const readme = path.join(ROOT, 'README.md');
  const body = report.replace(/^# Kelisim benchmark\n\n/, '');
  const text = readFileSync(readme, 'utf8');
  if (!/<!-- bench:start -->[\s\S]*<!-- bench:end -->/.test(text)) fail('README.md has no <!-- bench:start --> … <!-- bench:end --> markers');
  writeFileSync(readme, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, () => `<!-- bench:start -->\n${body}<!-- bench:end -->`));
  log('bench: README.md updated');
}
console.log(report);
const failed = checks.filter((c) => !c.ok);
if (failed.length) {
  console.error(`bench: ${failed.length} Kelisim target(s) failed:`);
  for (const c of failed) console.error(`  - ${c.name}: ${c.detail}`);
  process.exit(1);
}
