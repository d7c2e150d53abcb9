import type { Range, Row, Store } from './store/types';
import { HEADINGS, type Headings, type Lang } from './headings';
import { textsLookup } from './texts';
import { recordView } from './view';

export type Format = 'csv' | 'ndjson';

// A list the database no longer reads back says so, rather than reading as nothing granted.
const names = (column: 'granted' | 'denied') => (r: Row, _texts: string, words: Headings) =>
  (r.unreadable?.indexOf(column) ?? -1) >= 0 ? words.unreadable : r.record![column].join(' ');

// Each column's value, in the order of the headings (headings.ts).
const COLUMNS: ((row: Row, texts: string, words: Headings) => string)[] = [
  (r) => r.record!.id, (r) => r.record!.action, (r) => r.record!.timestamp, (r) => r.receivedAt, (r) => r.site,
  (r) => r.record!.path, names('granted'), names('denied'), (r) => r.record!.revision,
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
 * texts stood behind its hash, or that the hash is unknown. A row the database no longer reads
 * back is flagged in the file and passed to `onUnreadable`, so the command line can say so too.
 */
export async function* exportLines(store: Store, range: Range, format: Format, lang: Lang = 'ru',
  { pageSize = 1000, onUnreadable = (_row: Row) => undefined as void } = {}): AsyncGenerator<string> {
  const lookup = textsLookup(store);
  const words = HEADINGS[lang];
  if (format == 'csv') yield '\ufeff' + csvLine(words.columns);
  let after = 0;
  for (;;) {
    const rows = await store.page(range, after, pageSize);
    let chunk = '';
    for (const row of rows) {
      if (row.unreadable) onUnreadable(row);
      const looked = await lookup(row.record!.textHash, row.record!.language);
      if (format == 'csv') {
        const texts = looked.entry;
        const shown = texts ? `${texts.source} (${texts.language}, ${words.registered} ${texts.addedAt}): ${texts.texts}`
          : looked.altered ? words.altered : words.unknown;
        chunk += csvLine(COLUMNS.map((value) => value(row, shown, words)));
      } else {
        chunk += JSON.stringify(recordView(row, looked, true)) + '\n';
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
