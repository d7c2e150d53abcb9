#!/usr/bin/env node
// The bin stays in the repository so that `npm ci` can link it before anything is built.
import('../dist/cli.js').catch((error) => {
  if (error && error.code == 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('kelisim-receiver is not built yet: run `npm run build` at the repository root.');
    process.exit(1);
  }
  throw error;
});
