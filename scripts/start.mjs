#!/usr/bin/env node
// `npm start`: the demo page on http://127.0.0.1:8080/ and, beside it, a consent receiver on an
// embedded database (http://127.0.0.1:8090/), so a choice made on the page is stored and can be
// found by the id the dialog shows. Run after `npm run build`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}packages/receiver/dist/cli.js`;
const DATA = `${ROOT}.tmp/kelisim-data`;
const TOKEN = 'demo';
const SITE = 'http://127.0.0.1:8080';

/** The demo page's own config, registered so the receiver can show which texts each record had. */
async function registerDemoTexts() {
  const html = readFileSync(`${ROOT}examples/landing/index.html`, 'utf8');
  const source = /window\.kelisimConfig = (\{[\s\S]*?\n {4}\});/.exec(html);
  if (!source) return;
  // The page's config is a JS literal of data only: evaluate it, then hand the JSON to the CLI.
  const config = new Function(`return (${source[1]});`)();
  mkdirSync(DATA, { recursive: true });
  writeFileSync(`${DATA}/landing.json`, JSON.stringify(config, null, 2));
  await new Promise((resolve) => spawn(process.execPath, [CLI, 'texts', 'add', `${DATA}/landing.json`, '--data', DATA], { stdio: 'ignore' }).on('exit', resolve));
}

await registerDemoTexts();
const receiver = spawn(process.execPath, [CLI, '--origin', SITE, '--data', DATA], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, KELISIM_TOKEN: TOKEN },
});
receiver.on('exit', (code) => {
  console.error(`The consent receiver stopped (exit ${code}).`);
  process.exit(1);
});
const stop = () => {
  receiver.removeAllListeners('exit');
  receiver.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await serve({ root: ROOT, port: 8080 });
console.log(`Kelisim demo: ${SITE}/examples/landing/  configurator: ${SITE}/configurator/  (Ctrl+C to stop)`);
console.log(`Consent records: curl -H 'Authorization: Bearer ${TOKEN}' http://127.0.0.1:8090/v1/consent/<id shown in the dialog>`);
