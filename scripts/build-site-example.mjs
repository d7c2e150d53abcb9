#!/usr/bin/env node
// Packs the library as npm would publish it, installs the tarball into examples/site-build and
// bundles that site with rollup. Used by `npm test` before the browser tests run the site. Then
// checks the site's bundle: with one preset configured, the page fetches no other vendor's code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { checkSiteBundle, presetsNamed } from './site-bundle-check.mjs';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options }).toString();
const site = 'examples/site-build';
mkdirSync('.tmp', { recursive: true });
const tarball = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', '.tmp']))[0].filename;
rmSync(`${site}/node_modules`, { recursive: true, force: true });
rmSync(`${site}/dist`, { recursive: true, force: true });
run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `../../.tmp/${tarball}`], { cwd: site });

const { default: config } = await import(`../${site}/rollup.config.mjs`);
const bundle = await rollup(config);
const { output } = await bundle.write(config.output);
// Sizes as a site would ship them: minified the way this library minifies its own files.
const small = await bundle.generate({ ...config.output, plugins: [terser({ compress: { passes: 3 }, format: { comments: false } })] });
await bundle.close();
console.log(`site-build: bundled ${site}/dist from .tmp/${tarball}`);

const chunks = Object.fromEntries(output.filter((file) => file.type == 'chunk').map((file) => [file.fileName, file]));
// The minified files have hashes of their own: they are matched by the modules they hold.
const modulesOf = (chunk) => chunk.moduleIds.join();
const minifiedCode = new Map(small.output.filter((file) => file.type == 'chunk').map((file) => [modulesOf(file), file.code]));
const minified = Object.fromEntries(Object.values(chunks).map((chunk) => [chunk.fileName, minifiedCode.get(modulesOf(chunk))]));
const named = presetsNamed(readFileSync(`${site}/src/main.js`, 'utf8'));
if (named.length != 1) {
  console.error(`site-build: ${site}/src/main.js must name exactly one preset to show tree-shaking; it names ${named.length}`);
  process.exit(1);
}
const { lines, failures } = checkSiteBundle(chunks, minified, named[0]);
if (failures.length) {
  for (const failure of failures) console.error(`site-build: ${failure}`);
  process.exit(1);
}
console.log(lines.join('\n'));
