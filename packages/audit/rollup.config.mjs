import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * One self-contained package: the library modules the audit shares (preset catalog, config
 * validation) are bundled in from ../../src, so installing kelisim-audit needs only playwright-core.
 */
export default {
  input: { cli: 'src/bin.ts', index: 'src/index.ts' },
  external: (id) => id == 'playwright-core' || id.startsWith('node:'),
  plugins: [typescript({ tsconfig: './tsconfig.json', include: ['src/**/*', '../../src/**/*'], noEmitOnError: true })],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/audit-[hash].js',
    intro: `const VERSION = ${JSON.stringify(version)};`,
    banner: (chunk) => (chunk.name == 'cli' ? '#!/usr/bin/env node' : ''),
  },
};
