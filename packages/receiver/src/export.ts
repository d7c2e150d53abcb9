import type { Range, Row, Store } from './store/types';
import { HEADINGS, type Headings, type Lang } from './headings';
import { originFaultOf, siteOrigin } from './origin';
import { textsLookup } from './texts';
import { recordView } from './view';
import { WORDS, type Words } from './words';

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

// A date, or a date-time with or without seconds, a fraction and an offset.
const WHEN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The instant a range end names, or the reason it names none. Without an offset a date-time is
 * UTC, as the guide says: `Date.parse` would read it in the server's own zone. A day the calendar
 * lacks (2026-02-30) is refused, where `Date` would roll it over into March.
 */
function instant(w: Words, name: string, value: string): { time: number; isDay: boolean } | string {
  const m = WHEN.exec(value);
  if (!m) return w.notDate(name, JSON.stringify(value));
  const [, year, month, day, hours, minutes, seconds = '0', fraction = '', offset = 'Z'] = m;
  const at = new Date(0);
  at.setUTCFullYear(+year, +month - 1, +day);
  if (at.getUTCFullYear() != +year || at.getUTCMonth() != +month - 1 || at.getUTCDate() != +day) return w.notDay(name, value.slice(0, 10));
  const [sign, offsetHours, offsetMinutes] = offset == 'Z' ? [1, 0, 0] : [offset[0] == '-' ? -1 : 1, +offset.slice(1, 3), +offset.slice(-2)];
  if (hours !== undefined && (+hours > 23 || +minutes > 59 || +seconds > 59 || offsetHours > 23 || offsetMinutes > 59)) return w.notTime(name, value);
  at.setUTCHours(+(hours ?? 0), +(minutes ?? 0), +seconds, Math.floor(+`0.${fraction || 0}` * 1000));
  return { time: at.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000, isDay: hours === undefined };
}

/**
 * `from` and `to` each take a date (whole day, UTC) or a date-time; both ends are included.
 * Returns the half-open range the stores query, or the reason the value is wrong: in English for
 * the HTTP API's `error` field, in the operator's language for the command line.
 */
export function parseRange(from?: string, to?: string, site?: string, lang: Lang = 'en'): Range | string {
  const w = WORDS[lang];
  const range: Range = {};
  try {
    // Stored as the browser sent it, so https://другой.kz must be looked for as its punycode.
    range.site = site ? siteOrigin(site) : undefined;
  } catch (error) {
    return w.badOrigin('site', originFaultOf(error));
  }
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!value) continue;
    const when = instant(w, name, value);
    if (typeof when == 'string') return when;
    if (name == 'from') range.from = new Date(when.time).toISOString();
    // The end of the day, or the very millisecond given, is still inside.
    else range.before = new Date(when.time + (when.isDay ? 86_400_000 : 1)).toISOString();
  }
  return range;
}
