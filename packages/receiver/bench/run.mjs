#!/usr/bin/env node
// `npm run bench:receiver`: sustained consent records per second and latency, with 50 concurrent
// clients posting for 20 s, on SQLite, on PostgreSQL and on the JSON-lines example as a baseline.
// Each receiver is then killed with SIGKILL and its records counted: every acknowledged record
// must be there. Prints a markdown report and writes it into the root README between markers.
//
//   node packages/receiver/bench/run.mjs [--seconds 20] [--clients 50] [--stores sqlite,postgres,jsonl] [--no-readme]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../scripts/postgres.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const SECONDS = Number(opt('seconds', 20));
const CLIENTS = Number(opt('clients', 50));
const STORES = opt('stores', 'sqlite,postgres,jsonl').split(',');
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SITE = 'https://shop.kz';
const TARGETS = { sqlite: 1000, postgres: 2000 };
const P99_TARGET = 100;

function start(args, env) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (port) resolve({ child, port: Number(port[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

const kill = (child) => new Promise((resolve) => {
  child.once('exit', resolve);
  child.kill('SIGKILL');
});

const freePort = () => new Promise((resolve) => {
  import('node:net').then(({ createServer }) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
});

/** `CLIENTS` loops, each posting its next record as soon as the last one is answered. */
async function load(port) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies = [];
  const acknowledged = [];
  let failed = 0;
  const end = Date.now() + SECONDS * 1000;
  const post = (body) => new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = request({ host: '127.0.0.1', port, path: '/v1/consent', method: 'POST', agent,
      headers: { Origin: SITE, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', () => resolve({ status: 0, ms: 0 }));
    req.end(body);
  });
  const client = async (n) => {
    for (let i = 0; Date.now() < end; i++) {
      const id = `bench${n}x${i}`.padEnd(16, '0');
      const body = JSON.stringify({ id, timestamp: new Date().toISOString(), action: 'choice', granted: ['necessary', 'analytics'],
        denied: ['advertising'], revision: '1', language: 'ru', textHash: '1x2y3z', path: '/courses' });
      const { status, ms } = await post(body);
      if (status == 201) {
        acknowledged.push(id);
        latencies.push(ms);
      } else failed++;
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const elapsed = (Date.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] || 0;
  return { rate: acknowledged.length / elapsed, p50: pct(0.5), p99: pct(0.99), acknowledged, failed };
}

async function bench(store) {
  const dir = mkdtempSync(join(os.tmpdir(), 'kelisim-bench-'));
  let pgServer;
  let receiver;
  let stored;
  try {
    if (store == 'jsonl') {
      const port = await freePort();
      const file = join(dir, 'consent.jsonl');
      receiver = await start([join(REPO, 'examples/consent-log-server/server.mjs'), String(port), file], {});
      const result = await load(receiver.port);
      await kill(receiver.child);
      stored = new Set(readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id));
      return { store, ...result, stored };
    }
    const env = { KELISIM_RATE_LIMIT: '0', KELISIM_DATA: dir };
    if (store == 'postgres') {
      pgServer = await startPostgres();
      env.DATABASE_URL = pgServer.url;
    }
    receiver = await start([CLI, '--port', '0', '--origin', SITE], env);
    const result = await load(receiver.port);
    // No goodbye: whatever was acknowledged must already be on disk.
    await kill(receiver.child);
    if (store == 'sqlite') {
      const db = new Database(join(dir, 'consent.db'));
      stored = new Set(db.prepare('SELECT consent_id FROM records').pluck().all());
      db.close();
    } else {
      const client = new pg.Client(pgServer.url);
      await client.connect();
      stored = new Set((await client.query('SELECT consent_id FROM records')).rows.map((r) => r.consent_id));
      await client.end();
    }
    return { store, ...result, stored };
  } finally {
    if (receiver && receiver.child.exitCode === null && receiver.child.signalCode === null) await kill(receiver.child);
    pgServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const NAMES = { sqlite: 'kelisim-receiver, SQLite (WAL, synchronous=FULL)', postgres: 'kelisim-receiver, PostgreSQL 15 (fsync on)', jsonl: 'examples/consent-log-server (JSON lines, no fsync; baseline)' };
const rows = [];
let failed = false;
const loadBefore = os.loadavg()[0];
for (const store of STORES) {
  process.stderr.write(`${store}: ${CLIENTS} clients for ${SECONDS} s…\n`);
  const r = await bench(store);
  const lost = r.acknowledged.filter((id) => !r.stored.has(id)).length;
  const target = TARGETS[store];
  const ok = !target || (r.rate >= target && r.p99 <= P99_TARGET && lost == 0);
  if (!ok) failed = true;
  rows.push(`| ${NAMES[store]} | ${Math.round(r.rate)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.acknowledged.length} | ${lost} | ${target ? `≥ ${target}/s, p99 ≤ ${P99_TARGET} ms: ${ok ? 'met' : 'MISSED'}` : '—'} |`);
}

const report = [
  `${CLIENTS} concurrent clients posting new records for ${SECONDS} s to one site (one chain); each receiver then killed with SIGKILL and its records counted.`,
  `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; `
    + `load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0].toFixed(1)} after (the client runs on the same cores).`,
  '',
  '| Receiver | records/s | p50 ms | p99 ms | acknowledged | lost after kill -9 | target |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...rows,
].join('\n');
console.log(report);

if (!argv.includes('--no-readme')) {
  const readme = join(REPO, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = '<!-- bench:receiver:start -->';
  const finish = '<!-- bench:receiver:end -->';
  if (text.includes(begin) && text.includes(finish)) {
    writeFileSync(readme, text.slice(0, text.indexOf(begin) + begin.length) + '\n' + report + '\n' + text.slice(text.indexOf(finish)));
    process.stderr.write('README.md: receiver benchmark report updated.\n');
  }
}
process.exitCode = failed ? 1 : 0;
