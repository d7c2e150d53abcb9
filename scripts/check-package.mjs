#!/usr/bin/env node
// `npm run check:package`: the package as npm would publish it. Its file list holds only what a
// consumer needs, publint finds nothing, and the types resolve in every module system
// (@arethetypeswrong/cli). Needs a built dist/.
import { execFileSync } from 'node:child_process';

const ALLOWED = [/^dist\/.+\.(m?js|cjs|d\.c?ts|css)$/, /^styles\/.+\.css$/, /^(README\.md|LICENSE|CHANGELOG\.md|package\.json)$/];
const REQUIRED = ['dist/kelisim.js', 'dist/kelisim-ui.js', 'dist/kelisim-prefs.js', 'dist/kelisim-kk.js', 'dist/kelisim-en.js', 'dist/kelisim-messages.js', 'dist/kelisim-log.js', 'dist/kelisim.full.js', 'dist/kelisim.css', 'dist/index.mjs',
  'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'README.md', 'LICENSE', 'CHANGELOG.md'];

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const problems = [];

const [pack] = JSON.parse(run('npm', ['pack', '--dry-run', '--json']));
const files = pack.files.map((f) => f.path);
for (const f of files) if (!ALLOWED.some((re) => re.test(f))) problems.push(`npm pack would publish ${f}`);
for (const f of REQUIRED) if (!files.includes(f)) problems.push(`npm pack lacks ${f}`);

const step = (name, cmd, args) => {
  try {
    run(cmd, args);
    console.log(`check-package: ${name}: ok`);
  } catch (error) {
    problems.push(`${name} failed:\n${error.stdout || error.message}`);
  }
};
step('publint', 'npx', ['publint', '--strict']);
// The script-tag files and the stylesheet are for <script> and <link>, not for import: they have
// no types by design, so only the module entry is checked.
step('are the types wrong', 'npx', ['attw', '--pack', '.', '--format', 'table-flipped',
  '--exclude-entrypoints', 'kelisim.js', 'kelisim-ui.js', 'kelisim-prefs.js', 'kelisim-kk.js', 'kelisim-en.js', 'kelisim-messages.js', 'kelisim-log.js', 'kelisim.full.js', 'kelisim.css']);

if (problems.length) {
  console.error('check-package:\n- ' + problems.join('\n- '));
  process.exit(1);
}
console.log(`check-package: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KiB packed`);
