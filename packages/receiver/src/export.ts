import type { Range, Row, Store } from './store/types';
import { HEADINGS, type Lang } from './headings';
import { textsLookup } from './texts';

export type Format = 'csv' | 'ndjson';

// Each column's value, in the order of the headings (headings.ts).
const COLUMNS: ((row: Row, texts: string) => string)[] = [
  (r) => r.record!.id, (r) => r.record!.action, (r) => r.record!.timestamp, (r) => r.receivedAt, (r) => r.site,
  (r) => r.record!.path, (r) => r.record!.granted.join(' '), (r) => r.record!.denied.join(' '), (r) => r.record!.revision,
  (r) => r.record!.language, (r) => r.record!.textHash, (_r, texts) => texts, (r) => r.userAgent || '', (r) => r.ip || '',
  (r) => String(r.position), (r) => r.hash,
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
export async function* exportLines(store: Store, range: Range, format: Format, lang: Lang = 'ru', pageSize = 1000): AsyncGenerator<string> {
  const lookup = textsLookup(store);
  const words = HEADINGS[lang];
  if (format == 'csv') yield '\ufeff' + csvLine(words.columns);
  let after = 0;
  for (;;) {
    const rows = await store.page(range, after, pageSize);
    let chunk = '';
    for (const row of rows) {
      const texts = await lookup(row.record!.textHash, row.record!.language);
      if (format == 'csv') {
        const shown = texts ? `${texts.source} (${texts.language}, ${words.registered} ${texts.addedAt}): ${texts.texts}` : words.unknown;
        chunk += csvLine(COLUMNS.map((value) => value(row, shown)));
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
