#!/usr/bin/env node
// Finds Debian's Chromium for the browser tests, installing it with apt when that is possible.
// Never downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export { CHROMIUM_ARGS } from './chromium-args.mjs';

export function findChromium() {
  return CANDIDATES.find((path) => existsSync(path));
}

function install() {
  const root = typeof process.getuid == 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) return false;
  console.log('Chromium is missing: installing Debian\'s chromium package with apt-get…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let path = findChromium();
  if (!path && install()) path = findChromium();
  if (!path) {
    console.error([
      'The browser tests need Chromium and none was found.',
      'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'));
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
}
