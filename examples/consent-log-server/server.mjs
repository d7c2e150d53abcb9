#!/usr/bin/env node
// A small receiver for Kelisim's `consentLog`: it validates each record and appends it as one
// JSON line, the proof a Center can show later (who agreed to what, when, under which text).
//   node examples/consent-log-server/server.mjs [port] [file]
import { createServer } from 'node:http';
import { appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const NAME = /^[a-z][\w-]{0,31}$/i;
const MAX_BODY = 4096;

/** Returns the problem with a record, or '' when it is one Kelisim could have sent. */
export function problemWith(record) {
  if (!record || typeof record != 'object' || Array.isArray(record)) return 'not an object';
  const { id, timestamp, action, granted, denied, revision, language, textHash, path } = record;
  if (typeof id != 'string' || !/^[\w-]{16,32}$/.test(id)) return 'bad id';
  if (typeof timestamp != 'string' || Number.isNaN(Date.parse(timestamp))) return 'bad timestamp';
  if (!['choice', 'withdrawal', 'reset'].includes(action)) return 'bad action';
  for (const list of [granted, denied]) {
    if (!Array.isArray(list) || !list.every((n) => typeof n == 'string' && NAME.test(n))) return 'bad categories';
  }
  if (granted.some((n) => denied.includes(n))) return 'a category both granted and denied';
  if (typeof revision != 'string' || !revision || revision.length > 64) return 'bad revision';
  if (typeof language != 'string' || !/^[a-z]{2,3}(-[a-z\d]{1,8})?$/.test(language)) return 'bad language';
  if (typeof textHash != 'string' || textHash.length > 16) return 'bad textHash';
  if (typeof path != 'string' || path[0] != '/' || path.includes('?') || path.length > 512) return 'bad path';
  return '';
}

/**
 * Starts the receiver. `allowOrigin` answers CORS for a site on another origin. Records are
 * appended with the time received and the client address, both part of the proof.
 */
export function startReceiver({ port = 8090, host = '127.0.0.1', file = 'consent-log.jsonl', allowOrigin = '*' } = {}) {
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', allowOrigin);
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (request.method == 'OPTIONS') return response.writeHead(204).end();
    if (request.method != 'POST') return response.writeHead(405, { Allow: 'POST' }).end();
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) request.destroy();
    });
    request.on('end', async () => {
      let record;
      try {
        record = JSON.parse(body);
      } catch {
        return response.writeHead(400).end('not JSON');
      }
      const problem = problemWith(record);
      if (problem) return response.writeHead(422).end(problem);
      const line = { ...record, receivedAt: new Date().toISOString(), ip: request.socket.remoteAddress };
      try {
        await appendFile(file, JSON.stringify(line) + '\n');
      } catch {
        return response.writeHead(500).end('could not store');
      }
      response.writeHead(201).end();
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port = '8090', file = 'consent-log.jsonl'] = process.argv.slice(2);
  startReceiver({ port: Number(port), file }).then(() => console.log(`consent log receiver on http://127.0.0.1:${port}/, appending to ${file}`));
}
