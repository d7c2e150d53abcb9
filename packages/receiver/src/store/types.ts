import type { LogRecord } from '../../../../src/core/record';

/** A record as it arrives: the library's fields plus what the receiver learned from the request. */
export interface Incoming {
  record: LogRecord;
  site: string;
  receivedAt: string;
  userAgent: string | null;
  ip: string | null;
}

/** One row of a site's chain: a consent record, or the marker a retention purge leaves. */
export interface Row {
  seq?: number;
  site: string;
  position: number;
  kind: 'record' | 'purge';
  record: LogRecord | null;
  receivedAt: string;
  userAgent: string | null;
  ip: string | null;
  /** For a purge marker: what was removed (JSON). */
  detail: string | null;
  prevHash: string;
  hash: string;
  /** Columns whose stored value no longer reads as what was written (`granted`, `denied`): edited in the database. */
  unreadable?: string[];
}

/** created: stored now (201); duplicate: already stored with the same content (200); conflict: same key, other content (409). */
export type Outcome = 'created' | 'duplicate' | 'conflict';

export interface Range {
  /** Inclusive lower bound on the received time, ISO 8601 UTC. */
  from?: string;
  /** Exclusive upper bound on the received time, ISO 8601 UTC. */
  before?: string;
  site?: string;
}

export interface TextsEntry {
  kind: string;
  hash: string;
  language: string;
  texts: string;
  source: string;
  addedAt: string;
}

export interface AccessEntry {
  at: string;
  token: string;
  what: string;
  detail: string;
  ip: string | null;
}

export interface PurgeResult {
  site: string;
  removed: number;
  removedThrough: number;
}

/** What verify reads: through the store, or inside one snapshot of it. */
export interface ReadView {
  /** Every row of every chain, by site then position, after a key: verify walks page by page. */
  chainPage(after: { site: string; position: number } | null, limit: number): Promise<Row[]>;
  /** Every registered text, for verify to hash again. */
  allTexts(): Promise<TextsEntry[]>;
}

/** The one small interface each backend implements; the same tests run against both. */
export interface Store extends ReadView {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for people (no password). */
  readonly where: string;
  /** Stores a batch in one transaction (group commit); resolves after the commit. */
  append(batch: Incoming[]): Promise<Outcome[]>;
  /** Every consent record of an id, oldest first. */
  find(id: string): Promise<Row[]>;
  /** Consent records in a range, by seq, after `afterSeq`: the export streams page by page. */
  page(range: Range, afterSeq: number, limit: number): Promise<Row[]>;
  /**
   * Runs `work` on one read snapshot, so a walk over many pages sees the store as it was at one
   * moment: what commits meanwhile (new records, a retention purge) stays out of it.
   */
  snapshot<T>(work: (view: ReadView) => Promise<T>): Promise<T>;
  /** Removes each site's leading rows received before `cutoff` and chains a marker that says so. */
  purge(cutoff: string, now: string): Promise<PurgeResult[]>;
  logAccess(entry: AccessEntry): Promise<void>;
  accessLog(): Promise<AccessEntry[]>;
  addTexts(entries: TextsEntry[]): Promise<number>;
  texts(hash: string): Promise<TextsEntry[]>;
  /** A cheap query that reaches the data, for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
