import { ID_WHERE } from '../map/ids';
import type { AuditResult, Finding, Lang, Phase } from '../types';
import { messages, type Messages } from './messages';
import { STYLE } from './style';

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) =>
  ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A section's name. With several pages in one report the same headings repeat, so each landmark
 * is named with its page too (axe: landmark-unique).
 */
const labelled = (headingId: string, text: string, scope: string) =>
  (scope ? `aria-label="${escape(text + scope)}"` : `aria-labelledby="${headingId}"`);

const localCause = (m: Messages, cause: string) => m.cause.reduce((text, [re, to]) => text.replace(re, to), cause);

function fixText(m: Messages, finding: Finding): string {
  const fix = finding.fix;
  if (!fix) return '';
  if (fix.how == 'gate' && finding.gate) return escape(m.gateFix(finding.gate));
  if (fix.how == 'counter' && fix.preset) {
    const code = `[{ category: '${fix.category}', preset: '${fix.preset}', id: '${fix.id || m.idPlaceholder}' }]`;
    const counter = escape(m.fixCounter(finding.vendor, '\u0000')).replace('\u0000', `<code>${escape(code)}</code>`);
    if (fix.id) return counter;
    // Said in bold next to the code, so the placeholder is not copied past.
    const { snippet, account } = ID_WHERE[fix.preset];
    const unknown = escape(m.idUnknown(finding.vendor, '\u0000', '\u0001'))
      .replace('\u0000', `<code>${escape(snippet)}</code>`).replace('\u0001', escape(account));
    return `${counter} <strong>${unknown}</strong>`;
  }
  if (fix.how == 'cookies') {
    return escape(m.fixCookies(fix.category, '\u0000')).replace('\u0000', `<code>${escape(`['${fix.cookie}']`)}</code>`);
  }
  if (fix.how == 'iframe') {
    return escape(m.fixIframe(fix.category, '\u0000')).replace('\u0000', `<code>${escape(`<iframe data-category="${fix.category}" data-src="…">`)}</code>`);
  }
  return escape(m.fixScript('\u0000')).replace('\u0000', `<code>${escape(`<script type="text/plain" data-category="${fix.category}">`)}</code>`);
}

function findingsTable(m: Messages, findings: Finding[], caption: string, withFix: boolean): string {
  const rows = findings.map((f) => {
    const item = f.kind == 'banner' ? (f.code && m.banner[f.code]) || f.cause : f.host || f.name || f.key || '';
    const cause = f.gate ? escape(m.gateCause(f.gate)) : f.kind == 'banner' ? '' : `<code>${escape(localCause(m, f.cause))}</code>`;
    return `<tr><td>${escape(m.kind[f.kind])}</td><td>${escape(f.vendor)}</td><td>${escape(m.purpose[f.purpose])}</td>`
      + `<td class="item">${f.kind == 'banner' ? escape(item) : `<code>${escape(item)}</code>`}</td><td class="cause">${cause}</td>`
      + (withFix ? `<td class="fix">${fixText(m, f)}</td>` : '') + '</tr>';
  }).join('\n');
  return `<div class="scroll" role="region" aria-label="${escape(caption)}" tabindex="0"><table>
<caption>${escape(caption)}</caption>
<thead><tr><th scope="col">${m.head.kind}</th><th scope="col">${m.head.vendor}</th><th scope="col">${m.head.purpose}</th><th scope="col">${m.head.item}</th><th scope="col">${m.head.cause}</th>${withFix ? `<th scope="col">${m.head.fix}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function seenTables(m: Messages, phase: Phase, id: string, scope: string): string {
  const name = m.phase[phase.name] + scope;
  const hosts = new Map<string, { vendor: string; purpose: string; count: number }>();
  for (const r of phase.requests) {
    if (r.firstParty) continue;
    const h = hosts.get(r.host) || { vendor: r.vendor, purpose: r.purpose, count: 0 };
    h.count++;
    hosts.set(r.host, h);
  }
  const hostRows = [...hosts].map(([host, h]) =>
    `<tr><td><code>${escape(host)}</code></td><td>${escape(h.vendor)}</td><td>${escape(m.purpose[h.purpose as keyof Messages['purpose']])}</td><td class="num">${h.count}</td></tr>`).join('');
  const cookieRows = phase.cookies.map((c) =>
    `<tr><td><code>${escape(c.name)}</code></td><td><code>${escape(c.domain)}</code></td><td>${escape(c.vendor)}</td><td>${escape(m.purpose[c.purpose])}</td><td>${c.httpOnly ? m.yes : m.no}</td></tr>`).join('');
  const storageRows = phase.storage.map((s) =>
    `<tr><td><code>${escape(s.key)}</code></td><td>${escape(s.area)}</td><td><code>${escape(s.origin)}</code></td><td>${escape(s.vendor)}</td><td>${escape(m.purpose[s.purpose])}</td></tr>`).join('');
  // Region names must differ across phases (axe landmark-unique), so each carries its phase.
  const table = (caption: string, head: string[], rows: string) => rows
    ? `<div class="scroll" role="region" aria-label="${escape(`${caption}: ${name}`)}" tabindex="0"><table><caption>${escape(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`
    : '';
  return `<details id="${id}-seen"><summary>${escape(m.seenHeading)}: ${escape(m.seen(phase.requests.length, phase.cookies.length, phase.storage.length))}</summary>
${table(m.thirdParty, [m.head.item, m.head.vendor, m.head.purpose, m.head.count], hostRows)}
${table('Cookie', [m.head.item, m.head.domain, m.head.vendor, m.head.purpose, 'HttpOnly'], cookieRows)}
${table(m.kind.storage, [m.head.item, m.head.area, m.head.origin, m.head.vendor, m.head.purpose], storageRows)}
</details>`;
}

function phaseSection(m: Messages, result: AuditResult, phase: Phase, prefix: string, scope: string): string {
  const id = `${prefix}-${phase.name}`;
  const leaks = result.leaks.filter((l) => l.phase == phase.name);
  const unknowns = result.unknowns.filter((u) => u.phase == phase.name);
  const name = m.phase[phase.name];
  const label = name + scope;
  return `<section class="phase" ${labelled(`${id}-h`, name, scope)}>
<h2 id="${id}-h">${escape(name)}</h2>
<p>${escape(m.phaseAbout[phase.name])}</p>
${phase.screenshot ? `<figure><img src="${phase.screenshot}" alt="${escape(m.screenshot(name))}" width="640" height="400"><figcaption>${phase.visited.map((v) => `<code>${escape(v)}</code>`).join(' → ')}</figcaption></figure>` : ''}
${phase.name == 'accept' ? '' : `<h3>${escape(m.leaksHeading)}</h3>
${leaks.length ? findingsTable(m, leaks, `${m.leaksHeading}: ${label}`, true) : `<p class="ok">${escape(m.noLeaks)}</p>`}`}
${unknowns.length ? `<h3>${escape(m.unknownsHeading)}</h3><p>${escape(m.unknownsAbout)}</p>${findingsTable(m, unknowns, `${m.unknownsHeading}: ${label}`, false)}` : ''}
${phase.notes.length ? `<h3>${escape(m.notesHeading)}</h3><ul>${phase.notes.map((n) => `<li>${escape(m.note[n.code](n.subject))}</li>`).join('')}</ul>` : ''}
${seenTables(m, phase, id, scope)}
</section>`;
}

/** One line per distinct fix: ten findings of one snippet are one thing to change. */
function todo(m: Messages, result: AuditResult, prefix: string, scope: string): string {
  const items = new Map<string, string>();
  for (const f of result.leaks) {
    const key = f.kind == 'banner' ? `banner ${f.code}` : `${f.vendor} ${f.fix?.how} ${f.fix?.category}`;
    if (items.has(key)) continue;
    items.set(key, f.kind == 'banner'
      ? `<strong>${escape(m.kind.banner)}</strong>: ${escape((f.code && m.banner[f.code]) || f.cause)}`
        + (f.gate ? ` ${escape(m.gateCause(f.gate))} ${fixText(m, f)}` : '')
      : `<strong>${escape(f.vendor)}</strong> (${escape(m.purpose[f.purpose])}): ${fixText(m, f)}`);
  }
  if (!items.size) return '';
  return `<section ${labelled(`${prefix}-todo`, m.todoHeading, scope)}><h2 id="${prefix}-todo">${escape(m.todoHeading)}</h2>
<ol class="todo">${[...items.values()].map((text) => `<li>${text}</li>`).join('\n')}</ol></section>`;
}

function resultSection(m: Messages, result: AuditResult, index: number, lang: Lang, many: boolean): string {
  const prefix = `u${index}`;
  const scope = many ? ` (${result.url})` : '';
  const bad = result.leaks.length > 0;
  // A gate that did not start is no leak of data: when it is the only finding, it is the verdict.
  const verdict = !bad ? m.verdictClean : result.leaks.every((l) => l.gate) ? m.banner['not-started'] : m.verdictLeaks(result.leaks.length);
  const vendors = [...new Set(result.leaks.filter((l) => l.kind != 'banner').map((l) => l.vendor))];
  const date = new Date(result.date).toLocaleString(lang == 'kk' ? 'kk-KZ' : lang == 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' }) + ' UTC';
  return `<article aria-labelledby="${prefix}-title">
<h2 id="${prefix}-title" class="url"><code>${escape(result.url)}</code></h2>
<div class="verdict ${bad ? 'bad' : 'good'}">
<p><strong>${escape(verdict)}</strong></p>
${vendors.length ? `<p>${escape(m.vendors(vendors.join(', ')))}</p>` : ''}
${result.kelisim ? '' : `<p>${escape(result.leaks.some((l) => l.gate) ? m.verdictNotStarted : m.verdictNoKelisim)}</p>`}
${result.unknowns.length ? `<p>${escape(m.unknownSummary(result.unknowns.length))}</p>` : ''}
</div>
${todo(m, result, prefix, scope)}
${result.phases.map((p) => phaseSection(m, result, p, prefix, scope)).join('\n')}
<p class="meta">${escape(m.meta(date, (result.durationMs / 1000).toFixed(1), result.url))}</p>
</article>`;
}

/** A self-contained report (styles and screenshots inline) a site owner can open from disk. */
export function renderHtml(results: AuditResult[], lang: Lang = 'ru'): string {
  const m = messages[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(m.title)}: ${escape(results.map((r) => r.url).join(', '))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(m.title)}</h1>
${results.map((r, i) => resultSection(m, r, i, lang, results.length > 1)).join('\n')}
<p class="meta">kelisim-audit</p>
</main>
</body>
</html>
`;
}
