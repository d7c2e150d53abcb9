#!/usr/bin/env node
// `npm run bench:audit`: wall time of a default three-phase audit of one page (no flags but the
// ones that point Chromium at the local fixture server), run through the built bin. The budget is
// 30 s on a 2-core machine.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../test/fixtures/server.mjs';

const bin = fileURLToPath(new URL('../bin/kelisim-audit.js', import.meta.url));
const runs = Number(process.env.RUNS || 3);
const server = await startFixtureServer();
const times = { 'clean.html': [], 'leaky.html': [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const page of Object.keys(times)) {
      const start = process.hrtime.bigint();
      // Asynchronous: the fixture server answers from this same process.
      await promisify(execFile)(process.execPath, [bin, server.url(page), '--resolve', server.rules, '--insecure']).catch((error) => {
        if (error.code !== 1) throw error;
      });
      times[page].push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
} finally {
  await server.close();
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const [page, list] of Object.entries(times)) {
  console.log(`${page.padEnd(11)} median ${median(list).toFixed(1)} s, max ${Math.max(...list).toFixed(1)} s over ${list.length} runs (budget 30 s)`);
}
