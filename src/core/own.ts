/**
 * Reading untrusted objects (the config) by their own properties only. Another script's bug that
 * writes `Object.prototype.required = true` must not make every purpose required, and a category
 * named `toString` must not find `Object.prototype.toString`.
 */
const has = Object.prototype.hasOwnProperty;

export const own = (value: any, key: string | number): any => (has.call(value, key) ? value[key] : undefined);

/** An array's own elements: a hole does not inherit `Array.prototype[0]`. Anything else: undefined. */
export function items(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return;
  const found: unknown[] = [];
  for (let i = 0; i < value.length; i++) if (has.call(value, i)) found.push(value[i]);
  return found;
}

/** A map with no prototype: a lookup by any name finds only what was put in. */
export const blank = <T>(entries?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null), entries);
