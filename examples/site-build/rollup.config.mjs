import nodeResolve from '@rollup/plugin-node-resolve';

// Resolves `kelisim` from this folder's node_modules, where `npm run example:site` installs the
// packed tarball: the example sees the package exactly as a site would.
export default {
  input: new URL('./src/main.js', import.meta.url).pathname,
  plugins: [nodeResolve({ rootDir: new URL('.', import.meta.url).pathname, browser: true })],
  output: { dir: new URL('./dist', import.meta.url).pathname, format: 'es', chunkFileNames: '[name]-[hash].js' },
};
