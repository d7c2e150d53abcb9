// A static server for the benchmark: the repo root, gzip for text, no caching, and a hit counter.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pageHtml } from './pages.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Starts the server on 127.0.0.1 on a free port. `/bench/page/<variant>.html` is assembled from
 * bench/pages; `/bench/hit?c=…` answers 204 and is counted in `hits`. Everything else is a file
 * under `root`. Text is sent gzip-encoded (level 9, as scripts/size.mjs measures) with a
 * Content-Length, and `Cache-Control: no-store` so that every visit's requests are visible.
 */
export async function startServer(root) {
  const hits = [];
  const cache = new Map(); // content key -> gzipped body, so that compression costs nothing during a run
  const gzip = (key, body) => {
    let gz = cache.get(key);
    if (!gz) { gz = gzipSync(body, { level: 9 }); cache.set(key, gz); }
    return gz;
  };
  const send = (req, res, status, type, body, key = null) => {
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (/^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = key ? gzip(key, body) : gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const p = decodeURIComponent(url.pathname);
      if (p === '/bench/hit') {
        hits.push(url.searchParams.get('c'));
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return res.end();
      }
      const page = p.match(/^\/bench\/page\/([a-z]+)\.html$/);
      if (page) {
        const html = Buffer.from(pageHtml(page[1]));
        return send(req, res, 200, TYPES['.html'], html, html.toString('latin1'));
      }
      if (p === '/favicon.ico') { res.writeHead(204, { 'Cache-Control': 'no-store' }); return res.end(); }
      if (p === '/privacy' || p === '/offer') return send(req, res, 200, TYPES['.html'], Buffer.from('<!doctype html><title>-</title>'));
      const file = path.join(root, path.normalize(p));
      if (!file.startsWith(root + path.sep)) return send(req, res, 403, 'text/plain', Buffer.from('forbidden'));
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) return send(req, res, 404, 'text/plain', Buffer.from('not found'));
      const body = await readFile(file);
      send(req, res, 200, TYPES[path.extname(file)] || 'application/octet-stream', body, `${file}:${st.mtimeMs}:${st.size}`);
    } catch (e) {
      if (!res.headersSent) send(req, res, 500, 'text/plain', Buffer.from(String(e)));
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
