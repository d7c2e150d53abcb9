import typescript from '@rollup/plugin-typescript';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url)));
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies || {})];

// The library's record rules, validation and text hash (../../src) are bundled in, so the
// published package stands alone and the library never depends on a database driver.
export default {
  input: { cli: 'src/cli.ts', index: 'src/index.ts' },
  external: (id) => external.includes(id) || external.some((e) => id.startsWith(`${e}/`)),
  output: { dir: 'dist', format: 'esm', chunkFileNames: '[name].js' },
  plugins: [typescript({ tsconfig: './tsconfig.json' })],
};
