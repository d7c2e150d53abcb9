import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createReceiver } from '../src/server';
import { shownUrl } from '../src/store/postgres';
import type { Lang } from '../src/headings';
import { CLI, exited, freshPlace, incoming, openPlace, record, startBin, type Place } from './helpers';

const run = async (args: string[], env: Record<string, string>, cwd?: string) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

/** A store holding two records received long ago and one from now: retention of 30 days removes two. */
async function storeWithOldRows(): Promise<Place> {
  const place = await freshPlace('sqlite');
  const store = await openPlace(place);
  const old = () => ({ ...incoming(record()), receivedAt: '2025-01-01T00:00:00.000Z' });
  await store.append([old(), old(), incoming(record())]);
  await store.close();
  return place;
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('what serve tells the operator', () => {
  test.each([
    [[], 'kelisim-receiver принимает записи на', 'kelisim-receiver: KELISIM_TOKEN не задан, поэтому чтение и выгрузка по HTTP выключены.',
      'kelisim-receiver остановлен; все записи, получение которых он подтвердил, сохранены.'],
    [['--lang', 'kk'], 'kelisim-receiver жазбаларды', 'kelisim-receiver: KELISIM_TOKEN берілмеген, сондықтан HTTP арқылы оқу мен түсіру өшірулі.',
      'kelisim-receiver тоқтатылды; қабылданғаны расталған жазбалардың бәрі сақталды.'],
    [['--lang', 'en'], 'kelisim-receiver listening on', 'kelisim-receiver: KELISIM_TOKEN is not set, so reading and export over HTTP are off.',
      'kelisim-receiver stopped; every record it confirmed is stored.'],
  ])('starts and stops in the language asked for (%j)', async (lang, ready, noToken, stopped) => {
    const place = await freshPlace('sqlite');
    const { url, child, output } = await startBin(['--port', '0', '--origin', 'https://shop.kz', ...lang], { ...place.env, KELISIM_TOKEN: '' });
    const where = `(sqlite: ${join(realpathSync(place.data), 'consent.db')})`;
    const line = {
      'kelisim-receiver принимает записи на': `kelisim-receiver принимает записи на ${url} ${where}`,
      'kelisim-receiver жазбаларды': `kelisim-receiver жазбаларды ${url} мекенжайында қабылдайды ${where}`,
      'kelisim-receiver listening on': `kelisim-receiver listening on ${url} ${where}`,
    }[ready];
    // 'close', not 'exit': the last line may still be in the pipe when the process is gone.
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    await closed;
    expect(output().split('\n').filter(Boolean).sort()).toEqual([line, noToken, stopped].sort());
  });

  test('logs each retention purge in the language asked for, Russian by default', async () => {
    for (const [lang, expected] of [
      [[], 'kelisim-receiver: по сроку хранения у https://shop.kz удалено строк: 2 (позиции до 2 включительно)'],
      [['--lang', 'kk'], 'kelisim-receiver: сақтау мерзімі бойынша https://shop.kz сайтының жойылған жолдар саны: 2 (2-позицияны қоса алғанда)'],
    ] as const) {
      const place = await storeWithOldRows();
      const { child, output } = await startBin(['--port', '0', '--origin', 'https://shop.kz', '--retention-days', '30', ...lang], { ...place.env, KELISIM_TOKEN: 'x' });
      try {
        await until(() => output().includes(expected));
        expect(output()).toContain(`${expected}\n`);
      } finally {
        child.kill('SIGTERM');
        await exited(child);
      }
    }
  });

  test('a retention purge that fails is logged in the language asked for', async () => {
    const said: Record<Lang, string[]> = { ru: [], kk: [], en: [] };
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const store = await openPlace(await freshPlace('sqlite'));
      const app = await createReceiver({
        store: { ...store, purge: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full')) },
        origins: ['https://shop.kz'], retentionDays: 30, lang, log: (line) => void said[lang].push(line),
      });
      await app.ready();
      await app.close();
    }
    expect(said).toEqual({
      ru: ['kelisim-receiver: очистка по сроку хранения не удалась: SQLITE_FULL: database or disk is full'],
      kk: ['kelisim-receiver: сақтау мерзімі бойынша тазалау орындалмады: SQLITE_FULL: database or disk is full'],
      en: ['kelisim-receiver: retention failed: SQLITE_FULL: database or disk is full'],
    });
  });
});

describe('what the command line refuses, told to the operator', () => {
  test('wrong usage is told in Russian by default and in Kazakh with --lang, and exits 2', async () => {
    const cases: [string[], string][] = [
      [['--port', 'eighty'], 'kelisim-receiver: --port: нужно целое число от 0 до 65535, получено "eighty"\n'],
      [['--port', 'eighty', '--lang', 'kk'], 'kelisim-receiver: --port: 0 мен 65535 аралығындағы бүтін сан керек, берілгені "eighty"\n'],
      [['--port', 'eighty', '--lang', 'en'], 'kelisim-receiver: --port must be a whole number from 0 to 65535, got "eighty"\n'],
      [['--colour', 'migrate'], 'kelisim-receiver: неизвестный параметр --colour; см. kelisim-receiver --help\n'],
      [['--colour', '--lang=kk'], 'kelisim-receiver: белгісіз параметр --colour; kelisim-receiver --help анықтамасын қараңыз\n'],
      [['verify', '--data'], 'kelisim-receiver: после --data нужно указать значение\n'],
      [['--ip', 'partial', '--lang', 'kk'], 'kelisim-receiver: --ip: full, truncated немесе none мәндерінің бірі керек, берілгені "partial"\n'],
      [['--lang', 'de'], 'kelisim-receiver: --lang: допустимо ru, kk или en, получено "de"\n'],
      [['find'], 'kelisim-receiver: для find укажите идентификатор согласия: kelisim-receiver find <идентификатор>\n'],
      [['find', '--lang', 'kk'], 'kelisim-receiver: find командасына келісім идентификаторын беріңіз: kelisim-receiver find <идентификатор>\n'],
      [['export', '--from', '2026-02-30'], 'kelisim-receiver: from: 2026-02-30 — такого дня в календаре нет\n'],
      [['export', '--site', 'shop.kz', '--lang', 'kk'], 'kelisim-receiver: site: бұл мекенжай емес; https://example.kz түрінде жазыңыз\n'],
      [['vrify', '--lang', 'kk'], 'kelisim-receiver: белгісіз команда "vrify"; kelisim-receiver --help анықтамасын қараңыз\n'],
      [['--origin', 'https://shop.kz/cart'], 'kelisim-receiver: --origin "https://shop.kz/cart": нужен только адрес сайта, например https://example.kz (http или https, без пути, параметров и имени пользователя)\n'],
      [[], "kelisim-receiver: ни одному сайту не разрешено отправлять записи: укажите --origin https://ваш-сайт.kz (или KELISIM_ORIGINS); --origin '*' принимает записи с любого сайта, только для разработки\n"],
      [['--lang', 'kk'], "kelisim-receiver: бірде-бір сайтқа жазба жіберуге рұқсат берілмеген: --origin https://сіздің-сайтыңыз.kz (немесе KELISIM_ORIGINS) беріңіз; --origin '*' кез келген сайттың жазбасын қабылдайды, тек әзірлеу үшін\n"],
    ];
    const place = await freshPlace('sqlite');
    for (const [args, stderr] of cases) {
      expect(await run(args, { ...place.env, KELISIM_ORIGINS: '' }), args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr });
    }
    expect(await run(['verify', '--lang', 'kk'], { DATABASE_URL: 'mysql://root@localhost/shop' })).toMatchObject({
      code: 2, stderr: 'kelisim-receiver: DATABASE_URL PostgreSQL мекенжайы емес: оны postgres://пайдаланушы:құпиясөз@хост:5432/база түрінде жазыңыз\n',
    });
  });

  test('a store that cannot be opened is named in the language asked for, and exits 1', async () => {
    const empty = realpathSync(mkdtempSync(join(tmpdir(), 'kelisim-empty-')));
    const { KELISIM_DATA: _data, DATABASE_URL: _url, ...env } = process.env;
    const bare = (args: string[]) => run(args, env as Record<string, string>, empty);
    const here = join(empty, 'kelisim-data', 'consent.db');
    expect(await bare(['verify'])).toMatchObject({ code: 1, stdout: '',
      stderr: `kelisim-receiver: ошибка: хранилище согласий не найдено (${here}): проверьте --data (KELISIM_DATA) или DATABASE_URL для PostgreSQL\n` });
    expect(await bare(['find', 'abcdefghijklmnop', '--lang', 'kk'])).toMatchObject({ code: 1, stdout: '',
      stderr: `kelisim-receiver: қате: келісім қоймасы табылмады (${here}): --data (KELISIM_DATA) параметрін, ал PostgreSQL үшін DATABASE_URL айнымалысын тексеріңіз\n` });

    mkdirSync(join(empty, 'kelisim-data', 'consent.db'), { recursive: true });
    expect(await bare(['verify', '--lang', 'kk'])).toMatchObject({ code: 1, stdout: '',
      stderr: `kelisim-receiver: қате: ${here} SQLite қоймасын ашу мүмкін болмады (--data, KELISIM_DATA): unable to open database file\n` });
    expect(await bare(['migrate'])).toMatchObject({ code: 1,
      stderr: `kelisim-receiver: ошибка: не удалось открыть хранилище SQLite ${here} (--data, KELISIM_DATA): unable to open database file\n` });

    const refused = await run(['verify'], { DATABASE_URL: 'postgres://kelisim:s3cret@127.0.0.1:1/consent' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^kelisim-receiver: ошибка: PostgreSQL по адресу postgres:\/\/kelisim@127\.0\.0\.1:1\/consent недоступен \(DATABASE_URL\): connect ECONNREFUSED/);
    const empty2 = await freshPlace('postgres');
    expect(await run(['verify', '--lang', 'kk'], { DATABASE_URL: empty2.databaseUrl! })).toMatchObject({ code: 1,
      stderr: `kelisim-receiver: қате: ${shownUrl(empty2.databaseUrl!)} дерекқорында (DATABASE_URL) келісім жазбалары жоқ: DATABASE_URL айнымалысын тексеріңіз\n` });
  });
});
