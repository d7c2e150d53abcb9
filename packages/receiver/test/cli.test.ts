import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { validate } from '../../../src/core/validate';
import { textHash } from '../../../src/i18n/text-hash';
import { CLI, exited, freshPlace, incoming, openPlace, rawSql, record, startBin } from './helpers';

const run = async (args: string[], env: Record<string, string>) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('the kelisim-receiver command', () => {
  test('refuses to serve with no allowed origin, and says why', async () => {
    const place = await freshPlace('sqlite');
    const { code, stderr } = await run([], place.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--origin/);
  });

  test('--help shows an example; a wrong flag exits 2', async () => {
    expect((await run(['--help', '--lang', 'en'], {})).stdout).toMatch(/Example:\n\s+KELISIM_TOKEN=/);
    expect((await run(['--ip', 'partial', 'migrate'], {})).code).toBe(2);
  });

  test('registers a config\'s texts, then finds, exports and verifies from the command line', async () => {
    const place = await freshPlace('sqlite');
    const config = { revision: '3', categories: { necessary: { required: true }, analytics: {} }, texts: { 'ru-kz': { title: 'Cookie на сайте' } } };
    const file = join(place.data, 'site.json');
    writeFileSync(file, JSON.stringify(config));
    expect((await run(['migrate', '--lang', 'en'], place.env)).stdout).toMatch(/up to date/);
    const added = await run(['texts', 'add', file], place.env);
    expect(added.code).toBe(0);
    const settings = validate(config, () => undefined, () => undefined);
    for (const language of ['ru', 'kk', 'en', 'ru-kz']) expect(added.stdout).toContain(`${language}  ${textHash(settings, language)}`);

    const { url, child } = await startBin(['--port', '0', '--origin', 'https://shop.kz'], place.env);
    const id = 'visitor-from-cli-01';
    for (const r of [record({ id, textHash: textHash(settings, 'kk'), language: 'kk' }), record({ id, action: 'withdrawal', textHash: 'f00' })]) {
      await fetch(`${url}/v1/consent`, { method: 'POST', headers: { Origin: 'https://shop.kz', 'Content-Type': 'application/json' }, body: JSON.stringify(r) });
    }
    child.kill('SIGTERM');
    await exited(child);

    const found = await run(['find', id, '--json'], place.env);
    const { records } = JSON.parse(found.stdout);
    expect(records.map((r: { action: string }) => r.action)).toEqual(['choice', 'withdrawal']);
    expect(records[0]).toMatchObject({ texts: { source: 'site.json', language: 'kk' }, textsUnknown: false });
    expect(records[1].textsUnknown).toBe(true);
    expect((await run(['find', id, '--lang', 'en'], place.env)).stdout).toMatch(/UNKNOWN \(f00\)/);

    const out = join(place.data, 'export.ndjson');
    const today = new Date().toISOString().slice(0, 10);
    expect((await run(['export', '--from', today, '--to', today, '--format', 'ndjson', '--out', out], place.env)).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);

    expect(await run(['verify', '--lang', 'en'], place.env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/Chain verified: 2 row/) });
    await rawSql(place, 'DROP TRIGGER records_no_update');
    await rawSql(place, "UPDATE records SET denied = '[]' WHERE position = 1");
    const broken = await run(['verify', '--json'], place.env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBadRow: { site: 'https://shop.kz', position: 1 } });

    const log = await rawSql(place, 'SELECT what FROM access_log ORDER BY seq') as { what: string }[];
    expect(log.map((e) => e.what)).toEqual(['find', 'find', 'export', 'verify', 'verify']);
  });

  test('a row edited into unreadable JSON is named by verify, find and export, each exiting 1', async () => {
    const place = await freshPlace('sqlite');
    const store = await openPlace(place);
    const records = [record(), record(), record()];
    await store.append(records.map((r) => incoming(r)));
    await store.close();
    await rawSql(place, 'DROP TRIGGER records_no_update');
    await rawSql(place, "UPDATE records SET granted = 'necessary' WHERE position = 2");
    const verdict = await run(['verify', '--lang', 'en'], place.env);
    expect(verdict).toMatchObject({ code: 1, stderr: '' });
    expect(verdict.stdout).toMatch(/^Chain broken at https:\/\/shop\.kz position 2 \(row 2\): its granted column/);
    const found = await run(['find', records[1].id, '--lang', 'en'], place.env);
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/granted: UNREADABLE {2}denied: advertising/);
    expect(found.stderr).toMatch(/the record at https:\/\/shop\.kz position 2 \(row 2\) cannot be read: its granted column/);
    const exported = await run(['export', '--format', 'ndjson', '--lang', 'en'], place.env);
    expect(exported.code).toBe(1);
    expect(exported.stdout.trim().split('\n')).toHaveLength(3);
    expect(exported.stderr).toMatch(/position 2 \(row 2\) cannot be read/);
  });

  test('verify, find and export refuse a store that is not there, name where they looked, and create nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kelisim-empty-'));
    const { KELISIM_DATA: _data, DATABASE_URL: _url, ...env } = process.env;
    const bare = async (args: string[], extra: Record<string, string> = {}) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...env, ...extra }, cwd: empty });
        return { code: 0, stdout, stderr };
      } catch (error) {
        return error as { code: number; stdout: string; stderr: string };
      }
    };
    const here = join(realpathSync(empty), 'kelisim-data', 'consent.db');
    for (const args of [['verify'], ['verify', '--json'], ['find', 'abcdefghijklmnop'], ['export']]) {
      const result = await bare([...args, '--lang', 'en']);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`there is no consent store at ${here}: check --data (KELISIM_DATA)`);
    }
    const typo = await bare(['--data', join(empty, 'typo'), 'find', 'abcdefghijklmnop']);
    expect(typo).toMatchObject({ code: 1, stdout: '' });
    expect(typo.stderr).toContain(join(realpathSync(empty), 'typo', 'consent.db'));
    expect(readdirSync(empty)).toEqual([]);

    // A PostgreSQL database without our tables is refused the same way, and left without them.
    const place = await freshPlace('postgres');
    const pgVerify = await bare(['verify', '--lang', 'en'], { DATABASE_URL: place.databaseUrl! });
    expect(pgVerify).toMatchObject({ code: 1, stdout: '' });
    expect(pgVerify.stderr).toMatch(/the database at postgres:\/\/\S+ \(DATABASE_URL\) holds no consent records: check DATABASE_URL/);
    expect(await rawSql(place, "SELECT to_regclass('records') AS t")).toEqual([{ t: null }]);
  });

  test('verify shows each retention purge: when it ran, how many rows went, through which position', async () => {
    const place = await freshPlace('sqlite');
    const store = await openPlace(place);
    const old = () => ({ ...incoming(record()), receivedAt: '2025-01-01T00:00:00.000Z' });
    await store.append([old(), old(), old(), incoming(record())]);
    await store.purge('2026-01-01T00:00:00.000Z', '2026-06-01T03:00:00.000Z');
    await store.close();
    const text = await run(['verify', '--lang', 'en'], place.env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  https://shop.kz  position 5: retention on 2026-06-01T03:00:00.000Z removed 3 row(s) through position 3, received before 2026-01-01T00:00:00.000Z\n');
    const json = JSON.parse((await run(['verify', '--json'], place.env)).stdout);
    expect(json.purges).toEqual([{ site: 'https://shop.kz', position: 5, at: '2026-06-01T03:00:00.000Z', removed: 3, removedThrough: 3, receivedBefore: '2026-01-01T00:00:00.000Z' }]);
  });

  test('serves a site given by its Cyrillic name, which browsers send in punycode', async () => {
    const place = await freshPlace('sqlite');
    const { url, child } = await startBin(['--port', '0', '--origin', 'https://Магазин.ҚАЗ:443'], place.env);
    try {
      const post = (origin: string) => fetch(`${url}/v1/consent`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify(record()) });
      expect((await post('https://xn--80aairftm.xn--80ao21a')).status).toBe(201);
      expect((await post('https://xn--80aairftm.xn--80ao21a.evil.kz')).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    const exported = await run(['export', '--format', 'ndjson', '--site', 'https://магазин.қаз'], place.env);
    expect(exported.stdout.trim().split('\n').map((l) => JSON.parse(l).site)).toEqual(['https://xn--80aairftm.xn--80ao21a']);
  });

  test('a store it cannot open is named with the setting that chose it', async () => {
    const place = await freshPlace('sqlite');
    const env = (over: Record<string, string>) => ({ ...place.env, ...over });
    const notUrl = await run(['verify', '--lang', 'en'], env({ DATABASE_URL: 'notaurl' }));
    expect(notUrl).toMatchObject({ code: 2, stderr: 'kelisim-receiver: DATABASE_URL is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database\n' });
    expect((await run(['migrate'], env({ DATABASE_URL: 'mysql://root@localhost/shop' }))).code).toBe(2);

    const refused = await run(['verify', '--lang', 'en'], env({ DATABASE_URL: 'postgres://kelisim:s3cret@127.0.0.1:1/consent' }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^kelisim-receiver: error: cannot use PostgreSQL at postgres:\/\/kelisim@127\.0\.0\.1:1\/consent \(DATABASE_URL\): connect ECONNREFUSED/);
    expect(refused.stderr).not.toContain('s3cret');

    // A folder where the database file should be, and a file where the data folder should be.
    mkdirSync(join(place.data, 'consent.db'));
    const folder = await run(['verify', '--lang', 'en'], place.env);
    expect(folder).toMatchObject({ code: 1, stdout: '' });
    expect(folder.stderr).toBe(`kelisim-receiver: error: cannot open the SQLite store at ${join(place.data, 'consent.db')} (--data, KELISIM_DATA): unable to open database file\n`);
    const file = join(place.data, 'not-a-folder');
    writeFileSync(file, '');
    const served = await run(['migrate', '--data', file, '--lang', 'en'], {});
    expect(served.code).toBe(1);
    expect(served.stderr).toContain(`cannot open the SQLite store at ${join(file, 'consent.db')} (--data, KELISIM_DATA): EEXIST`);
  });

  test('a config with errors is not registered', async () => {
    const place = await freshPlace('sqlite');
    const file = join(place.data, 'bad.json');
    writeFileSync(file, JSON.stringify({ categories: { '1bad': {} } }));
    const result = await run(['texts', 'add', file], place.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/config\.categories\.1bad/);
  });
});
