// Tree-shaking of the npm build, shown on examples/site-build: the site names one preset, so what
// its page fetches to run counters (the bundle's entry with its static imports, then the preset's
// chunk once a counter runs) holds that vendor's code and nothing of the other five. The other
// presets may exist as chunks of the site's build: the page never requests them.
import { sizesOf, sumSizes } from './byte-sizes.mjs';

/** Words only a vendor's own preset code holds, and the host its loader comes from. */
export const VENDORS = {
  'yandex-metrika': { code: ['Yandex Metrica', 'accurateTrackBounce'], host: 'mc.yandex.ru' },
  gtag: { code: ['Google tag', 'gtag/js', 'wait_for_update'], host: 'www.googletagmanager.com/gtag/' },
  gtm: { code: ['Google Tag Manager', 'gtm.start', 'wait_for_update'], host: 'www.googletagmanager.com/gtm.' },
  'vk-pixel': { code: ['VK Ads', 'tmr-code'], host: 'top-fwz1.mail.ru' },
  'meta-pixel': { code: ['Meta Pixel', 'fbevents'], host: 'connect.facebook.net' },
  'tiktok-pixel': { code: ['TikTok Pixel', 'sdkid'], host: 'analytics.tiktok.com' },
};

/** The presets a site's source names: `preset: '…'`. */
export const presetsNamed = (source) => [...source.matchAll(/\bpreset:\s*['"]([\w-]+)['"]/g)].map((m) => m[1]);

const withCode = (code) => Object.keys(VENDORS).filter((name) => VENDORS[name].code.some((word) => code.includes(word)));
const withHost = (code) => Object.keys(VENDORS).filter((name) => code.includes(VENDORS[name].host));

/**
 * `chunks`: the bundle's chunks by file name (rollup's output: `imports`, `dynamicImports`,
 * `isEntry`); `minified`: each file's code minified, as a site ships it and without comments.
 * Returns the report's lines and the failures, none when the check passed.
 */
export function checkSiteBundle(chunks, minified, preset) {
  const failures = [];
  const closure = (files) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      chunks[file].imports.forEach(visit);
    };
    files.forEach(visit);
    return [...seen];
  };
  const entry = closure(Object.keys(chunks).filter((file) => chunks[file].isEntry));
  const later = [...new Set(entry.flatMap((file) => chunks[file].dynamicImports))];
  const own = later.filter((file) => withCode(minified[file]).includes(preset));
  const counters = closure(own).filter((file) => !entry.includes(file));
  const others = later.filter((file) => withCode(minified[file]).length && !own.includes(file));
  const unused = closure(others).filter((file) => !entry.includes(file) && !counters.includes(file));

  for (const file of entry) {
    const found = [...new Set(withCode(minified[file]).concat(withHost(minified[file])))];
    if (found.length) failures.push(`${file}, loaded with the page, carries code or hosts of ${found.join(', ')}: presets belong in chunks of their own`);
  }
  if (!own.length) failures.push(`no chunk of the site's build carries the ${preset} preset`);
  for (const file of counters) {
    const found = [...new Set(withCode(minified[file]).concat(withHost(minified[file])))].filter((name) => name != preset);
    if (found.length) failures.push(`${file}, fetched to run ${preset}, carries code or hosts of ${found.join(', ')}`);
  }
  // The banner's chunk keeps the six loader hosts (to warn about a vendor loaded twice), no code.
  for (const file of later.filter((file) => !own.includes(file) && !others.includes(file))) {
    if (withCode(minified[file]).length) failures.push(`${file} carries preset code of ${withCode(minified[file]).join(', ')}`);
  }
  const size = (files) => `${sumSizes(files.map((file) => sizesOf(minified[file]))).gzip} B gzip (${files.join(', ')})`;
  const lines = [
    `site-build: one preset configured (${preset}); the page fetches no other vendor's code or host. Minified:`,
    `  with the page:        ${size(entry)}`,
    `  when a counter runs:  + ${size(counters)}`,
    `  never fetched:        ${size(unused)}`,
  ];
  return { lines, failures };
}
