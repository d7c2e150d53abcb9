import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error: plain ESM test helper without declarations
import { startFixtureServer } from './fixtures/server.mjs';

/**
 * The fixture site, served for one test file, and a folder for the reports its runs write; both
 * go when the file's tests are done. `net()` points the audit's browser at the site.
 */
export function fixtureSite(folderPrefix: string) {
  const site = {
    server: undefined as any,
    dir: '',
    out: (...parts: string[]) => join(site.dir, ...parts),
    // A short settle keeps the suites quick; the fixtures' timers fire 200 ms after load.
    net: () => ['--resolve', site.server.rules, '--insecure', '--settle', '800'],
  };
  beforeAll(async () => {
    if (!existsSync(new URL('../../../dist/kelisim.js', import.meta.url))) throw new Error('dist/kelisim.js is missing: run npm run build at the repository root first');
    site.server = await startFixtureServer();
    site.dir = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    await site.server?.close();
    if (site.dir) rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}
