import { createHash } from 'node:crypto';
import type { LogRecord } from '../../../src/core/record';
import type { Incoming, Outcome, Row } from './store/types';

export const GENESIS = '0'.repeat(64);

/**
 * The bytes a row's hash covers: every stored column in a fixed order, so that editing any of
 * them (or moving a row to another position) breaks the chain from that row on.
 */
export function canonical(row: Row): string {
  const r = row.record;
  return JSON.stringify([
    row.site, row.position, row.kind,
    r && [r.id, r.timestamp, r.action, r.granted, r.denied, r.revision, r.language, r.textHash, r.path],
    row.receivedAt, row.userAgent, row.ip, row.detail,
  ]);
}

export const rowHash = (prevHash: string, row: Row) =>
  createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');

/**
 * A value as the database gives it back. Both drivers write strings as UTF-8, where a lone
 * surrogate becomes U+FFFD: a hash over the string as sent would never match the stored row.
 */
export const asStored = <T>(value: T): T => (
  typeof value == 'string' ? Buffer.from(value, 'utf8').toString('utf8')
    : Array.isArray(value) ? value.map(asStored)
      : value && typeof value == 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStored(v)])) : value
) as T;

export const recordKey = (r: LogRecord) => `${r.id}\n${r.action}\n${r.timestamp}`;

/** Same key and the same fields: a resend. The site and received time may differ. */
export const sameContent = (a: LogRecord, b: LogRecord) =>
  JSON.stringify([a.granted, a.denied, a.revision, a.language, a.textHash, a.path])
  == JSON.stringify([b.granted, b.denied, b.revision, b.language, b.textHash, b.path]);

export interface Head {
  position: number;
  hash: string;
}

/**
 * Decides each incoming record's outcome and chains the new ones after their site's head. Both
 * backends call it inside their transaction, after reading the stored matches and locking the heads.
 */
export function plan(batch: Incoming[], stored: Map<string, LogRecord>, heads: Map<string, Head>) {
  const seen = new Map(stored);
  const rows: Row[] = [];
  const outcomes: Outcome[] = batch.map((incoming) => {
    const item = asStored(incoming);
    const key = recordKey(item.record);
    const earlier = seen.get(key);
    if (earlier) return sameContent(earlier, item.record) ? 'duplicate' : 'conflict';
    seen.set(key, item.record);
    const head = heads.get(item.site) || { position: 0, hash: GENESIS };
    const row: Row = {
      site: item.site, position: head.position + 1, kind: 'record', record: item.record,
      receivedAt: item.receivedAt, userAgent: item.userAgent, ip: item.ip, detail: null,
      prevHash: head.hash, hash: '',
    };
    row.hash = rowHash(head.hash, row);
    heads.set(item.site, { position: row.position, hash: row.hash });
    rows.push(row);
    return 'created';
  });
  return { rows, outcomes };
}

/** The marker a retention purge chains after the head: what went, up to which position, and the hash it ended on. */
export function purgeMarker(site: string, head: Head, removed: { count: number; through: number; lastHash: string; cutoff: string }, now: string): Row {
  const row: Row = {
    site, position: head.position + 1, kind: 'purge', record: null, receivedAt: now, userAgent: null, ip: null,
    detail: JSON.stringify({ removed: removed.count, removedThrough: removed.through, lastRemovedHash: removed.lastHash, receivedBefore: removed.cutoff }),
    prevHash: head.hash, hash: '',
  };
  row.hash = rowHash(head.hash, row);
  return row;
}
