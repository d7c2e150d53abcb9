import type { Choice } from '../core/consent';
import { COOKIE_LIMIT } from '../core/cookie-size';

/*
 * Cookie value, version 1, fields joined by '.':
 *   1.<id>.<created>.<updated>.<expires>.<revision hash>.<language>.<text hash>.<granted>.<denied>
 * Times are base36 seconds; category lists are joined by '+'. Every character is one a cookie
 * value takes unencoded (RFC 6265 §4.1.1), so the default three categories fit in about 90 bytes with the name.
 */
const VERSION = '1';
const ID = /^[\w-]{16,32}$/;
const BASE36 = /^[\da-z]{1,8}$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z\d]{1,8})?$/;
const LIST = /^([a-z][\w-]*(\+[a-z][\w-]*)*)?$/i;

export function encodeChoice(choice: Choice): string {
  const time = (seconds: number) => seconds.toString(36);
  return [
    VERSION, choice.id, time(choice.created), time(choice.updated), time(choice.expires),
    choice.revision, choice.language, choice.textHash, choice.granted.join('+'), choice.denied.join('+'),
  ].join('.');
}

/** Anything malformed decodes to null, which means "no consent", never an exception. */
export function decodeChoice(value: unknown): Choice | null {
  if (typeof value != 'string' || value.length > COOKIE_LIMIT) return null;
  const f = value.split('.');
  if (f.length != 10 || f[0] != VERSION || !ID.test(f[1]) || !BASE36.test(f[5]) || !LANGUAGE.test(f[6])
    || !BASE36.test(f[7]) || !LIST.test(f[8]) || !LIST.test(f[9])) return null;
  if (![f[2], f[3], f[4]].every((t) => BASE36.test(t))) return null;
  const [created, updated, expires] = [f[2], f[3], f[4]].map((t) => parseInt(t, 36));
  const granted = f[8] ? f[8].split('+') : [];
  const denied = f[9] ? f[9].split('+') : [];
  if (created > updated || updated >= expires || granted.some((n) => denied.indexOf(n) >= 0)) return null;
  return { id: f[1], granted, denied, revision: f[5], language: f[6], created, updated, expires, textHash: f[7] };
}
