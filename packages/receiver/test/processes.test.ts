import { afterAll, describe, expect, test } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { verifyChains } from '../src/verify';
import { exited, freshPlace, openPlace, rawSql, record, startBin } from './helpers';

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) {
    child.kill('SIGTERM');
    await exited(child);
  }
});

describe('two receiver processes on one PostgreSQL', () => {
  test('append to the same chains at once without a fork, a gap or a double', async () => {
    const place = await freshPlace('postgres');
    const env = { ...place.env, KELISIM_RATE_LIMIT: '0' };
    const started = await Promise.all([1, 2].map(() => startBin(['--port', '0', '--origin', 'https://a.kz', '--origin', 'https://b.kz'], env)));
    children.push(...started.map((s) => s.child));
    const [one, two] = started.map((s) => s.url);
    const post = (url: string, r: ReturnType<typeof record>, site: string) => fetch(`${url}/v1/consent`, {
      method: 'POST', headers: { Origin: site, 'Content-Type': 'application/json' }, body: JSON.stringify(r),
    }).then((response) => response.status);

    const records = Array.from({ length: 400 }, () => record());
    const statuses = await Promise.all(records.flatMap((r, i) => {
      const site = i % 3 ? 'https://a.kz' : 'https://b.kz';
      // Every fourth record reaches both processes at the same moment: one stores it, one sees a resend.
      return i % 4 ? [post(i % 2 ? one : two, r, site)] : [post(one, r, site), post(two, r, site)];
    }));
    expect(statuses.filter((s) => s == 201)).toHaveLength(400);
    expect(statuses.filter((s) => s == 200)).toHaveLength(100);

    const rows = await rawSql(place, 'SELECT site, COUNT(*) AS n, MAX(position) AS last FROM records GROUP BY site ORDER BY site') as { site: string; n: number; last: number }[];
    expect(rows.map((r) => [r.site, Number(r.n), Number(r.last)])).toEqual([['https://a.kz', 266, 266], ['https://b.kz', 134, 134]]);
    const store = await openPlace(place);
    try {
      expect(await verifyChains(store)).toMatchObject({ ok: true, rows: 400 });
    } finally {
      await store.close();
    }
  });
});
