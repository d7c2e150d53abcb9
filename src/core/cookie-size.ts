/** What Chromium and Firefox keep of one cookie, name and value together (RFC 6265 §6.1 asks at least this). */
export const COOKIE_LIMIT = 4096;

/**
 * The longest consent cookie a category list can need, name included: the longest name, id, times,
 * hashes and language the reader accepts, and every optional category once.
 */
export const longestCookie = (categories: { name: string; required: boolean }[]): number =>
  categories.filter((c) => !c.required).reduce((size, c) => size + c.name.length + 1, 32 + 1 + 1 + 32 + 3 * 8 + 8 + 12 + 8 + 9);
