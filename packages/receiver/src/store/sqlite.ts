import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LogRecord } from '../../../../src/core/record';
import { plan, purgeMarker, recordKey, type Head } from '../chain';
import { CHECKPOINTER } from '../paths';
import { fromColumns, SELECT, toColumns } from './columns';
import { faultOf, storeError } from './fault';
import { migrations } from './migrate';
import type { AccessEntry, Incoming, Range, ReadView, Row, Store, TextsEntry } from './types';

const INSERT = `INSERT INTO records (site, position, kind, consent_id, timestamp, action, granted, denied, revision,
  language, text_hash, path, received_at, user_agent, ip, detail, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function migrateSqlite(db: Database.Database): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const applied: string[] = [];
  for (const m of migrations('sqlite')) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
    applied.push(m.name);
  }
  return applied;
}

const SELECT_TEXTS = 'SELECT kind, hash, language, texts, source, added_at AS addedAt FROM texts';

/** What verify reads, on the store's connection or on a snapshot's. */
const readView = (db: Database.Database): ReadView => ({
  async chainPage(after, limit) {
    const rows = after
      ? db.prepare(`${SELECT} WHERE site > ? OR (site = ? AND position > ?) ORDER BY site, position LIMIT ?`).all(after.site, after.site, after.position, limit)
      : db.prepare(`${SELECT} ORDER BY site, position LIMIT ?`).all(limit);
    return rows.map((c) => fromColumns(c as Record<string, unknown>));
  },
  async allTexts() {
    return db.prepare(`${SELECT_TEXTS} ORDER BY added_at, hash, language`).all() as TextsEntry[];
  },
});

/**
 * The database file, opened and brought up to date. SQLite's own messages ("unable to open
 * database file") name no file, so each failure is told with the path and the setting behind it.
 */
function openFile(dataDir: string, file: string, migrate: boolean, mustExist: boolean): Database.Database {
  if (mustExist && !existsSync(file)) throw storeError({ code: 'no-store', where: file });
  let db: Database.Database | undefined;
  try {
    if (!mustExist) mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { fileMustExist: mustExist });
    if (mustExist && !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'records'").get()) {
      throw storeError({ code: 'not-a-store', where: file });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    if (migrate) migrateSqlite(db);
    return db;
  } catch (error) {
    db?.close();
    if (faultOf(error)) throw error;
    throw storeError({ code: 'sqlite-open', where: file, cause: (error as Error).message });
  }
}

/**
 * The embedded store: one file, WAL, and an fsync at every commit so a 201 survives a power cut.
 * With `mustExist` (the commands that only read) a missing store is an error, never a new empty
 * one: verify over a mistyped folder must not report an intact chain of nothing.
 */
export function openSqlite(dataDir: string, { migrate = true, mustExist = false } = {}): Store & { db: Database.Database } {
  const file = resolve(join(dataDir, 'consent.db'));
  const db = openFile(dataDir, file, migrate, mustExist);
  // Checkpoints run on the worker below, started with the first write.
  db.pragma('wal_autocheckpoint = 0');
  let checkpointer: Worker | undefined;

  const insert = db.prepare(INSERT);
  const byKey = db.prepare(`${SELECT} WHERE consent_id = ? AND action = ? AND timestamp = ?`);
  const head = db.prepare('SELECT position, hash FROM records WHERE site = ? ORDER BY position DESC LIMIT 1');
  const byId = db.prepare(`${SELECT} WHERE consent_id = ? ORDER BY received_at, seq`);

  const append = db.transaction((batch: Incoming[]) => {
    const stored = new Map<string, LogRecord>();
    for (const item of batch) {
      const r = item.record;
      const found = byKey.get(r.id, r.action, r.timestamp) as Record<string, unknown> | undefined;
      if (found) stored.set(recordKey(r), fromColumns(found).record!);
    }
    const heads = new Map<string, Head>();
    for (const site of new Set(batch.map((i) => i.site))) {
      const h = head.get(site) as Head | undefined;
      if (h) heads.set(site, h);
    }
    const { rows, outcomes } = plan(batch, stored, heads);
    for (const row of rows) insert.run(...toColumns(row));
    return outcomes;
  });

  const purge = db.transaction((cutoff: string, now: string) => {
    const results = [];
    const sites = db.prepare('SELECT DISTINCT site FROM records ORDER BY site').pluck().all() as string[];
    for (const site of sites) {
      // The segment: every row before the first one received at or after the cutoff.
      const keep = db.prepare('SELECT MIN(position) FROM records WHERE site = ? AND received_at >= ?').pluck().get(site, cutoff) as number | null;
      const h = head.get(site) as Head;
      const through = keep == null ? h.position : keep - 1;
      const first = db.prepare('SELECT MIN(position) FROM records WHERE site = ?').pluck().get(site) as number;
      if (through < first) continue;
      const last = db.prepare('SELECT hash FROM records WHERE site = ? AND position = ?').pluck().get(site, through) as string;
      db.prepare('UPDATE purge_gate SET open = 1').run();
      const removed = db.prepare('DELETE FROM records WHERE site = ? AND position <= ?').run(site, through).changes;
      db.prepare('UPDATE purge_gate SET open = 0').run();
      insert.run(...toColumns(purgeMarker(site, h, { count: removed, through, lastHash: last, cutoff }, now)));
      results.push({ site, removed, removedThrough: through });
    }
    return results;
  });

  return {
    dialect: 'sqlite',
    where: file,
    db,
    async append(batch) {
      if (!checkpointer) {
        checkpointer = new Worker(CHECKPOINTER, { workerData: { file, every: 200 } });
        checkpointer.unref();
      }
      return append.immediate(batch);
    },
    async find(id) {
      return byId.all(id).map((c) => fromColumns(c as Record<string, unknown>));
    },
    async page(range: Range, afterSeq, limit) {
      const rows = db.prepare(`${SELECT} WHERE kind = 'record' AND seq > ?
        AND (? IS NULL OR received_at >= ?) AND (? IS NULL OR received_at < ?) AND (? IS NULL OR site = ?)
        ORDER BY seq LIMIT ?`).all(afterSeq, range.from ?? null, range.from ?? null, range.before ?? null, range.before ?? null,
        range.site ?? null, range.site ?? null, limit);
      return rows.map((c) => fromColumns(c as Record<string, unknown>));
    },
    ...readView(db),
    async snapshot(work) {
      // A connection of its own: the writer's transactions must not nest in the reader's, and in
      // WAL mode a reader keeps the snapshot of its first read until it ends its transaction.
      const reader = new Database(file, { readonly: true, fileMustExist: true });
      try {
        reader.pragma('busy_timeout = 5000');
        reader.exec('BEGIN');
        return await work(readView(reader));
      } finally {
        if (reader.inTransaction) reader.exec('COMMIT');
        reader.close();
      }
    },
    async purge(cutoff, now) {
      return purge.immediate(cutoff, now);
    },
    async logAccess(e: AccessEntry) {
      db.prepare('INSERT INTO access_log (at, token, what, detail, ip) VALUES (?, ?, ?, ?, ?)').run(e.at, e.token, e.what, e.detail, e.ip);
    },
    async accessLog() {
      return db.prepare('SELECT at, token, what, detail, ip FROM access_log ORDER BY seq').all() as AccessEntry[];
    },
    async addTexts(entries: TextsEntry[]) {
      const add = db.prepare(`INSERT INTO texts (kind, hash, language, texts, source, added_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (kind, hash, language) DO NOTHING`);
      return db.transaction(() => entries.reduce((n, e) => n + add.run(e.kind, e.hash, e.language, e.texts, e.source, e.addedAt).changes, 0))();
    },
    async texts(hash) {
      return db.prepare(`${SELECT_TEXTS} WHERE hash = ? ORDER BY added_at`)
        .all(hash) as TextsEntry[];
    },
    async ping() {
      db.prepare('SELECT COUNT(*) FROM schema_migrations').get();
    },
    async close() {
      if (checkpointer) {
        const worker = checkpointer;
        checkpointer = undefined;
        await new Promise<void>((done) => {
          worker.once('message', () => done());
          worker.once('exit', () => done());
          worker.once('error', () => done());
          worker.postMessage('stop');
        });
        await worker.terminate();
      }
      if (db.open) db.close();
    },
  };
}

export type { Row };
