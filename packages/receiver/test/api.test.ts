import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { validate } from '../../../src/core/validate';
import { textHash } from '../../../src/i18n/text-hash';
import { createReceiver, type ReceiverOptions } from '../src/server';
import type { Store } from '../src/store/types';
import { textsOfConfig } from '../src/texts';
import { freshPlace, openPlace, rawSql, record, STORES, type Place } from './helpers';

const SITE = 'https://shop.kz';
const TOKEN = 'correct horse battery staple';

describe.each(STORES)('the HTTP API on %s', (kind) => {
  let app: FastifyInstance | undefined;
  let place: Place;
  let store: Store;
  let url: string;

  const start = async (options: Partial<ReceiverOptions> = {}) => {
    place = await freshPlace(kind);
    store = await openPlace(place);
    app = await createReceiver({ store, origins: [SITE], token: TOKEN, ...options });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  };
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${url}/v1/consent`, {
    method: 'POST',
    headers: { Origin: SITE, 'Content-Type': 'application/json', ...headers },
    body: typeof body == 'string' ? body : JSON.stringify(body),
  });
  const read = (path: string, token = TOKEN) => fetch(`${url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const count = async () => Number((await rawSql(place, 'SELECT COUNT(*) AS n FROM records') as { n: number }[])[0].n);

  test('a record is stored once: 201, then 200 for the resend, 409 for other content under its key', async () => {
    await start();
    const r = record();
    expect((await post(r)).status).toBe(201);
    const again = await post(r);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ stored: false, reason: 'already stored' });
    expect((await post({ ...r, denied: [] })).status).toBe(409);
    // navigator.sendBeacon with a string sends text/plain.
    expect((await post(record({ action: 'reset' }), { 'Content-Type': 'text/plain;charset=UTF-8' })).status).toBe(201);
    expect(await count()).toBe(2);
  });

  test('a visitor\'s id finds every record of it, oldest first, with when and where it arrived', async () => {
    await start();
    const id = 'Visitor_Id-123456';
    for (const action of ['choice', 'withdrawal', 'reset'] as const) expect((await post(record({ id, action }))).status).toBe(201);
    const response = await read(`/v1/consent/${id}`);
    expect(response.status).toBe(200);
    const { records } = await response.json();
    expect(records.map((r: { action: string }) => r.action)).toEqual(['choice', 'withdrawal', 'reset']);
    expect(records[0]).toMatchObject({ id, site: SITE, ip: '127.0.0.0', textsUnknown: true, receivedAt: expect.stringMatching(/^\d{4}-/) });
    expect(await store.accessLog()).toEqual([expect.objectContaining({ what: 'find', detail: JSON.stringify({ id }), token: expect.stringMatching(/^sha256:/) })]);
  });

  test('reads need the token: none or a wrong one gets 401 and no access is logged', async () => {
    await start();
    for (const path of ['/v1/consent/abcdefghijklmnop', '/v1/export', '/v1/verify']) {
      expect((await read(path, '')).status).toBe(401);
      expect((await read(path, 'correct horse battery stapler')).status).toBe(401);
      expect((await read(path, TOKEN.slice(0, -1))).status).toBe(401);
    }
    expect(await store.accessLog()).toEqual([]);
  });

  test('posts from a site not listed, or with no Origin, get 403; a listed site gets CORS headers', async () => {
    await start();
    expect((await post(record(), { Origin: 'https://evil.kz' })).status).toBe(403);
    const noOrigin = await fetch(`${url}/v1/consent`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record()) });
    expect(noOrigin.status).toBe(403);
    expect(await count()).toBe(0);
    const preflight = await fetch(`${url}/v1/consent`, { method: 'OPTIONS', headers: { Origin: SITE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    const foreign = await fetch(`${url}/v1/consent`, { method: 'OPTIONS', headers: { Origin: 'https://evil.kz', 'Access-Control-Request-Method': 'POST' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a flood from one address gets 429 with Retry-After, after the origin check', async () => {
    await start({ rateLimit: 3 });
    for (let i = 0; i < 5; i++) expect((await post(record(), { Origin: 'https://evil.kz' })).status).toBe(403);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(record())).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await post(record());
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/too many/);
    expect(await count()).toBe(3);
  });

  test.each([
    ['malformed JSON', '{"id": "abc', {}, 400],
    ['an empty body', '', {}, 400],
    ['an oversized body', JSON.stringify({ ...record(), path: `/${'я'.repeat(5000)}` }), {}, 413],
    ['a wrong content type', JSON.stringify(record()), { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['a missing field', JSON.stringify({ ...record(), textHash: undefined }), {}, 422],
    ['an extra field', JSON.stringify({ ...record(), email: 'visitor@mail.kz' }), {}, 422],
    ['a wrong-typed field', JSON.stringify({ ...record(), granted: 'analytics' }), {}, 422],
    ['a number for a string', JSON.stringify({ ...record(), revision: 2 }), {}, 422],
    ['an array body', JSON.stringify([record()]), {}, 422],
    ['SQL in the id', JSON.stringify(record({ id: "1'); DROP TABLE records;--" })), {}, 422],
    ['SQL in a category', JSON.stringify(record({ granted: ["x' OR '1'='1"] })), {}, 422],
    ['Cyrillic in a category', JSON.stringify(record({ granted: ['аналитика'] })), {}, 422],
    ['emoji in the language', JSON.stringify(record({ language: 'ru-🍪' })), {}, 422],
    ['a query in the path', JSON.stringify(record({ path: '/?utm=1' })), {}, 422],
    ['a lone surrogate in the path', JSON.stringify(record({ path: '/a\ud800' })), {}, 422],
    ['a lone surrogate in the revision', JSON.stringify(record({ revision: '1\udfff' })), {}, 422],
    ['a NUL in the path', JSON.stringify(record({ path: '/a\u0000b' })), {}, 422],
    ['a prototype key', '{"__proto__": {"admin": true}}', {}, 400],
  ])('%s is refused with its status, a one-line reason, and nothing stored', async (_name, body, headers, status) => {
    if (!app) await start();
    const response = await post(body, headers as Record<string, string>);
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error).toMatch(/^[^\n]{5,200}$/);
    expect(await count()).toBe(0);
    await app!.close();
    app = undefined;
  });

  test('fifty visitors at once, one sending a NUL in the path: that one gets 422, the others 201', async () => {
    await start({ rateLimit: 0 });
    const records = Array.from({ length: 50 }, (_, i) => record({ path: i == 25 ? '/a\u0000b' : '/fine' }));
    const statuses = await Promise.all(records.map(async (r) => (await post(r)).status));
    expect(statuses).toEqual(records.map((_, i) => (i == 25 ? 422 : 201)));
    expect(await count()).toBe(49);
  });

  test('SQL-looking text, Cyrillic and emoji where the rules allow them are stored exactly as sent', async () => {
    await start();
    const r = record({ path: "/каталог/'; DROP TABLE records;--/🍪", revision: 'весна-2026 🌷' });
    expect((await post(r)).status).toBe(201);
    const { records } = await (await read(`/v1/consent/${r.id}`)).json();
    expect(records[0]).toMatchObject({ path: r.path, revision: r.revision });
    expect(await count()).toBe(1);
  });

  test('the export streams CSV that Excel opens with Cyrillic intact, and names the texts behind each hash', async () => {
    await start();
    const config = { categories: { necessary: { required: true }, analytics: { texts: { ru: { title: 'Аналитика сайта' } } } }, revision: '7' };
    const { entries } = textsOfConfig(config, 'shop.json');
    await store.addTexts(entries);
    const hash = textHash(validate(config, () => undefined, () => undefined), 'ru');
    await post(record({ textHash: hash, path: '/оплата' }));
    await post(record({ textHash: 'zzzz' }));
    const response = await read('/v1/export?format=csv&from=2020-01-01&lang=en');
    expect(response.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toMatch(/^"Consent id \(shown to the visitor\)";"Action/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"/оплата"');
    expect(lines[1]).toContain('shop.json (ru');
    expect(lines[1]).toContain('Аналитика сайта');
    expect(lines[2]).toContain('"UNKNOWN: no texts registered for this hash"');
    // Russian by default, and Kazakh on request: the header row and the unknown-texts flag.
    const ru = (await (await read('/v1/export')).text()).split('\r\n');
    expect(ru[0]).toMatch(/^"Идентификатор согласия \(его видит посетитель\)";/);
    expect(ru[2]).toContain('НЕИЗВЕСТНО');
    const kk = (await (await read('/v1/export?lang=kk')).text()).split('\r\n');
    expect(kk[0]).toContain('"Келісім идентификаторы (оны келуші көреді)"');
    expect(kk[2]).toContain('БЕЛГІСІЗ');

    const ndjson = (await (await read('/v1/export?format=ndjson')).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson[0]).toMatchObject({ textsUnknown: false, texts: { source: 'shop.json', language: 'ru', shown: { categories: { analytics: { title: 'Аналитика сайта' } } } } });
    expect(ndjson[1]).toMatchObject({ textsUnknown: true, texts: null });
    expect((await store.accessLog()).map((e) => e.what)).toEqual(['export', 'export', 'export', 'export']);
  });

  test('texts edited in the database after registration are flagged, never shown under the hash', async () => {
    await start();
    const config = { categories: { necessary: { required: true }, analytics: {} } };
    await store.addTexts(textsOfConfig(config, 'shop.json').entries);
    const hash = textHash(validate(config, () => undefined, () => undefined), 'ru');
    const r = record({ textHash: hash });
    await post(r);
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER texts_no_update' : 'DROP TRIGGER texts_append_only ON texts');
    await rawSql(place, "UPDATE texts SET texts = replace(texts, 'cookie', 'ИЗМЕНЕНО') WHERE language = 'ru'");
    const [line] = (await (await read('/v1/export?format=ndjson')).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ textHash: hash, texts: null, textsUnknown: true, textsAltered: true });
    const csv = await (await read('/v1/export')).text();
    expect(csv).toContain('"ИЗМЕНЕНО: тексты под этим хешем правили в базе данных после регистрации, они с ним не сходятся"');
    expect((await (await read(`/v1/consent/${r.id}`)).json()).records[0]).toMatchObject({ texts: null, textsAltered: true });
    const verdict = await read('/v1/verify');
    expect(verdict.status).toBe(409);
    expect(await verdict.json()).toMatchObject({ ok: false, rows: 1, badTexts: [{ hash, language: 'ru', source: 'shop.json' }] });
  });

  test('the export range includes both days and refuses a date it cannot read', async () => {
    await start();
    await post(record());
    const today = new Date().toISOString().slice(0, 10);
    const lines = async (q: string) => (await (await read(`/v1/export?format=ndjson&${q}`)).text()).trim().split('\n').filter(Boolean).length;
    expect(await lines(`from=${today}&to=${today}`)).toBe(1);
    expect(await lines('to=2020-01-01')).toBe(0);
    expect(await lines(`site=${encodeURIComponent('https://other.kz')}`)).toBe(0);
    expect((await read('/v1/export?from=yesterday')).status).toBe(400);
    const impossible = await read('/v1/export?to=2026-02-30');
    expect(impossible.status).toBe(400);
    expect(await impossible.json()).toEqual({ error: 'to: 2026-02-30 is not a day of the calendar' });
  });

  test('verify answers ok with the row count, and 409 naming the first row that does not fit', async () => {
    await start();
    for (let i = 0; i < 3; i++) await post(record());
    expect(await (await read('/v1/verify')).json()).toMatchObject({ ok: true, rows: 3 });
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_update' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, "UPDATE records SET received_at = '2026-01-01T00:00:00.000Z' WHERE position = 3");
    const bad = await read('/v1/verify');
    expect(bad.status).toBe(409);
    // Told in Russian unless asked otherwise, as the export; the code is the same in every language.
    expect(await bad.json()).toMatchObject({ ok: false, firstBadRow: { site: SITE, position: 3, code: 'edited', reason: 'содержимое строки не совпадает с её хешем (изменено после записи)' } });
    expect((await (await read('/v1/verify?lang=kk')).json()).firstBadRow).toMatchObject({ code: 'edited', reason: 'жолдың мазмұны өз хешіне сәйкес келмейді (жазылғаннан кейін өзгертілген)' });
    expect((await (await read('/v1/verify?lang=en')).json()).firstBadRow).toMatchObject({ code: 'edited', reason: 'its content does not match its hash (edited after it was stored)' });
    expect((await read('/v1/verify?lang=fr')).status).toBe(422);
  });

  test('a row edited into unreadable JSON: verify answers 409 naming it, find and export flag it, no request is blamed', async () => {
    await start();
    const records = [record(), record(), record()];
    for (const r of records) await post(r);
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_update' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, "UPDATE records SET granted = 'necessary' WHERE position = 3");
    const verdict = await read('/v1/verify');
    expect(verdict.status).toBe(409);
    expect(await verdict.json()).toMatchObject({ ok: false, rows: 2, firstBadRow: { site: SITE, position: 3, reason: expect.stringMatching(/granted/) } });
    const found = await read(`/v1/consent/${records[2].id}`);
    expect(found.status).toBe(200);
    expect((await found.json()).records[0]).toMatchObject({ id: records[2].id, granted: null, denied: ['advertising'], unreadable: ['granted'] });
    const lines = (await (await read('/v1/export?format=ndjson')).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.unreadable)).toEqual([undefined, undefined, ['granted']]);
    const csv = (await (await read('/v1/export?lang=ru')).text()).trim().split('\r\n');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toContain('"НЕ ЧИТАЕТСЯ: значение изменено в базе данных');
  });

  test('with --ip none no address is kept; with full the whole address is', async () => {
    await start({ ip: 'none' });
    await post(record({ id: 'no-address-kept-01' }));
    expect((await (await read('/v1/consent/no-address-kept-01')).json()).records[0].ip).toBeNull();
    await app!.close();
    await start({ ip: 'full' });
    await post(record({ id: 'full-address-kept1' }));
    expect((await (await read('/v1/consent/full-address-kept1')).json()).records[0].ip).toBe('127.0.0.1');
  });

  test('with a retention period, the receiver removes the old segment at start and the chain still verifies', async () => {
    place = await freshPlace(kind);
    store = await openPlace(place);
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await store.append([record(), record()].map((r) => ({ record: r, site: SITE, receivedAt: old, userAgent: null, ip: null })));
    app = await createReceiver({ store, origins: [SITE], token: TOKEN, retentionDays: 30 });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    await expect.poll(async () => (await store.chainPage(null, 10)).map((r) => r.kind)).toEqual(['purge']);
    expect((await post(record())).status).toBe(201);
    expect(await (await read('/v1/verify')).json()).toMatchObject({ ok: true, rows: 2 });
  });
});
