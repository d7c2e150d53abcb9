import type { LogRecord } from '../../../../src/core/record';
import type { Row } from './types';

/** Column values in the order of every INSERT, and back: one mapping for both dialects. */
export const toColumns = (row: Row) => {
  const r = row.record;
  return [
    row.site, row.position, row.kind,
    r ? r.id : null, r ? r.timestamp : null, r ? r.action : null,
    r ? JSON.stringify(r.granted) : null, r ? JSON.stringify(r.denied) : null,
    r ? r.revision : null, r ? r.language : null, r ? r.textHash : null, r ? r.path : null,
    row.receivedAt, row.userAgent, row.ip, row.detail, row.prevHash, row.hash,
  ];
};

export const SELECT = `SELECT seq, site, position, kind, consent_id, timestamp, action, granted, denied, revision,
  language, text_hash, path, received_at, user_agent, ip, detail, prev_hash, hash FROM records`;

/**
 * A row as the code reads it. Nothing here throws on what an intruder wrote into a column: a list
 * that no longer parses reads as empty and is named in `unreadable`, so that verify can name the
 * row and the export and find can flag it, instead of failing on the first such row.
 */
export function fromColumns(c: Record<string, any>): Row {
  const unreadable: string[] = [];
  const names = (column: 'granted' | 'denied'): string[] => {
    try {
      const value = JSON.parse(c[column]);
      if (Array.isArray(value) && value.every((n) => typeof n == 'string')) return value;
    } catch {
      // Named below.
    }
    unreadable.push(column);
    return [];
  };
  const record: LogRecord | null = c.kind == 'record' ? {
    id: c.consent_id, timestamp: c.timestamp, action: c.action,
    granted: names('granted'), denied: names('denied'),
    revision: c.revision, language: c.language, textHash: c.text_hash, path: c.path,
  } : null;
  return {
    seq: Number(c.seq), site: c.site, position: Number(c.position), kind: c.kind, record,
    receivedAt: c.received_at, userAgent: c.user_agent, ip: c.ip, detail: c.detail,
    prevHash: c.prev_hash, hash: c.hash,
    ...(unreadable.length ? { unreadable } : {}),
  };
}
