#!/usr/bin/env node
// The package's tests: the same storage and API tests against SQLite and against a PostgreSQL this
// command starts itself, then stops, even when a test fails or the run is interrupted. The crash,
// process and browser tests run the built bin and the built library, so both are built first.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../scripts/postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
execSync('npm run build', { cwd: root, stdio: 'inherit' });
if (!existsSync(`${repo}/dist/kelisim.js`)) execSync('npx rollup -c', { cwd: repo, stdio: 'inherit' });
execSync('node scripts/ensure-chromium.mjs', { cwd: repo, stdio: 'inherit' });

const pg = await startPostgres();
const stop = () => pg.stop();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const args = ['vitest', 'run', '--config', 'vitest.config.ts', ...process.argv.slice(2)];
const child = spawn('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, KELISIM_TEST_DATABASE_URL: pg.url } });
child.on('exit', (code) => process.exit(code ?? 1));
