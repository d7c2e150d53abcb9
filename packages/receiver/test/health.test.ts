import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createReceiver } from '../src/server';
import { freshPlace, openPlace, STORES } from './helpers';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = async (kind: (typeof STORES)[number]) => {
  const place = await freshPlace(kind);
  app = await createReceiver({ store: await openPlace(place), origins: ['https://shop.kz'] });
  return { place, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
};

describe.each(STORES)('the health check on %s', (kind) => {
  test('answers ok, without a token, once the store has answered a query', async () => {
    const { url } = await start(kind);
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: kind });
  });
});

describe('the health check with PostgreSQL down', () => {
  test('answers 503 naming the store while the database refuses connections, and ok again after', async () => {
    const { place, url } = await start('postgres');
    const name = new URL(place.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client(process.env.KELISIM_TEST_DATABASE_URL);
    await admin.connect();
    try {
      // What a stopped server looks like to the receiver: every connection refused, the open ones gone.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const down = await fetch(`${url}/health`);
      expect(down.status).toBe(503);
      // The pool's idle connection may meet the check before its own error event: then the server's
      // words are those of the termination, not of the refusal. Both are the database's own cause.
      expect(await down.json()).toEqual({ ok: false, store: 'postgres', error: expect.stringMatching(/^the postgres store does not answer: .*(not currently accepting connections|terminating connection due to administrator command)/) });
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await admin.end();
    }
  });
});
