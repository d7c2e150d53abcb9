import type { LogRecord } from '../../../src/core/record';
import type { Row, Store } from './store/types';
import { textsLookup, type Looked } from './texts';

/** A record as find, `GET /v1/consent/:id` and the NDJSON export show it. */
export interface RecordView extends Omit<LogRecord, 'granted' | 'denied'> {
  granted: string[] | null;
  denied: string[] | null;
  receivedAt: string;
  site: string;
  userAgent: string | null;
  ip: string | null;
  position: number;
  hash: string;
  texts: { source: string; language: string; addedAt: string; shown?: unknown } | null;
  textsUnknown: boolean;
  /** Texts are registered under the hash but were changed since, so none are shown. */
  textsAltered: boolean;
  unreadable?: string[];
}

/**
 * The stored fields plus where and when the record arrived. A list the database no longer reads
 * back is null and named in `unreadable`, never shown as an empty choice. `words` adds the full
 * texts behind the hash.
 */
export function recordView(row: Row, { entry: texts, altered }: Looked, words = false): RecordView {
  const view: RecordView = {
    ...row.record!, receivedAt: row.receivedAt, site: row.site, userAgent: row.userAgent, ip: row.ip,
    position: row.position, hash: row.hash,
    texts: texts && { source: texts.source, language: texts.language, addedAt: texts.addedAt, ...(words ? { shown: JSON.parse(texts.texts) } : {}) },
    textsUnknown: !texts,
    textsAltered: altered,
  };
  for (const column of row.unreadable || []) view[column as 'granted' | 'denied'] = null;
  if (row.unreadable) view.unreadable = row.unreadable;
  return view;
}

/** Every row of a find, each with the texts behind its hash looked up once. */
export async function present(rows: Row[], store: Store): Promise<RecordView[]> {
  const lookup = textsLookup(store);
  return Promise.all(rows.map(async (row) => recordView(row, await lookup(row.record!.textHash, row.record!.language))));
}
