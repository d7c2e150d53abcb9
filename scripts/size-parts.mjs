#!/usr/bin/env node
// `npm run size:parts`: what each part of the builds weighs on its own, bundled and minified the
// way rollup.config.mjs builds dist/, gzip -9. It shows where the bytes of the gate, of the banner
// (kelisim-ui.js) and of the settings dialog (kelisim-prefs.js) go, and the least that the gate and
// the banner can weigh with the parts they must carry.
import { rollup } from 'rollup';
import path from 'node:path';
import config from '../rollup.config.mjs';
import { sizesOf } from './byte-sizes.mjs';

const gateBuild = config[0];
// The dictionaries as kelisim-kk.js and kelisim-en.js carry them: packed (src/i18n/packed.ts).
const textsBuild = config.find((build) => build.output && build.output.file == 'dist/kelisim-kk.js');
const src = (file) => path.resolve('src', file);

/** One part: what it re-exports, so that nothing of it is tree-shaken away; bundled as the gate is, or as `build`. */
const PARTS = [
  ['Preact (render, Component, h; inside kelisim-prefs.js)', [`export { render, Component, h } from 'preact';`]],
  ['texts: ru (inside kelisim-ui.js)', [`export * from '${src('i18n/ru.ts')}';`]],
  ['stylesheet: the banner (inside kelisim-ui.js)', [`export { default as css } from '${path.resolve('styles/kelisim.css')}?inline';`]],
  ['the banner drawn as plain DOM, with the texts it reads (inside kelisim-ui.js)', [`export * from '${src('ui/banner.ts')}';`]],
  ['stylesheet: the dialog and the placeholders (inside kelisim-prefs.js)', [`export { default as css } from '${path.resolve('styles/kelisim-prefs.css')}?inline';`]],
  ['the dialog, the placeholders and the config notes, Preact included (kelisim-prefs.js)', [`export * from '${src('ui/prefs.tsx')}';`]],
  ['counter presets (six, Consent Mode included)', [`export * from '${src('presets/index.ts')}';`]],
  ['consent cookie: read, decode, evaluate', [`export * from '${src('store/consent-cookie.ts')}';`, `export * from '${src('core/consent.ts')}';`]],
  ['config: what every page view reads (in the gate)', [`export { readConfig } from '${src('core/read-gate.ts')}';`]],
  ['config: what only the banner reads, and the host (UI chunk)', [`export { connect } from '${src('core/host.ts')}';`]],
  ["consent log: the gate's part (records queued, sender fetched)", [`export { createProof } from '${src('gate/proof.ts')}';`]],
  ['starting what is allowed: counters, gated scripts and iframes, the watcher for markup added later', [`export { createCounterGate } from '${src('gate/counters.ts')}';`, `export { createScriptGate } from '${src('gate/scripts.ts')}';`, `export { releaseIframes } from '${src('gate/iframes.ts')}';`, `export { watchDocument } from '${src('gate/watch.ts')}';`]],
  ['withdrawal cleanup (UI chunk, fetched by a withdrawal)', [`export { deleteCookies } from '${src('gate/cleanup.ts')}';`]],
  ['config validation: the words (kelisim-messages.js, fetched on a mistake)', [`export * from '${src('core/messages.ts')}';`]],
  ['texts: kk (kelisim-kk.js, packed, fetched for Kazakh)', [`export * from '${src('i18n/kk.ts')}';`], textsBuild],
  ['texts: en (kelisim-en.js, packed, fetched for English)', [`export * from '${src('i18n/en.ts')}';`], textsBuild],
];
// The least each file can weigh: parts it must carry, against the byte targets of the two stages.
const FLOORS = [
  ['banner at least: Russian texts + its stylesheet + its DOM + the rest of the config', [1, 2, 3, 9], 'first visit, gate and banner together: 15360 B'],
  ['gate at least: presets + consent cookie + config reading', [6, 7, 8], 'returning visit, the gate alone: 5120 B'],
  ['gate at least, with starting what is allowed (still without the API and its events)', [6, 7, 8, 11], 'returning visit, the gate alone: 5120 B'],
];

// A path beside the sources (never written to disk), so that imports resolve as they do in src/.
const ENTRY = path.resolve('src/size-part.js');
async function weigh(lines, build = gateBuild) {
  const entry = { name: 'part-entry', resolveId: (id) => (id === ENTRY ? id : null), load: (id) => (id === ENTRY ? lines.join('\n') : null) };
  const bundle = await rollup({ input: ENTRY, plugins: [entry, ...build.plugins], onwarn() {} });
  const { output } = await bundle.generate({ format: 'iife', name: 'part', plugins: build.output.plugins });
  await bundle.close();
  return sizesOf(output[0].code);
}

console.log('| part, bundled alone | raw | gzip | target it counts against |\n|---|---:|---:|---|');
for (const [name, lines, build] of PARTS) {
  const { raw, gzip } = await weigh(lines, build);
  console.log(`| ${name} | ${raw} B | ${gzip} B | |`);
}
for (const [name, parts, target] of FLOORS) {
  const { raw, gzip } = await weigh(parts.flatMap((i) => PARTS[i][1]));
  console.log(`| ${name} | ${raw} B | ${gzip} B | ${target} |`);
}
