import { describe, expect, test } from 'vitest';
import type { LogRecord } from '../../../src/core/record';
import { verifyChains } from '../src/verify';
import { exited, freshPlace, openPlace, rawSql, record, startBin, STORES } from './helpers';

const ROUNDS = Number(process.env.KELISIM_CRASH_ROUNDS || 20);
const CLIENTS = 8;
const SITES = ['https://a.kz', 'https://b.kz'];
const key = (r: LogRecord) => `${r.id} ${r.action} ${r.timestamp}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Visitors keep posting, and resending what they are not sure of, while the receiver is killed
 * with SIGKILL at random moments: no chance to flush anything. Whatever got a 201 or 200 must be
 * there exactly once after the restart, and every chain must still verify.
 */
describe.each(STORES)('a receiver killed at random moments on %s', (kind) => {
  test(`keeps every acknowledged record exactly once, over ${ROUNDS} rounds`, async () => {
    const place = await freshPlace(kind);
    const acknowledged = new Map<string, LogRecord>();
    const pending: { record: LogRecord; site: string }[] = [];
    let posted = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const { url, child } = await startBin(['--port', '0', '--origin', '*', '--rate-limit', '0'], place.env);
      let alive = true;
      const client = async (n: number) => {
        while (alive) {
          // Half the time resend something: unanswered from the crash, or already acknowledged.
          const roll = Math.random();
          const item = roll < 0.3 && pending.length ? pending.shift()!
            : roll < 0.45 && acknowledged.size ? { record: [...acknowledged.values()][Math.floor(Math.random() * acknowledged.size)], site: SITES[n % 2] }
              : { record: record({ id: `crash-${kind}-${round}-${n}-${posted++}`.padEnd(16, 'x') }), site: SITES[n % 2] };
          try {
            const response = await fetch(`${url}/v1/consent`, {
              method: 'POST', headers: { Origin: item.site, 'Content-Type': 'application/json' }, body: JSON.stringify(item.record),
            });
            await response.text();
            if (response.status == 201 || response.status == 200) acknowledged.set(key(item.record), item.record);
            else throw new Error(`unexpected ${response.status}`);
          } catch (error) {
            if (!alive) pending.push(item);
            else throw error;
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
      await pause(100 + Math.random() * 400);
      child.kill('SIGKILL');
      alive = false;
      await exited(child);
      await Promise.all(clients);

      const counts = await rawSql(place, 'SELECT consent_id, action, timestamp, COUNT(*) AS n FROM records WHERE kind = ? GROUP BY consent_id, action, timestamp', ['record']) as
        { consent_id: string; action: string; timestamp: string; n: number }[];
      const stored = new Map(counts.map((c) => [`${c.consent_id} ${c.action} ${c.timestamp}`, Number(c.n)]));
      const missing = [...acknowledged.keys()].filter((k) => stored.get(k) !== 1);
      expect(missing, `round ${round}: acknowledged but not stored exactly once`).toEqual([]);
      const store = await openPlace(place);
      try {
        expect(await verifyChains(store)).toMatchObject({ ok: true });
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);
  }, 240_000);
});
