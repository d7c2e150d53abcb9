import { copyFileSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Comments out, whitespace folded: enough for hand-written CSS without another dependency. */
const minifyCss = (css) => css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  // Not the space before `:`: in ".a :focus-visible" it is the descendant combinator.
  .replace(/\s*([{};,>~+])\s*/g, '$1')
  .replace(/:\s+/g, ':')
  .replace(/;}/g, '}')
  .trim();

/** `import css from '…/x.css?inline'` yields the minified stylesheet as a string. */
const inlineCss = () => ({
  name: 'inline-css',
  resolveId(id, importer) {
    if (!id.endsWith('.css?inline')) return null;
    return new URL(id.replace(/\?inline$/, ''), 'file://' + importer).pathname + '?inline';
  },
  load(id) {
    if (!id.endsWith('.css?inline')) return null;
    const file = id.replace(/\?inline$/, '');
    this.addWatchFile(file);
    return `export default ${JSON.stringify(minifyCss(readFileSync(file, 'utf8')))};`;
  },
});

/**
 * dist/kelisim.css for sites that link the stylesheet themselves (`css: false`): the first layer's
 * rules, then the dialog's and the placeholders', in the order the two chunks inject them.
 */
const emitCss = () => ({
  name: 'emit-css',
  generateBundle() {
    const css = ['styles/kelisim.css', 'styles/kelisim-prefs.css'].map((file) => minifyCss(readFileSync(file, 'utf8'))).join('');
    this.emitFile({ type: 'asset', fileName: 'kelisim.css', source: css + '\n' });
  },
});

/**
 * kelisim-ui.js is a script of its own, so it fetches its second chunk by a script tag: there
 * src/ui/prefs-script.ts stands in for src/ui/prefs-load.ts, whose dynamic import bundlers split.
 */
const prefsByScript = () => ({
  name: 'prefs-by-script',
  resolveId(id, importer) {
    if (!importer || path.resolve(path.dirname(importer), id) != path.resolve('src/ui/prefs-load')) return null;
    return path.resolve('src/ui/prefs-script.ts');
  },
});

/** dist/index.d.ts and .d.cts: the public types are self-contained in src/types.ts. */
const emitTypes = () => ({
  name: 'emit-types',
  writeBundle() {
    const types = readFileSync('src/types.ts', 'utf8');
    const entry = `\n/** A Kelisim instance; with a config it initialises at once. */\nexport declare function createKelisim<C extends string = DefaultCategory>(config?: KelisimConfig<C>): Kelisim<C>;\n`;
    mkdirSync('dist', { recursive: true });
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts']) writeFileSync(file, types + entry);
  },
});

/**
 * dist/configurator/: its page and stylesheet, and its own copy of the gate and the UI chunk built
 * just before it, so the preview runs the real library wherever the folder is copied.
 */
const configuratorFiles = () => ({
  name: 'configurator-files',
  writeBundle() {
    for (const file of ['index.html', 'configurator.css', 'preview-embed.html']) copyFileSync(`src/configurator/${file}`, `dist/configurator/${file}`);
    for (const file of ['kelisim.js', 'kelisim-ui.js', 'kelisim-prefs.js', 'kelisim-kk.js', 'kelisim-en.js', 'kelisim-messages.js', 'kelisim-log.js']) copyFileSync(`dist/${file}`, `dist/configurator/${file}`);
  },
});

/** A dictionary module's object, read at build time: the files hold one object literal and a type import. */
const dictionaryIn = (file) => new Function(readFileSync(file, 'utf8')
  .replace(/^import .*$/gm, '')
  .replace(/export const \w+: Dictionary = /, 'return '))();

/**
 * kelisim-kk.js and kelisim-en.js: the dictionary packed as its values in the order of the Russian
 * keys, which the UI chunk holds (src/i18n/packed.ts unpacks it). The keys would be a fifth of the file.
 */
const packDictionary = () => ({
  name: 'pack-dictionary',
  transform(code, id) {
    const match = /src\/i18n\/(kk|en)\.ts$/.exec(id);
    if (!match) return null;
    const dictionary = dictionaryIn(id);
    const keys = Object.keys(dictionaryIn('src/i18n/ru.ts'));
    const extra = Object.keys(dictionary).filter((key) => keys.indexOf(key) < 0);
    if (extra.length) this.error(`${id}: ${extra.join(', ')} not in the Russian dictionary, so it cannot be packed`);
    // The categories too, in the Russian order, which they must keep: the text hash reads them in it.
    const categories = Object.keys(dictionaryIn('src/i18n/ru.ts').categories);
    if (Object.keys(dictionary.categories).join() != categories.join()) this.error(`${id}: categories not in the Russian order`);
    const values = keys.map((key) => (key == 'categories' ? categories.map((name) => dictionary.categories[name]) : dictionary[key]));
    return { code: `export const ${match[1]} = ${JSON.stringify(values)};`, map: null };
  },
});

/**
 * The UI chunk's imports of the modules src/kit.ts lists come from the gate's kit on the window,
 * not from a second copy. A name the kit does not lend fails the build.
 */
const fromGate = () => {
  const lent = {};
  for (const [, names, from] of readFileSync('src/kit.ts', 'utf8').matchAll(/^export \{ (.+) \} from '\.\/(.+)';$/gm)) {
    lent[path.resolve('src', from + '.ts')] = names.split(', ');
  }
  const PREFIX = '\0kit:';
  return {
    name: 'from-gate',
    async resolveId(id, importer) {
      if (!importer || importer.startsWith(PREFIX)) return null;
      const resolved = await this.resolve(id, importer, { skipSelf: true });
      return resolved && lent[resolved.id] ? PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const names = lent[id.slice(PREFIX.length)];
      return `const kit = window[Symbol.for('kelisim.kit')];\n` + names.map((name) => `export const ${name} = kit.${name};`).join('\n');
    },
  };
};

const ts = () => typescript({ tsconfig: './tsconfig.json', noEmitOnError: true, include: ['src/**/*'] });

/**
 * V8's explicit compile hint (Chrome 136+): every function in the file is compiled at once,
 * instead of pre-parsed now and parsed again on its first call. For a file whose functions all
 * run as it loads, that is one parse instead of two; other engines read a comment.
 */
const CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

const minify = (preamble) => terser({
  ecma: 2019,
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
  format: { comments: false, preamble },
});

const browser = (input, file, extra = [], first = [], output = {}, preamble = undefined) => ({
  input,
  plugins: [...first, inlineCss(), nodeResolve({ browser: true }), ts(), ...extra],
  output: { file, format: 'iife', plugins: [minify(preamble)], sourcemap: false, ...output },
});

// Chunk names carry a hash: without this, every build would leave the previous ones in the package.
rmSync('dist/chunks', { recursive: true, force: true });

export default [
  browser('src/entry-gate.ts', 'dist/kelisim.js', [], [], {}, CALLED_ON_LOAD),
  browser('src/entry-ui.ts', 'dist/kelisim-ui.js', [emitCss()], [fromGate(), prefsByScript()], {}, CALLED_ON_LOAD),
  browser('src/entry-prefs.ts', 'dist/kelisim-prefs.js', [], [fromGate()]),
  browser('src/entry-kk.ts', 'dist/kelisim-kk.js', [], [packDictionary()]),
  browser('src/entry-en.ts', 'dist/kelisim-en.js', [], [packDictionary()]),
  browser('src/entry-messages.ts', 'dist/kelisim-messages.js'),
  browser('src/entry-log.ts', 'dist/kelisim-log.js'),
  // One file: the second chunk's dynamic import is bundled in.
  browser('src/entry-full.ts', 'dist/kelisim.full.js', [], [], { inlineDynamicImports: true }, CALLED_ON_LOAD),
  // After the gate and the UI chunk: the configurator copies them into its folder.
  browser('src/configurator/main.tsx', 'dist/configurator/configurator.js', [configuratorFiles()]),
  {
    input: 'src/index.ts',
    external: ['preact', 'preact/hooks', 'preact/jsx-runtime'],
    plugins: [inlineCss(), nodeResolve(), ts(), emitTypes()],
    output: [
      // The UI chunk keeps its folder's name, as `import('./ui/index')` alone would give it.
      { dir: 'dist', format: 'es', entryFileNames: 'index.mjs', chunkFileNames: (chunk) => `chunks/${chunk.moduleIds.some((id) => /src\/ui\/index\.ts$/.test(id)) ? 'ui' : '[name]'}-[hash].mjs` },
    ],
  },
  {
    input: 'src/index.ts',
    external: ['preact', 'preact/hooks', 'preact/jsx-runtime'],
    plugins: [inlineCss(), nodeResolve(), ts()],
    output: { file: 'dist/index.cjs', format: 'cjs', inlineDynamicImports: true, exports: 'named' },
  },
];
