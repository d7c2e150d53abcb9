import type { Range, Row, Store } from './store/types';
import { textsLookup } from './texts';

export type Format = 'csv' | 'ndjson';

// One header row, in plain words, so that a regulator opening the file knows each column.
const COLUMNS: [string, (row: Row, texts: string) => string][] = [
  ['Consent id (shown to the visitor)', (r) => r.record!.id],
  ['Action (choice, withdrawal or reset)', (r) => r.record!.action],
  ["Time on the visitor's device (ISO 8601)", (r) => r.record!.timestamp],
  ['Time received by the store (UTC)', (r) => r.receivedAt],
  ['Site (origin)', (r) => r.site],
  ['Page path', (r) => r.record!.path],
  ['Categories granted', (r) => r.record!.granted.join(' ')],
  ['Categories denied', (r) => r.record!.denied.join(' ')],
  ['Config revision', (r) => r.record!.revision],
  ['Language shown', (r) => r.record!.language],
  ['Hash of the texts shown', (r) => r.record!.textHash],
  ['Texts shown (registered config; UNKNOWN if not registered)', (_r, texts) => texts],
  ['Browser (user agent)', (r) => r.userAgent || ''],
  ['IP address (as configured: full, truncated or none)', (r) => r.ip || ''],
  ['Position in the site chain', (r) => String(r.position)],
  ['Row hash (SHA-256 chain)', (r) => r.hash],
];

/**
 * A spreadsheet cell: quoted, and a leading = + - @ neutralised so that Excel does not run a
 * value from the network as a formula (OWASP "CSV injection").
 */
const cell = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;
// Excel in Russian and Kazakh locales splits on ';' and reads UTF-8 only after a byte-order mark.
const csvLine = (values: string[]) => values.map(cell).join(';') + '\r\n';

/**
 * The export, page by page: a year of records never sits in memory, and each record says which
 * texts stood behind its hash, or that the hash is unknown.
 */
export async function* exportLines(store: Store, range: Range, format: Format, pageSize = 1000): AsyncGenerator<string> {
  const lookup = textsLookup(store);
  if (format == 'csv') yield '\ufeff' + csvLine(COLUMNS.map(([name]) => name));
  let after = 0;
  for (;;) {
    const rows = await store.page(range, after, pageSize);
    let chunk = '';
    for (const row of rows) {
      const texts = await lookup(row.record!.textHash, row.record!.language);
      if (format == 'csv') {
        const shown = texts ? `${texts.source} (${texts.language}, registered ${texts.addedAt}): ${texts.texts}` : 'UNKNOWN';
        chunk += csvLine(COLUMNS.map(([, value]) => value(row, shown)));
      } else {
        chunk += JSON.stringify({
          ...row.record, receivedAt: row.receivedAt, site: row.site, userAgent: row.userAgent, ip: row.ip,
          position: row.position, hash: row.hash,
          texts: texts ? { source: texts.source, language: texts.language, addedAt: texts.addedAt, shown: JSON.parse(texts.texts) } : null,
          textsUnknown: !texts,
        }) + '\n';
      }
    }
    if (chunk) yield chunk;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq!;
  }
}

/**
 * `from` and `to` each take a date (whole day, UTC) or a date-time; both ends are included.
 * Returns the half-open range the stores query, or the reason the value is wrong.
 */
export function parseRange(from?: string, to?: string, site?: string): Range | string {
  const range: Range = { site: site || undefined };
  const day = /^\d{4}-\d{2}-\d{2}$/;
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!value) continue;
    const isDay = day.test(value);
    const time = Date.parse(isDay ? `${value}T00:00:00Z` : value);
    if (isNaN(time) || (!isDay && !/^\d{4}-\d{2}-\d{2}T/.test(value))) return `${name} must be a date (2026-01-31) or an ISO 8601 date-time`;
    if (name == 'from') range.from = new Date(time).toISOString();
    // The end of the day, or the very millisecond given, is still inside.
    else range.before = new Date(time + (isDay ? 86_400_000 : 1)).toISOString();
  }
  return range;
}
