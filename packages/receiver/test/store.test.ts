import { afterEach, describe, expect, test } from 'vitest';
import { createBatcher } from '../src/batcher';
import type { Store } from '../src/store/types';
import { textsOfConfig } from '../src/texts';
import { verifyChains } from '../src/verify';
import { freshPlace, incoming, openPlace, rawSql, record, STORES, type Place } from './helpers';

describe.each(STORES)('the %s store', (kind) => {
  let place: Place;
  let store: Store;
  const open = async () => {
    place = await freshPlace(kind);
    store = await openPlace(place);
  };
  afterEach(() => store?.close());

  test('a batch is stored in one commit, each record chained after the one before it', async () => {
    await open();
    const records = [record(), record({ action: 'withdrawal' }), record()];
    expect(await store.append(records.map((r) => incoming(r)))).toEqual(['created', 'created', 'created']);
    const rows = await store.chainPage(null, 100);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows.map((r) => r.record)).toEqual(records);
    expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 3 });
  });

  test('a resend stores nothing; the same key with other content is a conflict, whatever the site', async () => {
    await open();
    const r = record();
    await store.append([incoming(r)]);
    expect(await store.append([incoming(r, 'https://other.kz'), incoming({ ...r, granted: ['necessary'] })])).toEqual(['duplicate', 'conflict']);
    // Twice in one batch: the second is the resend of the first.
    const s = record();
    expect(await store.append([incoming(s), incoming(s)])).toEqual(['created', 'duplicate']);
    expect((await store.find(r.id)).length).toBe(1);
    expect((await store.chainPage(null, 100)).length).toBe(2);
  });

  test('the hash covers the text as stored: a lone surrogate written through the store API still verifies', async () => {
    await open();
    const r = record({ path: '/a\ud800', revision: 'x\udc00' });
    expect(await store.append([incoming(r)])).toEqual(['created']);
    const [row] = await store.find(r.id);
    expect(row.record).toMatchObject({ path: '/a\ufffd', revision: 'x\ufffd' });
    expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 1 });
    // Sent again as it was first sent, it is the resend of what was stored.
    expect(await store.append([incoming(r)])).toEqual(['duplicate']);
  });

  test('a record the database refuses fails alone: the others of its batch are stored and chained', async () => {
    await open();
    // A rule of the database's own that this one record breaks, as a NUL once did on PostgreSQL.
    if (kind == 'sqlite') {
      await rawSql(place, "CREATE TRIGGER poison BEFORE INSERT ON records WHEN NEW.path = '/poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
    } else {
      await rawSql(place, `CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.path = '/poison' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER poison BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION poison()`);
    }
    const batcher = createBatcher(store);
    const records = Array.from({ length: 50 }, (_, i) => record({ path: i == 25 ? '/poison' : '/fine' }));
    const settled = await Promise.allSettled(records.map((r) => batcher.submit(incoming(r))));
    expect(settled.map((s) => (s.status == 'fulfilled' ? s.value : 'refused'))).toEqual(records.map((_, i) => (i == 25 ? 'refused' : 'created')));
    expect(settled[25]).toMatchObject({ reason: { message: expect.stringMatching(/poisoned/) } });
    expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 49 });
  });

  test('each site has its own chain', async () => {
    await open();
    await store.append([incoming(record(), 'https://a.kz'), incoming(record(), 'https://b.kz'), incoming(record(), 'https://a.kz')]);
    const rows = await store.chainPage(null, 100);
    expect(rows.map((r) => `${r.site} ${r.position}`)).toEqual(['https://a.kz 1', 'https://a.kz 2', 'https://b.kz 1']);
    expect(await verifyChains(store, 2)).toMatchObject({ ok: true, rows: 3 });
  });

  test('a trigger refuses to update or delete a record, and verify names an edited row', async () => {
    await open();
    await store.append([record(), record(), record()].map((r) => incoming(r)));
    await store.logAccess({ at: new Date().toISOString(), token: 't', what: 'find', detail: '{}', ip: null });
    await expect(rawSql(place, "UPDATE records SET granted = '[\"advertising\"]' WHERE position = 2")).rejects.toThrow(/append-only/);
    await expect(rawSql(place, 'DELETE FROM records WHERE position = 3')).rejects.toThrow(/append-only/);
    await expect(rawSql(place, 'DELETE FROM access_log')).rejects.toThrow(/append-only/);
    expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 3 });

    // An intruder who drops the triggers can edit a row, but not without the chain showing it.
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_update' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, "UPDATE records SET granted = '[\"advertising\"]' WHERE position = 2");
    expect(await verifyChains(store)).toMatchObject({ ok: false, rows: 1, firstBadRow: { site: 'https://shop.kz', position: 2 } });
  });

  test('a list edited into something that is not JSON is named by verify and flagged by find, not a crash', async () => {
    await open();
    const records = [record(), record(), record(), record()];
    await store.append(records.map((r) => incoming(r)));
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_update' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, "UPDATE records SET granted = 'necessary' WHERE position = 3");
    expect(await verifyChains(store)).toMatchObject({
      ok: false, rows: 2, firstBadRow: { site: 'https://shop.kz', position: 3, reason: expect.stringMatching(/granted column/) },
    });
    const [row] = await store.find(records[2].id);
    expect(row).toMatchObject({ position: 3, unreadable: ['granted'] });
    expect((await store.find(records[3].id))[0].unreadable).toBeUndefined();
  });

  test('registered texts are append-only, and verify names texts edited behind the triggers', async () => {
    await open();
    const { entries } = textsOfConfig({ categories: { necessary: { required: true }, analytics: {} } }, 'shop.json');
    await store.addTexts(entries);
    await expect(rawSql(place, "UPDATE texts SET texts = replace(texts, 'cookie', 'ИЗМЕНЕНО')")).rejects.toThrow(/append-only/);
    await expect(rawSql(place, 'DELETE FROM texts')).rejects.toThrow(/append-only/);
    // Registering the same config again adds nothing and changes nothing.
    expect(await store.addTexts(entries)).toBe(0);
    expect(await verifyChains(store)).toMatchObject({ ok: true, badTexts: [] });

    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER texts_no_update' : 'DROP TRIGGER texts_append_only ON texts');
    await rawSql(place, "UPDATE texts SET texts = replace(texts, 'cookie', 'ИЗМЕНЕНО') WHERE language = 'kk'");
    const kk = entries.find((e) => e.language == 'kk')!;
    expect(await verifyChains(store)).toEqual({
      ok: false, rows: 0, heads: [], purges: [], badTexts: [{ hash: kk.hash, language: 'kk', source: 'shop.json', addedAt: kk.addedAt }],
    });
  });

  test('a deleted row breaks the chain at the row after it', async () => {
    await open();
    await store.append([record(), record(), record()].map((r) => incoming(r)));
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_delete' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, 'DELETE FROM records WHERE position = 2');
    const verdict = await verifyChains(store);
    expect(verdict).toMatchObject({ ok: false, firstBadRow: { position: 3 } });
  });

  test('retention removes the old segment through its own path, and the chain still verifies', async () => {
    await open();
    const old = (r: ReturnType<typeof record>) => ({ ...incoming(r), receivedAt: '2025-01-01T00:00:00.000Z' });
    await store.append([old(record()), old(record()), incoming(record()), incoming(record())]);
    const now = new Date().toISOString();
    const [purged] = await store.purge('2026-01-01T00:00:00.000Z', now);
    expect(purged).toEqual({ site: 'https://shop.kz', removed: 2, removedThrough: 2 });
    const rows = await store.chainPage(null, 100);
    expect(rows.map((r) => `${r.position} ${r.kind}`)).toEqual(['3 record', '4 record', '5 purge']);
    expect(JSON.parse(rows[2].detail!)).toMatchObject({ removed: 2, removedThrough: 2, receivedBefore: '2026-01-01T00:00:00.000Z' });
    // Verify passes and says what went, and when.
    expect(await verifyChains(store)).toMatchObject({
      ok: true, rows: 3,
      purges: [{ site: 'https://shop.kz', position: 5, at: now, removed: 2, removedThrough: 2, receivedBefore: '2026-01-01T00:00:00.000Z' }],
    });
    // New records chain after the marker.
    await store.append([incoming(record())]);
    expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 4 });
    // The purge left the delete path closed again.
    await expect(rawSql(place, 'DELETE FROM records WHERE position = 3')).rejects.toThrow(/append-only/);
  });

  test('verify reads one snapshot: a retention purge between two of its pages is no false alarm', async () => {
    await open();
    const old = () => ({ ...incoming(record()), receivedAt: '2020-01-01T00:00:00.000Z' });
    await store.append([old(), old(), old(), old(), old(), incoming(record()), incoming(record()), incoming(record())]);
    let pages = 0;
    const purgeAfterFirstPage = (chainPage: Store['chainPage']): Store['chainPage'] => async (after, limit) => {
      const page = await chainPage(after, limit);
      if (++pages == 1) expect(await store.purge('2021-01-01T00:00:00.000Z', new Date().toISOString())).toHaveLength(1);
      return page;
    };
    // However the walk reads its pages, the receiver's retention timer fires after the first.
    const racing: Store = {
      ...store,
      chainPage: purgeAfterFirstPage(store.chainPage),
      snapshot: (work) => store.snapshot((view) => work({ ...view, chainPage: purgeAfterFirstPage(view.chainPage) })),
    };
    expect(await verifyChains(racing, 3)).toMatchObject({ ok: true, rows: 8 });
    expect(pages).toBeGreaterThan(1);
    // The next walk sees the purge: three records left and the marker after them.
    expect(await verifyChains(store, 3)).toMatchObject({ ok: true, rows: 4 });
  });

  test('rows removed from the start without a purge are named', async () => {
    await open();
    await store.append([record(), record(), record()].map((r) => incoming(r)));
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_delete' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, 'DELETE FROM records WHERE position = 1');
    // Nothing comes before the first row left, so no row "before it" fits.
    expect(await verifyChains(store)).toMatchObject({ ok: false, rows: 0, firstBadRow: { position: 2, reason: expect.stringMatching(/no purge/) } });
  });

  test('a chain missing its start counts only the chains walked before it', async () => {
    await open();
    await store.append([incoming(record(), 'https://a.kz'), incoming(record(), 'https://a.kz'), incoming(record(), 'https://b.kz'), incoming(record(), 'https://b.kz'), incoming(record(), 'https://b.kz')]);
    await rawSql(place, kind == 'sqlite' ? 'DROP TRIGGER records_no_delete' : 'DROP TRIGGER records_append_only ON records');
    await rawSql(place, "DELETE FROM records WHERE site = 'https://b.kz' AND position = 1");
    expect(await verifyChains(store)).toMatchObject({
      ok: false, rows: 2, heads: [{ site: 'https://a.kz', position: 2 }], firstBadRow: { site: 'https://b.kz', position: 2 },
    });
  });

  test('a range export pages through records by received time and site', async () => {
    await open();
    const at = (r: ReturnType<typeof record>, receivedAt: string, site = 'https://shop.kz') => ({ ...incoming(r, site), receivedAt });
    await store.append([
      at(record(), '2026-01-01T00:00:00.000Z'), at(record(), '2026-01-31T23:59:59.999Z'),
      at(record(), '2026-02-01T00:00:00.000Z'), at(record(), '2026-01-15T00:00:00.000Z', 'https://other.kz'),
    ]);
    const all = await store.page({ from: '2026-01-01T00:00:00.000Z', before: '2026-02-01T00:00:00.000Z' }, 0, 2);
    expect(all.map((r) => r.receivedAt)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z']);
    const next = await store.page({ from: '2026-01-01T00:00:00.000Z', before: '2026-02-01T00:00:00.000Z' }, all[1].seq!, 2);
    expect(next.map((r) => r.site)).toEqual(['https://other.kz']);
    expect((await store.page({ site: 'https://other.kz' }, 0, 10)).length).toBe(1);
  });
});
