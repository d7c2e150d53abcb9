/**
 * `{name}` → `values.name`. A replacer function, not a replacement string: a category title such as
 * "Карты $'" must come out as written, and `$'`, `$&` are patterns in a replacement string.
 */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole));
