import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createBatcher } from './batcher';
import type { Lang } from './headings';
import type { IpMode } from './ip';
import { postRoute } from './routes/post';
import { readRoutes } from './routes/read';
import type { Store } from './store/types';
import { WORDS } from './words';

export interface ReceiverOptions {
  store: Store;
  /** Allowed site origins, or '*' for any (development). */
  origins: string[] | '*';
  token?: string;
  ip?: IpMode;
  /** Posts per minute per client address; 0 turns the limit off. */
  rateLimit?: number;
  /** Behind nginx: trust X-Forwarded-For from these hops (see Fastify's trustProxy). */
  trustProxy?: boolean | number | string;
  retentionDays?: number;
  /** Where the operator reads what went wrong and what retention removed: one line each. */
  log?: (line: string) => void;
  /**
   * The language of those lines (the command line passes its `--lang`, Russian by default).
   * Answers to browsers stay English: site developers and their scripts read them.
   * @default 'en'
   */
  lang?: Lang;
}

const BODY_LIMIT = 8 * 1024;
const PURGE_EVERY = 6 * 3600_000;

// Fastify's own messages, shortened to the one line a client developer needs.
const REASONS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `the body is larger than ${BODY_LIMIT} bytes`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Content-Type must be application/json or text/plain',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty',
};

/**
 * Builds the receiver: a Fastify app over a store. The caller listens (the bin on 8090, tests on
 * port 0) and closes it; closing waits for the last batch to commit, then closes the store.
 */
export async function createReceiver(options: ReceiverOptions): Promise<FastifyInstance> {
  const { store } = options;
  const log = options.log || (() => undefined);
  const w = WORDS[options.lang ?? 'en'];
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // A number (hops) is accepted at run time though the types leave it out.
    trustProxy: (options.trustProxy ?? false) as boolean,
    // The library's rules decide; Ajv must not coerce a number into an id or drop an extra field.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const batcher = createBatcher(store, { lanes: store.dialect == 'postgres' ? 2 : 1 });
  const allowed = (origin: string | undefined) => !!origin && (options.origins == '*' || options.origins.indexOf(origin) >= 0);

  // What navigator.sendBeacon sends for a string body: parsed as JSON, with the same safeguards.
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, json);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(422).send({ error: `${error.validationContext || 'body'}${error.validation[0]?.instancePath || ''} ${error.validation[0]?.message || 'is invalid'}` });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status == 500) log(w.requestFailed(request.method, request.url, error.message));
    // Only the body parser's own code blames the request: a SyntaxError from anywhere else (a row
    // read back from the database) is the store's failure, not the client's.
    const reason = REASONS[error.code] || (error.code == 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'the body is not valid JSON' : status != 500 ? error.message
      : request.method == 'POST' ? 'the store failed; nothing was stored, try again' : "the store failed; the receiver's log says why");
    return reply.code(status).send({ error: reason });
  });

  // The origin check runs before the rate limit, so a foreign site cannot spend a visitor's quota.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method == 'POST' && request.routeOptions.url == '/v1/consent' && !allowed(request.headers.origin)) {
      return reply.code(403).send({ error: request.headers.origin ? `origin ${request.headers.origin} is not allowed` : 'an Origin header is required' });
    }
  });
  await app.register(cors, {
    origin: (origin, done) => done(null, allowed(origin) ? origin! : false),
    methods: ['POST'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `too many records from this address; retry in ${Math.ceil(context.ttl / 1000)} s` }),
  });

  postRoute(app, { batcher, ip: options.ip ?? 'truncated', rateLimit: options.rateLimit ?? 60 });
  readRoutes(app, { store, token: options.token });

  let purgeTimer: NodeJS.Timeout | undefined;
  let purging: Promise<void> = Promise.resolve();
  if (options.retentionDays) {
    const days = options.retentionDays;
    const purge = () => {
      const now = new Date();
      purging = store.purge(new Date(now.getTime() - days * 86_400_000).toISOString(), now.toISOString())
        .then((removed) => removed.forEach((r) => log(w.purged(r.site, r.removed, r.removedThrough))))
        .catch((error) => log(w.purgeFailed(error.message)));
      return purging;
    };
    app.addHook('onReady', async () => {
      purge();
      purgeTimer = setInterval(purge, PURGE_EVERY).unref();
    });
  }
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    await purging;
    await batcher.settle();
    await store.close();
  });
  return app;
}
