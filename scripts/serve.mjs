#!/usr/bin/env node
// A dependency-free static server for the demo page and the browser tests.
//   node scripts/serve.mjs [port]   serves the repository on http://127.0.0.1:PORT/
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

/**
 * `handle(request, response)` may answer first (return true); `headers` are added to every file.
 * Resolves to `{ url, port, close }`.
 */
export function serve({ root = '.', port = 0, host = '127.0.0.1', headers = {}, handle } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      if (handle && (await handle(request, response))) return;
      // The configurator is built into dist/configurator/ and served beside the demo.
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/configurator\//, '/dist/configurator/');
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return response.writeHead(403).end();
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
      response.end(body);
    } catch {
      if (!response.headersSent) response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  return new Promise((done) => server.listen(port, host, () => {
    const actual = server.address().port;
    done({ url: `http://${host}:${actual}`, port: actual, close: () => new Promise((r) => server.close(r)) });
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 8080);
  serve({ root: fileURLToPath(new URL('..', import.meta.url)), port }).then(({ url }) => {
    console.log(`Kelisim demo: ${url}/examples/landing/  configurator: ${url}/configurator/  (Ctrl+C to stop)`);
  });
}
