#!/usr/bin/env node
// `npm run size:parts`: what each part of the builds weighs on its own, bundled and minified the
// way rollup.config.mjs builds dist/, gzip -9. It shows where the bytes of the gate and of the UI
// chunk go, and the least that each of them can weigh with the parts it must carry.
import { rollup } from 'rollup';
import path from 'node:path';
import config from '../rollup.config.mjs';
import { sizesOf } from './byte-sizes.mjs';

const gateBuild = config[0];
const src = (file) => path.resolve('src', file);

/** One part: what it re-exports, so that nothing of it is tree-shaken away. */
const PARTS = [
  ['Preact (render, Component, h)', [`export { render, Component, h } from 'preact';`]],
  ['texts: ru (inside the UI chunk)', [`export * from '${src('i18n/ru.ts')}';`]],
  ['stylesheet', [`export { default as css } from '${path.resolve('styles/kelisim.css')}?inline';`]],
  ['counter presets (six, Consent Mode included)', [`export * from '${src('presets/index.ts')}';`]],
  ['consent cookie: read, decode, evaluate', [`export * from '${src('store/consent-cookie.ts')}';`, `export * from '${src('core/consent.ts')}';`]],
  ['config: what every page view reads (in the gate)', [`export { readConfig } from '${src('core/read-gate.ts')}';`]],
  ['config: what only the banner reads, and the host (UI chunk)', [`export { connect } from '${src('core/host.ts')}';`]],
  ["consent log: the gate's part (records queued, sender fetched)", [`export { createProof } from '${src('gate/proof.ts')}';`]],
  ['withdrawal cleanup (UI chunk, fetched by a withdrawal)', [`export { deleteCookies } from '${src('gate/cleanup.ts')}';`]],
  ['config validation: the words (kelisim-messages.js, fetched on a mistake)', [`export * from '${src('core/messages.ts')}';`]],
  ['texts: kk (kelisim-kk.js, fetched for Kazakh)', [`export * from '${src('i18n/kk.ts')}';`]],
  ['texts: en (kelisim-en.js, fetched for English)', [`export * from '${src('i18n/en.ts')}';`]],
];
// The least each file can weigh: parts it must carry, against the byte targets of the two stages.
const FLOORS = [
  ['UI chunk at least: Preact + texts + stylesheet + the rest of the config', [0, 1, 2, 6], 'first visit, gate and UI together: 15360 B'],
  ['gate at least: presets + consent cookie + config reading', [3, 4, 5], 'returning visit, the gate alone: 5120 B'],
];

// A path beside the sources (never written to disk), so that imports resolve as they do in src/.
const ENTRY = path.resolve('src/size-part.js');
async function weigh(lines) {
  const entry = { name: 'part-entry', resolveId: (id) => (id === ENTRY ? id : null), load: (id) => (id === ENTRY ? lines.join('\n') : null) };
  const bundle = await rollup({ input: ENTRY, plugins: [entry, ...gateBuild.plugins], onwarn() {} });
  const { output } = await bundle.generate({ format: 'iife', name: 'part', plugins: gateBuild.output.plugins });
  await bundle.close();
  return sizesOf(output[0].code);
}

console.log('| part, bundled alone | raw | gzip | target it counts against |\n|---|---:|---:|---|');
for (const [name, lines] of PARTS) {
  const { raw, gzip } = await weigh(lines);
  console.log(`| ${name} | ${raw} B | ${gzip} B | |`);
}
for (const [name, parts, target] of FLOORS) {
  const { raw, gzip } = await weigh(parts.flatMap((i) => PARTS[i][1]));
  console.log(`| ${name} | ${raw} B | ${gzip} B | ${target} |`);
}
