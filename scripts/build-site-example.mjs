#!/usr/bin/env node
// Packs the library as npm would publish it, installs the tarball into examples/site-build and
// bundles that site with rollup. Used by `npm test` before the browser tests run the site.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options }).toString();
const site = 'examples/site-build';
mkdirSync('.tmp', { recursive: true });
const tarball = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', '.tmp']))[0].filename;
rmSync(`${site}/node_modules`, { recursive: true, force: true });
rmSync(`${site}/dist`, { recursive: true, force: true });
run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `../../.tmp/${tarball}`], { cwd: site });
run('npx', ['rollup', '-c', `${site}/rollup.config.mjs`]);
console.log(`site-build: bundled ${site}/dist from .tmp/${tarball}`);
