// The one byte measure of every report (size budgets, size:parts, the benchmark): raw, gzip -9
// and brotli q11, so that their figures can be compared with one another.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Sizes of one file's contents (a Buffer or a string). */
export const sizesOf = (data) => {
  const buf = Buffer.from(data);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** Several files fetched together: each compressed on its own, as a browser receives them. */
export const sumSizes = (list) => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
