import type { FastifyInstance } from 'fastify';
import { checkLogRecord, RECORD_FIELDS, type LogRecord } from '../../../../src/core/record';
import type { createBatcher } from '../batcher';
import { keepIp, type IpMode } from '../ip';

const text = { type: 'string' };
const names = { type: 'array', items: text };

// The shape only; the library's own rules (checkLogRecord) then judge each value.
const BODY = {
  type: 'object',
  required: RECORD_FIELDS,
  additionalProperties: false,
  properties: {
    id: text, timestamp: text, action: text, granted: names, denied: names,
    revision: text, language: text, textHash: text, path: text,
  },
};

const STATUS = { created: 201, duplicate: 200, conflict: 409 } as const;
const ANSWER = {
  created: { stored: true },
  duplicate: { stored: false, reason: 'already stored' },
  conflict: { error: 'a record with this id, action and timestamp is already stored with other content' },
};

export function postRoute(app: FastifyInstance, { batcher, ip, rateLimit }: { batcher: ReturnType<typeof createBatcher>; ip: IpMode; rateLimit: number }) {
  app.post<{ Body: LogRecord }>('/v1/consent', {
    schema: { body: BODY },
    config: rateLimit > 0 ? { rateLimit: { max: rateLimit, timeWindow: 60_000 } } : {},
  }, async (request, reply) => {
    const reason = checkLogRecord(request.body);
    if (reason) return reply.code(422).send({ error: reason });
    const outcome = await batcher.submit({
      record: request.body,
      site: request.headers.origin!,
      receivedAt: new Date().toISOString(),
      userAgent: (request.headers['user-agent'] || '').slice(0, 512) || null,
      ip: keepIp(request.ip, ip),
    });
    return reply.code(STATUS[outcome]).send(ANSWER[outcome]);
  });
}
