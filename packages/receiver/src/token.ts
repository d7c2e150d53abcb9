import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Compares in constant time: both sides are hashed to the same length first, so neither the
 * length nor the first differing byte of the token leaks through the answer's timing.
 */
export function tokenMatches(expected: string | undefined, header: string | undefined): boolean {
  if (!expected) return false;
  const given = /^Bearer (.+)$/.exec(header || '');
  return timingSafeEqual(digest(expected), digest(given ? given[1] : ''));
}

/** How the access log names a token without storing it: the start of its SHA-256. */
export const tokenName = (token: string) => `sha256:${digest(token).toString('hex').slice(0, 12)}`;
