import { idUnknownFor } from '../fix';
import type { AuditResult, Finding, Phase } from '../types';

const clip = (text: string, width: number) => (text.length > width ? text.slice(0, width - 1) + '…' : text);

/** A plain table: columns padded to the widest cell (capped), no colours, so it pastes anywhere. */
export function table(head: string[], rows: string[][], caps: number[]): string {
  const cells = [head, ...rows].map((row) => row.map((cell, i) => clip(cell, caps[i] || 40)));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const item = (f: Finding) => f.host || f.name || f.key || '';

function findingsTable(findings: Finding[], withFix: boolean): string {
  return table(
    ['phase', 'kind', 'vendor', 'purpose', 'host / name', 'cause', ...(withFix ? ['fix'] : [])],
    findings.map((f) => [f.phase, f.kind, f.vendor, f.purpose, item(f), f.cause, ...(withFix ? [f.fix ? f.fix.text : ''] : [])]),
    [8, 8, 26, 13, 30, 70, 90],
  );
}

/** One line per phase for the progress output. */
export const phaseLine = (phase: Phase) => {
  const thirdParty = new Set(phase.requests.filter((r) => !r.firstParty).map((r) => r.host)).size;
  return `${phase.requests.length} requests (${thirdParty} third-party hosts), ${phase.cookies.length} cookies, ${phase.storage.length} storage keys`;
};

/** The terminal report of one page. */
export function renderText(result: AuditResult): string {
  const out: string[] = [`\n${result.url}`];
  if (result.reason) out.push(result.reason);
  if (result.leaks.length) {
    out.push(`\n${result.leaks.length} leak${result.leaks.length == 1 ? '' : 's'}:\n`, findingsTable(result.leaks, true));
    // The fix column is cut short, placeholder and all: the missing id gets a line of its own.
    const unknownIds = new Map<string, string>();
    for (const { vendor, fix } of result.leaks) {
      if (fix && fix.how == 'counter' && fix.preset && !fix.id) unknownIds.set(fix.preset, idUnknownFor(vendor, fix.preset));
    }
    if (unknownIds.size) out.push('', ...[...unknownIds.values()].map((text) => `id needed: ${text}`));
    // So is the fix for a gate that did not start: the whole sentence, on a line of its own.
    const gate = result.leaks.find((l) => l.code == 'not-started');
    if (gate && gate.fix) out.push('', `fix for the banner: ${gate.fix.text}`);
  } else {
    out.push('\nNo leaks: nothing optional before a choice or after refusal.');
  }
  if (result.unknowns.length) {
    out.push(`\n${result.unknowns.length} unknown (not in the map; not counted unless --fail-on unknown):\n`, findingsTable(result.unknowns, false));
  }
  for (const phase of result.phases) {
    for (const note of phase.notes) out.push(`note (${phase.name}): ${note.text}`);
  }
  return out.join('\n') + '\n';
}
