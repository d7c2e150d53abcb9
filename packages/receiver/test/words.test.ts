import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { HEADINGS } from '../src/headings';
import { verifyChains } from '../src/verify';
import { CLI, freshPlace, incoming, openPlace, rawSql, record, STORES } from './helpers';

const run = async (args: string[], env: Record<string, string>) => {
  try {
    return { code: 0, ...(await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } })) };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
};

/** A store with one record kept, two purged, and the kept one's list edited behind the triggers when `broken`. */
async function storeWithHistory(broken: boolean) {
  const place = await freshPlace('sqlite');
  const store = await openPlace(place);
  const old = () => ({ ...incoming(record()), receivedAt: '2025-01-01T00:00:00.000Z' });
  const kept = record({ id: 'visitor-speaks-kazakh', textHash: 'f00', granted: ['necessary'], denied: [] });
  await store.append([old(), old(), { ...incoming(kept), receivedAt: '2026-03-01T09:00:00.000Z' }]);
  await store.purge('2026-01-01T00:00:00.000Z', '2026-06-01T03:00:00.000Z');
  await store.close();
  if (broken) {
    await rawSql(place, 'DROP TRIGGER records_no_update');
    await rawSql(place, "UPDATE records SET granted = 'necessary' WHERE position = 3");
  }
  return place;
}

describe('what verify and find tell the operator', () => {
  test('is Russian by default, Kazakh or English with --lang', async () => {
    const place = await storeWithHistory(false);
    const out = async (args: string[]) => (await run(args, place.env)).stdout.split('\n').filter(Boolean);
    const head = (await run(['verify', '--json'], place.env)).stdout.match(/"hash":"([0-9a-f]{64})"/)![1];
    expect(await out(['verify'])).toEqual([
      'Цепочка проверена, строк: 2.',
      `  https://shop.kz  позиция 4  хеш вершины ${head}`,
      '  https://shop.kz  позиция 4: 2026-06-01T03:00:00.000Z по сроку хранения удалено строк: 2 (позиции до 2 включительно, получены до 2026-01-01T00:00:00.000Z)',
    ]);
    expect(await out(['verify', '--lang', 'kk'])).toEqual([
      'Тізбек тексерілді, жолдар саны: 2.',
      `  https://shop.kz  позиция 4  соңғы хеш ${head}`,
      '  https://shop.kz  позиция 4: 2026-06-01T03:00:00.000Z сақтау мерзімі бойынша жойылған жолдар саны: 2 (2-позицияны қоса алғанда, 2026-01-01T00:00:00.000Z сәтінен бұрын алынғандар)',
    ]);
    expect(await out(['find', 'visitor-speaks-kazakh'])).toEqual([
      '2026-03-01T09:00:00.000Z  choice      разрешено: necessary  отклонено: -',
      '    https://shop.kz/  язык ru  редакция 1  тексты НЕИЗВЕСТНО (f00)',
    ]);
    expect(await out(['find', 'visitor-speaks-kazakh', '--lang', 'kk'])).toEqual([
      '2026-03-01T09:00:00.000Z  choice      рұқсат етілген: necessary  бас тартылған: -',
      '    https://shop.kz/  тілі ru  редакциясы 1  мәтіндер БЕЛГІСІЗ (f00)',
    ]);
    expect(await out(['find', 'nobody-has-this-id', '--lang', 'kk'])).toEqual(['Келісім идентификаторы nobody-has-this-id болатын жазба табылмады.']);
    expect((await run(['--help'], {})).stdout).toMatch(/^kelisim-receiver — хранилище доказательств согласия[\s\S]*Пример:\n/);
    expect((await run(['--help', '--lang', 'kk'], {})).stdout).toMatch(/^kelisim-receiver — Kelisim журналындағы келісім дәлелдерінің қоймасы[\s\S]*Мысал:\n/);
  });

  test('names a broken row in the language asked for, with the same code in every language', async () => {
    const place = await storeWithHistory(true);
    const ru = await run(['verify'], place.env);
    expect(ru).toMatchObject({ code: 1, stdout: 'Цепочка нарушена: https://shop.kz, позиция 3 (строка 3): поле granted больше не читается как список категорий (изменено после записи). Строк до неё, которые сходятся: 0.\n' });
    const kk = await run(['verify', '--lang', 'kk'], place.env);
    expect(kk.stdout).toBe('Тізбек үзілген: https://shop.kz, 3-позиция (3-жол): granted өрісі енді санаттар тізімі ретінде оқылмайды (жазылғаннан кейін өзгертілген). Одан бұрынғы сәйкес келетін жолдар саны: 0.\n');
    const found = await run(['find', 'visitor-speaks-kazakh', '--lang', 'kk'], place.env);
    expect(found.stdout).toContain('рұқсат етілген: ОҚЫЛМАЙДЫ');
    expect(found.stderr).toBe('kelisim-receiver: https://shop.kz сайтының 3-позициядағы жазбасы (3-жол) оқылмайды: granted өрісі дерекқорда өзгертілген; тізбекті kelisim-receiver verify командасымен тексеріңіз\n');
    for (const lang of ['ru', 'kk', 'en']) {
      expect(JSON.parse((await run(['verify', '--json', '--lang', lang], place.env)).stdout).firstBadRow).toMatchObject({ code: 'unreadable', columns: ['granted'] });
    }
  });
});

describe.each(STORES)('verify reasons on %s', (kind) => {
  test('carry a code and are told in the language asked for', async () => {
    const place = await freshPlace(kind);
    const store = await openPlace(place);
    try {
      await store.append([record(), record(), record()].map((r) => incoming(r)));
      await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_delete' : 'DROP TRIGGER records_append_only ON records');
      await rawSql(place, 'DELETE FROM records WHERE position = 2');
      const at = { site: 'https://shop.kz', position: 3, code: 'missing', expected: 2 };
      expect((await verifyChains(store)).firstBadRow).toMatchObject({ ...at, reason: 'row(s) missing before it: expected position 2' });
      expect((await verifyChains(store, 2000, 'ru')).firstBadRow).toMatchObject({ ...at, reason: 'перед ней не хватает строк: ожидалась позиция 2' });
      expect((await verifyChains(store, 2000, 'kk')).firstBadRow).toMatchObject({ ...at, reason: 'алдында жолдар жетіспейді: 2-позиция күтілген еді' });
    } finally {
      await store.close();
    }
  });
});

describe('the export header a regulator reads', () => {
  test('names the revision column as the policy edition the configurator sets, not a version of the config', () => {
    const column = (lang: 'ru' | 'kk' | 'en') => HEADINGS[lang].columns[8];
    expect(column('ru')).toBe('Редакция политики конфиденциальности');
    expect(column('kk')).toBe('Құпиялылық саясатының редакциясы');
    expect(column('en')).toBe('Privacy policy revision');
  });
});
