#!/usr/bin/env node
// Byte budgets per artifact (package.json "sizeLimits"), checked in `npm test`.
// `--write` refreshes the README's size table; without it a README that drifted from the build fails.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { sizesOf, sumSizes } from './byte-sizes.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const limits = pkg.sizeLimits;
const kib = (n) => (n / 1024).toFixed(2);
const measure = (file) => sizesOf(readFileSync(file));

let failed = false;
const rows = [];
for (const { name, files, gzip } of limits) {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`size: ${missing.join(', ')} missing; run npm run build first`);
    process.exit(1);
  }
  const total = sumSizes(files.map(measure));
  const ok = total.gzip <= gzip;
  failed ||= !ok;
  rows.push({ name, ...total, limit: gzip, ok });
}

const table = [
  '| what | raw | gzip | brotli | budget (gzip) |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.raw} B | ${r.gzip} B (${kib(r.gzip)} KiB) | ${r.brotli} B | ${r.limit} B (${kib(r.limit)} KiB) |`),
].join('\n');
console.log(table);
for (const r of rows) if (!r.ok) console.error(`size: ${r.name} is ${r.gzip} B gzipped, over its budget of ${r.limit} B`);

const START = '<!-- size:start -->';
const END = '<!-- size:end -->';
const readme = readFileSync('README.md', 'utf8');
const at = readme.indexOf(START);
const to = readme.indexOf(END);
if (at < 0 || to < 0) {
  console.error('size: README.md has no size table between <!-- size:start --> and <!-- size:end -->');
  process.exit(1);
}
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme.slice(0, at + START.length) + '\n' + table + '\n' + readme.slice(to));
  console.log('size: README.md updated');
} else {
  // The README may lag the build by a few bytes, never by more, and always shows the real budgets.
  const shown = readme.slice(at, to);
  for (const r of rows) {
    const line = shown.split('\n').find((l) => l.startsWith(`| ${r.name} |`));
    const figures = line && line.match(/\| (\d+) B \| (\d+) B .*\| (\d+) B \| (\d+) B/);
    if (!figures || Math.abs(+figures[2] - r.gzip) > 64 || +figures[4] !== r.limit) {
      console.error(`size: README.md shows stale figures for "${r.name}"; run npm run size -- --write`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
