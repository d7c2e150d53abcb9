#!/usr/bin/env node
// The bin npm links at install time; the code it runs is built into dist/ (npm run build).
import('../dist/cli.js').catch((error) => {
  if (error && error.code == 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('kelisim-audit is not built: run `npm run build` in the repository root.\n');
    process.exit(2);
  }
  throw error;
});
