/**
 * Only `http(s):` and relative URLs: a `javascript:` or `data:` URL in a link, a script or a frame
 * runs code in the page's origin. Control characters are refused because URL parsers drop them
 * (`java\tscript:` is `javascript:`). Every URL Kelisim writes into the page passes through here.
 */
export const isSafeUrl = (value: unknown): boolean =>
  typeof value == 'string' && /\S/.test(value) && !/[\x00-\x1f]/.test(value)
  && (/^\s*https?:/i.test(value) || !/^\s*[a-z][a-z\d+.-]*:/i.test(value));
