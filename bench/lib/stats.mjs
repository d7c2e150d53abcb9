// Numbers and sizes for the benchmark report.
export { sizesOf, sumSizes as sum } from '../../scripts/byte-sizes.mjs';

export const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const min = (xs) => Math.min(...xs.filter((x) => x != null));
export const max = (xs) => Math.max(...xs.filter((x) => x != null));
export const ms = (x) => (x == null ? '—' : x.toFixed(1));
export const spread = (xs) => {
  const ok = xs.filter((x) => x != null);
  if (!ok.length) return 'never';
  const missing = xs.length - ok.length;
  return `**${ms(median(ok))}** (${ms(min(ok))}–${ms(max(ok))})${missing ? `, missing in ${missing}` : ''}`;
};
export const fmtBytes = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
export const triple = (s) => `${fmtBytes(s.raw)} / ${fmtBytes(s.gzip)} / ${fmtBytes(s.brotli)}`;
export const base = (p) => p.split('/').pop();
