// The benchmark's markdown report and the Kelisim targets checked against it.
import { VARIANTS } from './variants.mjs';
import { median, min, max, ms, spread, fmtBytes, triple, base } from './stats.mjs';

export const RATES = [1, 4];
export const ANCHOR = 'cookieconsent';
// Never heavier or slower than vanilla-cookieconsent on any visit: ratios to it, per CPU rate.
export const VISIBLE_RATIO = { 1: 0.6, 4: 0.8 };
export const SCRIPT_RATIO = 0.8;
// A returning visit is no target of its own, but "never slower" holds for it too.
export const RETURN_SCRIPT_RATIO = 1;
export const LIMITS = { returningGzip: 5120, firstGzip: 15360, cookieBytes: 100 };

/**
 * `R` holds each variant's aggregated numbers (see run.mjs), `header` the lines that describe the
 * run. Returns the markdown text and every target with whether it held.
 */
export function report({ R, selected, baseline, taskBaseline, header, footer }) {
  const cols = selected;
  const head = `| | ${cols.map((v) => VARIANTS[v].label).join(' | ')} |\n|---|${cols.map(() => '---:').join('|')}|`;
  const row = (name, f) => `| ${name} | ${cols.map((v) => f(v, R[v]) ?? '—').join(' | ')} |`;
  const hasLib = (v) => !!VARIANTS[v].files;
  const hasBanner = (v) => !!VARIANTS[v].banner;
  const counts = (c) => (c ? `${c.scripts} scripts, ${c.hits} hits` : '—');
  const clickCell = (c) => {
    if (!c) return '—';
    if (!c.shown) return '✗ no banner';
    if (!c.clicked) return `✗ ${c.note}`;
    return c.worked ? `✓ ${c.latency.toFixed(0)} ms` : `✗ ${c.latency == null ? 'no effect' : c.latency.toFixed(0) + ' ms'}`;
  };
  const ratio = (v, metric, r) => {
    const a = median(R[ANCHOR][metric][r]);
    const k = median(R[v][metric][r]);
    return a > 0 && k != null ? k / a : null;
  };

  const lines = [];
  lines.push(...header, '');
  lines.push(head);
  lines.push(row('First visit: library files', (v, x) => (hasLib(v) ? x.firstFiles.map(base).join(', ') + (x.filesVary ? ' (varied between runs)' : '') : v === 'static' ? 'inline in the page' : null)));
  lines.push(row('First visit: library bytes raw / gzip / brotli', (v, x) => (hasLib(v) ? triple(x.first) : null)));
  lines.push(row('First visit: of these, requested before the banner was visible; gzip', (v, x) => (hasLib(v) && x.bannerFiles.length ? `${x.bannerFiles.map(base).join(', ')}: ${fmtBytes(x.banner.gzip)}` : null)));
  lines.push(row('First visit: library transferred (HTTP gzip, with headers)', (v, x) => (hasLib(v) ? fmtBytes(x.transfer) : null)));
  lines.push(row('Page HTML raw / gzip / brotli (inline config included)', (v, x) => triple(x.html)));
  lines.push(row('Returning visit: library files', (v, x) => (hasLib(v) ? x.returnFiles.map(base).join(', ') || 'none' : null)));
  lines.push(row('Returning visit: library bytes raw / gzip / brotli', (v, x) => (hasLib(v) ? triple(x.returning) : null)));
  lines.push(row('Returning visit: banner shown / UI in the DOM', (v, x) => (hasBanner(v) ? `${x.ret.some((r) => r.returning.bannerShown) ? 'yes' : 'no'} / ${x.ret.some((r) => r.returning.uiInDom) ? 'yes' : 'no'}` : null)));
  for (const r of RATES) lines.push(row(`Banner visible after navigation start, CPU ${r}×: median (min–max), ms`, (v, x) => (hasBanner(v) ? spread(x.visible[r]) : null)));
  for (const r of RATES) lines.push(row(`Main-thread script time over baseline, CPU ${r}×: median (min–max), ms`, (v, x) => (v === 'none' ? `baseline ${ms(baseline[r])} (${ms(min(x.scriptAbs[r]))}–${ms(max(x.scriptAbs[r]))})` : spread(x.script[r]))));
  for (const r of RATES) lines.push(row(`Returning visit after “accept all”: main-thread script time over baseline, CPU ${r}×: median (min–max), ms`, (v, x) => (x.returnScript ? spread(x.returnScript[r]) : null)));
  for (const r of RATES) lines.push(row(`Main-thread task time (all work: script, style, layout, paint) over baseline, CPU ${r}×, ms`, (v, x) => (v === 'none' ? `baseline ${ms(taskBaseline[r])}` : spread(x.task[r]))));
  lines.push(row('CLS, worst run (runs with any shift)', (v, x) => `${Number(x.cls.toFixed(4))} (${x.shiftRuns}/${x.nRuns})`));
  lines.push(row('Counter requests before a choice (worst run)', (v, x) => counts(x.countersBefore)));
  for (const a of ['accept', 'reject']) lines.push(row(`Counter requests after “${a === 'accept' ? 'accept all' : 'reject all'}”`, (v, x) => (hasBanner(v) ? RATES.map((r) => counts(x.choices[`${a}@${r}`]?.after)).filter((s, i, all) => all.indexOf(s) === i).join(' / ') : null)));
  for (const a of ['accept', 'reject']) lines.push(row(`Returning visit after “${a === 'accept' ? 'accept all' : 'reject all'}”: counter requests`, (v, x) => (hasBanner(v) ? RATES.map((r) => counts(x.choices[`${a}@${r}`]?.returning?.counters)).filter((s, i, all) => all.indexOf(s) === i).join(' / ') : null)));
  for (const r of RATES) lines.push(row(`First click at once when visible, CPU ${r}×: accept / reject / preferences (click → effect)`, (v, x) => (hasBanner(v) ? ['accept', 'reject', 'preferences'].map((a) => clickCell(x.choices[`${a}@${r}`])).join(' / ') : null)));
  lines.push(row('Consent cookie name + value, bytes: after accept / after reject', (v, x) => (hasBanner(v) ? ['accept@1', 'reject@1'].map((k) => x.choices[k]?.cookieBytes ?? '—').join(' / ') : null)));
  lines.push('');

  const kel = selected.includes('kelisim') && selected.includes(ANCHOR);
  if (selected.includes(ANCHOR)) {
    lines.push(`Ratios to ${VARIANTS[ANCHOR].label} (median / median; the Kelisim targets: time to banner ≤ ${RATES.map((r) => `${VISIBLE_RATIO[r]} at ${r}×`).join(', ')}; script time ≤ ${SCRIPT_RATIO}):`);
    lines.push('');
    lines.push(`| | ${RATES.map((r) => `CPU ${r}×`).join(' | ')} |\n|---|${RATES.map(() => '---:').join('|')}|`);
    for (const v of selected.filter((x) => x !== ANCHOR && x !== 'none')) {
      lines.push(`| ${VARIANTS[v].label}: time to visible banner | ${RATES.map((r) => (ratio(v, 'visible', r) ?? NaN).toFixed(2)).join(' | ')} |`);
      lines.push(`| ${VARIANTS[v].label}: script time over baseline | ${RATES.map((r) => (ratio(v, 'script', r) ?? NaN).toFixed(2)).join(' | ')} |`);
      if (R[v].returnScript) lines.push(`| ${VARIANTS[v].label}: returning visit, script time over baseline | ${RATES.map((r) => (ratio(v, 'returnScript', r) ?? NaN).toFixed(2)).join(' | ')} |`);
    }
    lines.push('');
  }

  lines.push('Startup breakdown (medians, ms after navigation start): HTML received, first contentful paint, DOMContentLoaded, each library file requested–received, banner in the DOM, banner visible, load event');
  lines.push('');
  lines.push('| | CPU | HTML | FCP | DCL | library files requested–received | banner in DOM | banner visible | load |\n|---|---:|---:|---:|---:|---|---:|---:|---:|');
  for (const v of selected) {
    for (const r of RATES) {
      const b = R[v].breakdown[r];
      const libs = Object.entries(b.lib).map(([k, [s0, e]]) => `${k} ${ms(s0)}–${ms(e)}`).join(', ') || '—';
      lines.push(`| ${VARIANTS[v].label} | ${r}× | ${ms(b.htmlEnd)} | ${ms(b.fcp)} | ${ms(b.dcl)} | ${libs} | ${ms(b.inserted)} | ${ms(b.visible)} | ${ms(b.load)} |`);
    }
  }
  lines.push('');

  // ---------------------------------------------------------------- the Kelisim targets
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: !!ok, detail });
  if (selected.includes('kelisim')) {
    const k = R.kelisim;
    const onlyGate = k.ret.length > 0 && k.ret.every((r) => r.returning.files.length === 1 && r.returning.files[0] === '/dist/kelisim.js');
    check('Returning visit fetches only kelisim.js', onlyGate, k.returnFiles.join(', ') || 'nothing fetched');
    check(`Returning visit: kelisim.js ≤ ${LIMITS.returningGzip} B gzip`, k.returning.gzip <= LIMITS.returningGzip && onlyGate, `${k.returning.gzip} B`);
    check('Returning visit: no UI code runs (no UI chunk fetched, no banner or preferences in the DOM)',
      k.ret.length > 0 && k.ret.every((r) => !r.returning.uiInDom && !r.returning.bannerShown && !r.returning.files.some((f) => f !== '/dist/kelisim.js')),
      k.ret.map((r) => `${r.action}@${r.rate}×: ui ${r.returning.uiInDom ? 'in DOM' : 'absent'}`).join(', '));
    check(`First visit: everything fetched to show the banner ≤ ${LIMITS.firstGzip} B gzip`, k.banner.gzip <= LIMITS.firstGzip && k.bannerFiles.length > 0, `${k.banner.gzip} B (${k.bannerFiles.map(base).join(' + ')}, requested before the banner was visible)`);
    if (kel) {
      for (const r of RATES) {
        const rv = ratio('kelisim', 'visible', r);
        check(`Time to visible banner, CPU ${r}×: ≤ ${VISIBLE_RATIO[r]} × ${ANCHOR}`, rv != null && rv <= VISIBLE_RATIO[r],
          `${ms(median(k.visible[r]))} ms vs ${ms(median(R[ANCHOR].visible[r]))} ms = ${rv?.toFixed(2)}`);
        const rs = ratio('kelisim', 'script', r);
        check(`Script time over baseline, CPU ${r}×: ≤ ${SCRIPT_RATIO} × ${ANCHOR}`, rs != null && rs <= SCRIPT_RATIO,
          `${ms(median(k.script[r]))} ms vs ${ms(median(R[ANCHOR].script[r]))} ms = ${rs?.toFixed(2)}`);
        const rr = ratio('kelisim', 'returnScript', r);
        const kept = k.returnScript[r].length == k.visible[r].length;
        check(`Returning visit, script time over baseline, CPU ${r}×: ≤ ${RETURN_SCRIPT_RATIO} × ${ANCHOR}`, kept && rr != null && rr <= RETURN_SCRIPT_RATIO,
          `${ms(median(k.returnScript[r]))} ms vs ${ms(median(R[ANCHOR].returnScript[r]))} ms = ${rr?.toFixed(2)}${kept ? '' : ' (the banner showed again on some returning visits)'}`);
      }
    }
    check('CLS 0 in every run', k.cls === 0, `worst ${k.cls}, ${k.shiftRuns}/${k.nRuns} runs with a shift`);
    for (const r of RATES) for (const a of ['accept', 'reject', 'preferences']) {
      const c = k.choices[`${a}@${r}`];
      check(`First click on “${a}” at once when the banner is visible works, CPU ${r}×`, c && c.worked, `${clickCell(c)}${c && c.note ? ' ' + c.note : ''}`);
    }
    const cb = ['accept@1', 'reject@1', 'accept@4', 'reject@4'].map((x) => k.choices[x]?.cookieBytes);
    check(`Consent cookie ≤ ${LIMITS.cookieBytes} B (name + value)`, cb.every((x) => x != null && x <= LIMITS.cookieBytes), `${k.choices['accept@1']?.cookie ?? 'no cookie'} (${cb.join(', ')} B)`);
    // Sanity: the benchmark only means something if Kelisim does the job.
    check('Sanity: no counter request before a choice', k.countersBefore.scripts + k.countersBefore.hits === 0, counts(k.countersBefore));
    check('Sanity: both counters load after “accept all”, none after “reject all”',
      RATES.every((r) => k.choices[`accept@${r}`]?.after?.scripts === 2 && k.choices[`reject@${r}`]?.after && k.choices[`reject@${r}`].after.scripts + k.choices[`reject@${r}`].after.hits === 0),
      RATES.map((r) => `${r}×: ${counts(k.choices[`accept@${r}`]?.after)} / ${counts(k.choices[`reject@${r}`]?.after)}`).join('; '));
    check('Sanity: no uncaught error or console error', k.errors.length === 0, k.errors.slice(0, 3).join(' | ') || 'none');
  }
  if (checks.length) {
    lines.push('Kelisim targets:');
    lines.push('');
    for (const c of checks) lines.push(`- ${c.ok ? '✅' : '❌'} ${c.name}: ${c.detail}`);
    lines.push('');
  }
  const anchorProblems = [];
  for (const v of selected.filter((x) => x !== 'kelisim' && VARIANTS[x].banner)) {
    const x = R[v];
    if (x.visible[1].some((t) => t == null)) anchorProblems.push(`${v}: banner not visible in some runs`);
    if (x.countersBefore.scripts + x.countersBefore.hits) anchorProblems.push(`${v}: counters requested before a choice`);
    if (x.choices['accept@1']?.after?.scripts !== 2) anchorProblems.push(`${v}: counters did not load after accept`);
    if (x.returnScript && RATES.some((r) => x.returnScript[r].length < x.visible[r].length)) anchorProblems.push(`${v}: the banner showed again on some returning visits (left out of their script time)`);
    for (const e of x.errors) anchorProblems.push(`${v}: ${e}`);
  }
  if (anchorProblems.length) {
    lines.push('Notes on the other variants:');
    lines.push('');
    for (const p of [...new Set(anchorProblems)]) lines.push(`- ${p}`);
    lines.push('');
  }
  const moved = selected.flatMap((v) => [...new Set(R[v].moved)].map((m) => `${VARIANTS[v].label}: ${m}`));
  if (moved.length) {
    lines.push('Layout shifts seen (what moved, when, its box before → after):');
    lines.push('');
    for (const m of moved) lines.push(`- ${m}`);
    lines.push('');
  }
  lines.push('Notes:');
  lines.push('');
  lines.push('- vanilla-cookieconsent is configured with `hideFromBots: false` (by default it shows nothing to an automated browser). After inserting its modal it starts the fade-in from a fixed `setTimeout(…, 100)`; that delay is part of its time to a visible banner (compare “banner in DOM” and “banner visible” above).');
  lines.push('- Klaro is loaded as `klaro.js`, the build its docs use, with its CSS and translations inside the script.');
  lines.push('- “Visible” is the first animation frame in which the banner has a box on screen and is not hidden by display, visibility or opacity (a fade-in counts from its first non-zero opacity). Script and task times are CDP `Performance.getMetrics` (ScriptDuration, TaskDuration, in main-thread CPU time: `timeDomain: \'threadTicks\'`) read 500 ms after load and a visible banner, minus the median of the no-library page in the same run. Off-thread script compilation is not in them.');
  lines.push('- The machine is small and shared by the browser, its renderer and the Node runner, so single runs spread widely; compare medians from the same run.');
  lines.push('');

  for (const line of footer) lines.push(line);
  return { text: lines.join('\n') + '\n', checks };
}
