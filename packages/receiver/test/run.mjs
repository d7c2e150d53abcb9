#!/usr/bin/env node
// The package's tests: the same storage and API tests against SQLite and against a PostgreSQL this
// command starts itself, then stops, even when a test fails or the run is interrupted.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../scripts/postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pg = await startPostgres();
const stop = () => pg.stop();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const args = ['vitest', 'run', '--config', 'vitest.config.ts', ...process.argv.slice(2)];
const child = spawn('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, KELISIM_TEST_DATABASE_URL: pg.url } });
child.on('exit', (code) => process.exit(code ?? 1));
