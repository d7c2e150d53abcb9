import pg from 'pg';
import type { LogRecord } from '../../../../src/core/record';
import { plan, purgeMarker, recordKey, type Head } from '../chain';
import { fromColumns, SELECT, toColumns } from './columns';
import { storeError } from './fault';
import { migrations } from './migrate';
import type { AccessEntry, Incoming, Range, ReadView, Row, Store, TextsEntry } from './types';

// One round trip for a whole batch: each column travels as an array and unnest() zips them back.
const INSERT = `INSERT INTO records (site, position, kind, consent_id, timestamp, action, granted, denied, revision,
  language, text_hash, path, received_at, user_agent, ip, detail, prev_hash, hash)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
  $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])`;
// Each site's chain is appended to by one transaction at a time, across every receiver process.
const LOCK_SITES = `SELECT pg_advisory_xact_lock(k) FROM
  (SELECT hashtextextended(s, 0) AS k FROM unnest($1::text[]) WITH ORDINALITY AS u(s, n) ORDER BY n) AS locks`;
const STORED_AND_HEADS = `SELECT false AS is_head, r.* FROM (${SELECT}) AS r
  WHERE (consent_id, action, timestamp) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
  UNION ALL
  SELECT true, h.* FROM unnest($4::text[]) AS u(site)
  CROSS JOIN LATERAL (${SELECT} WHERE records.site = u.site ORDER BY position DESC LIMIT 1) AS h`;
const MIGRATION_LOCK = 7_301_945;
const UNIQUE_VIOLATION = '23505';

const columnsOf = (rows: Row[]) => {
  const columns: unknown[][] = Array.from({ length: 18 }, () => []);
  for (const row of rows) toColumns(row).forEach((value, i) => columns[i].push(value));
  return columns;
};

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Each site's chain is appended to by one transaction at a time, across every receiver process. */
const lockSite = (client: pg.PoolClient, site: string) =>
  client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [site]);

const readHead = async (client: pg.PoolClient, site: string): Promise<Head | undefined> => {
  const { rows } = await client.query('SELECT position, hash FROM records WHERE site = $1 ORDER BY position DESC LIMIT 1', [site]);
  return rows[0] && { position: Number(rows[0].position), hash: rows[0].hash };
};

const SELECT_TEXTS = 'SELECT kind, hash, language, texts, source, added_at AS "addedAt" FROM texts';

/** What verify reads, through the pool or on a snapshot's connection. */
const readView = (db: pg.Pool | pg.PoolClient): ReadView => ({
  async chainPage(after, limit) {
    const { rows } = after
      ? await db.query(`${SELECT} WHERE (site, position) > ($1, $2) ORDER BY site, position LIMIT $3`, [after.site, after.position, limit])
      : await db.query(`${SELECT} ORDER BY site, position LIMIT $1`, [limit]);
    return rows.map(fromColumns);
  },
  async allTexts() {
    return (await db.query(`${SELECT_TEXTS} ORDER BY added_at, hash, language`)).rows;
  },
});

export async function migratePostgres(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    // Several receivers may start at once: one migrates, the others wait and find it done.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations('postgres')) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The URL for people: no password. */
export function shownUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error('DATABASE_URL is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database');
  parsed.password = '';
  return parsed.toString();
}

/** PostgreSQL; with `mustExist` (the commands that only read) a database without our tables is an error, and none are created. */
export async function openPostgres(url: string, { migrate = true, mustExist = false } = {}): Promise<Store & { pool: pg.Pool }> {
  const shown = shownUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client losing its server must not take the process down; the next query reports it.
  pool.on('error', () => undefined);
  let tables = true;
  try {
    if (mustExist) tables = !!(await pool.query("SELECT to_regclass('records') AS t")).rows[0].t;
    if (tables && migrate) await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    // The driver says "ECONNREFUSED 127.0.0.1:5432" or "password authentication failed": say which database.
    throw storeError({ code: 'postgres-open', where: shown, cause: (error as Error).message });
  }
  if (!tables) {
    await pool.end();
    throw storeError({ code: 'postgres-empty', where: shown });
  }

  const appendOnce = (batch: Incoming[]) => inTransaction(pool, async (client) => {
    // Sorted, so two transactions with overlapping batches take the locks in the same order.
    const sites = [...new Set(batch.map((i) => i.site))].sort();
    await client.query(LOCK_SITES, [sites]);
    // After the locks, in one round trip: what is already stored under these keys, and each chain's head.
    const { rows: found } = await client.query(STORED_AND_HEADS,
      [batch.map((i) => i.record.id), batch.map((i) => i.record.action), batch.map((i) => i.record.timestamp), sites]);
    const stored = new Map<string, LogRecord>();
    const heads = new Map<string, Head>();
    for (const c of found) {
      if (c.is_head) heads.set(c.site, { position: Number(c.position), hash: c.hash });
      else {
        const record = fromColumns(c).record!;
        stored.set(recordKey(record), record);
      }
    }
    const { rows, outcomes } = plan(batch, stored, heads);
    if (rows.length) await client.query(INSERT, columnsOf(rows));
    return outcomes;
  });

  const rowsOf = (result: pg.QueryResult) => result.rows.map(fromColumns);

  return {
    dialect: 'postgres',
    where: shown,
    pool,
    async append(batch) {
      // The same record may reach another process at the same moment, under another site's lock:
      // the unique index refuses the second insert, and a retry finds the first one stored.
      for (let attempt = 0; ; attempt++) {
        try {
          return await appendOnce(batch);
        } catch (error) {
          if ((error as { code?: string }).code != UNIQUE_VIOLATION || attempt >= 5) throw error;
        }
      }
    },
    async find(id) {
      return rowsOf(await pool.query(`${SELECT} WHERE consent_id = $1 ORDER BY received_at, seq`, [id]));
    },
    async page(range: Range, afterSeq, limit) {
      return rowsOf(await pool.query(`${SELECT} WHERE kind = 'record' AND seq > $1
        AND ($2::text IS NULL OR received_at >= $2) AND ($3::text IS NULL OR received_at < $3) AND ($4::text IS NULL OR site = $4)
        ORDER BY seq LIMIT $5`, [afterSeq, range.from ?? null, range.before ?? null, range.site ?? null, limit]));
    },
    ...readView(pool),
    // One snapshot for the whole walk; read-only, so it never waits on or blocks a writer.
    snapshot: (work) => inTransaction(pool, (client) => work(readView(client)), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    async purge(cutoff, now) {
      const { rows: siteRows } = await pool.query('SELECT DISTINCT site FROM records ORDER BY site');
      const results = [];
      for (const { site } of siteRows) {
        const result = await inTransaction(pool, async (client) => {
          await lockSite(client, site);
          const h = (await readHead(client, site))!;
          const keep = (await client.query('SELECT MIN(position) AS p FROM records WHERE site = $1 AND received_at >= $2', [site, cutoff])).rows[0].p;
          const through = keep == null ? h.position : Number(keep) - 1;
          const first = Number((await client.query('SELECT MIN(position) AS p FROM records WHERE site = $1', [site])).rows[0].p);
          if (through < first) return null;
          const last = (await client.query('SELECT hash FROM records WHERE site = $1 AND position = $2', [site, through])).rows[0].hash;
          await client.query("SET LOCAL kelisim.purge = 'on'");
          const removed = (await client.query('DELETE FROM records WHERE site = $1 AND position <= $2', [site, through])).rowCount || 0;
          await client.query("SET LOCAL kelisim.purge = 'off'");
          await client.query(INSERT, columnsOf([purgeMarker(site, h, { count: removed, through, lastHash: last, cutoff }, now)]));
          return { site, removed, removedThrough: through };
        });
        if (result) results.push(result);
      }
      return results;
    },
    async logAccess(e: AccessEntry) {
      await pool.query('INSERT INTO access_log (at, token, what, detail, ip) VALUES ($1, $2, $3, $4, $5)', [e.at, e.token, e.what, e.detail, e.ip]);
    },
    async accessLog() {
      return (await pool.query('SELECT at, token, what, detail, ip FROM access_log ORDER BY seq')).rows;
    },
    async addTexts(entries: TextsEntry[]) {
      return inTransaction(pool, async (client) => {
        let added = 0;
        for (const e of entries) {
          added += (await client.query(`INSERT INTO texts (kind, hash, language, texts, source, added_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (kind, hash, language) DO NOTHING`, [e.kind, e.hash, e.language, e.texts, e.source, e.addedAt])).rowCount || 0;
        }
        return added;
      });
    },
    async texts(hash) {
      return (await pool.query(`${SELECT_TEXTS} WHERE hash = $1 ORDER BY added_at`, [hash])).rows;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
