import type { Settings } from './config';
import { isSafeUrl } from './safe-url';
import { explain } from './messages';
import { readConfig, type Page, type Problem } from './read-gate';
import { readRest } from './read-rest';

export { isSafeUrl };
export { DEFAULT_MAP, type Problem } from './read-gate';
export { readConfig, readRest };

type Report = (message: string, error?: unknown) => void;

/**
 * Turns untrusted config into `Settings`; with `page`, cookie settings the browser would refuse
 * there are refused too. Each bad value is reported once, naming the field, the
 * value and what is allowed, and replaced by its default. A config that cannot be read at all (a
 * getter or a Proxy trap that throws) gives the defaults, so the banner still asks; nothing here
 * throws.
 */
export function validate(input: unknown, error: Report, warn: Report, page?: Page): Settings {
  const say = (problem: Problem) => error(explain(problem));
  return readRest(input, readConfig(input, say, error, warn, page), say, error, warn);
}
