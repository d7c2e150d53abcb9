import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LogRecord } from '../../../src/core/record';
import { openPostgres } from '../src/store/postgres';
import { openSqlite } from '../src/store/sqlite';
import type { Store } from '../src/store/types';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const STORES = ['sqlite', 'postgres'] as const;
export type Kind = (typeof STORES)[number];

/** Where a fresh, empty store lives: a temp folder, or a new database on the test server. */
export interface Place {
  kind: Kind;
  data: string;
  databaseUrl?: string;
  env: Record<string, string>;
}

export async function freshPlace(kind: Kind): Promise<Place> {
  const data = mkdtempSync(join(tmpdir(), 'kelisim-receiver-'));
  if (kind == 'sqlite') return { kind, data, env: { KELISIM_DATA: data } };
  const base = process.env.KELISIM_TEST_DATABASE_URL;
  if (!base) throw new Error('KELISIM_TEST_DATABASE_URL is not set: run the tests with `npm test` in packages/receiver, which starts PostgreSQL');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(base);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { kind, data, databaseUrl: url.toString(), env: { KELISIM_DATA: data, DATABASE_URL: url.toString() } };
}

export async function openPlace(place: Place): Promise<Store> {
  return place.databaseUrl ? openPostgres(place.databaseUrl) : openSqlite(place.data);
}

/** Runs raw SQL against a place, as an intruder with database access would. */
export async function rawSql(place: Place, sql: string, params: unknown[] = []): Promise<unknown[]> {
  if (place.databaseUrl) {
    const client = new pg.Client(place.databaseUrl);
    await client.connect();
    try {
      return (await client.query(sql.replace(/\?/g, (_, i) => `$${sql.slice(0, i).split('?').length}`), params)).rows;
    } finally {
      await client.end();
    }
  }
  const store = openSqlite(place.data, { migrate: false });
  try {
    const statement = store.db.prepare(sql);
    return statement.reader ? statement.all(...params) : (statement.run(...params), []);
  } finally {
    await store.close();
  }
}

let counter = 0;
/** A record as the library sends it, with a unique id unless one is given. */
export function record(over: Partial<LogRecord> = {}): LogRecord {
  counter++;
  return {
    id: `rec${process.pid}x${counter}xxxxxxxxxx`.slice(0, 24),
    timestamp: new Date(Date.UTC(2026, 10, 30, 10, 0, 0, counter)).toISOString(),
    action: 'choice',
    granted: ['necessary', 'analytics'],
    denied: ['advertising'],
    revision: '1',
    language: 'ru',
    textHash: '1ab2cd',
    path: '/',
    ...over,
  };
}

export const incoming = (r: LogRecord, site = 'https://shop.kz') => ({
  record: r, site, receivedAt: new Date().toISOString(), userAgent: 'test', ip: '10.0.0.0',
});

/** Starts the built bin and resolves with its URL once it prints the ready line (in whichever language). */
export function startBin(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the receiver did not become ready:\n${output}`)), 30_000);
    child.stderr!.on('data', (d) => (output += d));
    child.stdout!.on('data', (d) => {
      output += d;
      stdout += d;
      const ready = /(http:\/\/\S+)\s/.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1], child, output: () => output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the receiver exited with ${code}:\n${output}`));
    });
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
