import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { exportLines, parseRange, type Format } from '../export';
import { LANGS, type Lang } from '../headings';
import type { Store } from '../store/types';
import { tokenMatches, tokenName } from '../token';
import { verifyChains } from '../verify';
import { present } from '../view';

const HEALTH_TIMEOUT = 3000;

export function readRoutes(app: FastifyInstance, { store, token }: { store: Store; token?: string }) {
  /** Every read is itself logged (when, which token, what), before it is answered. */
  const guard = (what: string, detail: (request: FastifyRequest) => unknown) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (!token) return reply.code(401).send({ error: 'reading is off: set KELISIM_TOKEN on the receiver' });
      if (!tokenMatches(token, request.headers.authorization)) {
        return reply.header('WWW-Authenticate', 'Bearer').code(401).send({ error: 'a valid Authorization: Bearer <token> is required' });
      }
      await store.logAccess({ at: new Date().toISOString(), token: tokenName(token), what, detail: JSON.stringify(detail(request)), ip: request.ip });
    };

  app.get<{ Params: { id: string } }>('/v1/consent/:id', {
    schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[\\w-]{16,32}$' } } } },
    onRequest: guard('find', (r) => ({ id: (r.params as { id: string }).id })),
  }, async (request) => ({ records: await present(await store.find(request.params.id), store) }));

  type ExportQuery = { from?: string; to?: string; site?: string; format?: Format; lang?: Lang };
  app.get<{ Querystring: ExportQuery }>('/v1/export', {
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { from: { type: 'string' }, to: { type: 'string' }, site: { type: 'string' }, format: { enum: ['csv', 'ndjson'] }, lang: { enum: LANGS } },
      },
    },
    onRequest: guard('export', (r) => r.query),
  }, async (request, reply) => {
    const { from, to, site, format = 'csv', lang = 'ru' } = request.query;
    const range = parseRange(from, to, site);
    if (typeof range == 'string') return reply.code(400).send({ error: range });
    const stamp = new Date().toISOString().slice(0, 10);
    reply
      .type(format == 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="kelisim-consent-${stamp}.${format}"`);
    return reply.send(Readable.from(exportLines(store, range, format, lang)));
  });

  app.get<{ Querystring: { lang?: Lang } }>('/v1/verify', {
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { lang: { enum: LANGS } } } },
    onRequest: guard('verify', () => ({})),
  }, async (request, reply) => {
    // Russian unless asked otherwise, as the export; `code` in each fault is the same in every language.
    const verdict = await verifyChains(store, undefined, request.query.lang ?? 'ru');
    return reply.code(verdict.ok ? 200 : 409).send(verdict);
  });

  // A load balancer or monitor takes 200 as "records can be stored": the store must answer, not only the process.
  app.get('/health', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer in ${HEALTH_TIMEOUT / 1000} s`)), HEALTH_TIMEOUT);
    });
    try {
      await Promise.race([store.ping(), late]);
      return { ok: true, store: store.dialect };
    } catch (error) {
      return reply.code(503).send({ ok: false, store: store.dialect, error: `the ${store.dialect} store does not answer: ${(error as Error).message}` });
    } finally {
      clearTimeout(timer);
    }
  });
}
