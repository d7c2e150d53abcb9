import { describe, expect, test } from 'vitest';
import { checkLogRecord } from '../../../src/core/record';
import { keepIp } from '../src/ip';
import { parseRange } from '../src/export';
import { readSettings } from '../src/options';
import { record } from './helpers';

describe("the library's record rules", () => {
  test('accept what the library sends', () => {
    expect(checkLogRecord(record())).toBeUndefined();
    expect(checkLogRecord(record({ action: 'reset', granted: ['necessary'], denied: [], textHash: '0', language: 'kk', path: '/ru/оплата' }))).toBeUndefined();
    // A pair of surrogates is one character (here an emoji), not a lone one.
    expect(checkLogRecord(record({ path: '/🍪', revision: 'весна 🌷' }))).toBeUndefined();
  });

  test.each([
    [{ id: 'short' }, /id/],
    [{ id: "x'; DROP TABLE records;--xx" }, /id/],
    [{ timestamp: 'yesterday' }, /timestamp/],
    [{ action: 'accept' }, /action/],
    [{ granted: ['ана💥'] }, /granted/],
    [{ granted: ['analytics'], denied: ['analytics'] }, /both/],
    [{ revision: '' }, /revision/],
    [{ language: 'русский' }, /language/],
    [{ textHash: 'ABC' }, /textHash/],
    [{ path: 'https://x.kz/' }, /path/],
    [{ path: '/a?email=x@y.kz' }, /path/],
    [{ path: `/${'a'.repeat(512)}` }, /path/],
    // What the database cannot keep as sent: U+FFFD would replace a lone surrogate, PostgreSQL refuses NUL.
    [{ path: '/a\ud800' }, /path must be well-formed Unicode/],
    [{ path: '/a\udc00b' }, /path must be well-formed Unicode/],
    [{ revision: 'v\ud83d' }, /revision must be well-formed Unicode/],
    [{ path: '/a\u0000b' }, /without NUL/],
    [{ revision: '1\u0000' }, /without NUL/],
  ])('refuse %o', (change, reason) => {
    expect(checkLogRecord(record(change as never))).toMatch(reason);
  });

  test('refuse extra and missing fields', () => {
    expect(checkLogRecord({ ...record(), email: 'a@b.kz' })).toMatch(/unknown field\(s\): email/);
    const { path: _path, ...missing } = record();
    expect(checkLogRecord(missing)).toMatch(/missing field\(s\): path/);
  });
});

describe('the client address', () => {
  test.each([
    ['203.0.113.77', 'full', '203.0.113.77'],
    ['203.0.113.77', 'truncated', '203.0.113.0'],
    ['::ffff:203.0.113.77', 'truncated', '203.0.113.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', 'truncated', '2001:db8:85a3::'],
    ['2001:db8::1', 'truncated', '2001:db8:0::'],
    ['203.0.113.77', 'none', null],
  ] as const)('%s kept %s is %s', (address, mode, kept) => {
    expect(keepIp(address, mode)).toBe(kept);
  });
});

describe('the allowed origins', () => {
  test('are read as browsers send them: lower case, no default port, a Cyrillic name in punycode', () => {
    const origins = ['https://другой.kz', 'https://магазин.қаз', 'https://a.kz:443', 'HTTPS://B.KZ', 'http://localhost:8080/'];
    expect(readSettings(origins.flatMap((o) => ['--origin', o]), {}).origins).toEqual([
      'https://xn--c1abqtis.kz', 'https://xn--80aairftm.xn--80ao21a', 'https://a.kz', 'https://b.kz', 'http://localhost:8080',
    ]);
    expect(readSettings([], { KELISIM_ORIGINS: 'https://другой.kz, https://www.shop.kz:443' }).origins).toEqual(['https://xn--c1abqtis.kz', 'https://www.shop.kz']);
  });

  test.each([
    ['https://a.kz/shop', /must be a bare origin/],
    ['https://a.kz/?x=1', /must be a bare origin/],
    ['https://a.kz#top', /must be a bare origin/],
    ['https://user@a.kz', /must be a bare origin/],
    ['ftp://a.kz', /must be a bare origin/],
    ['a.kz', /is not a URL/],
  ])('refuse %s', (value, reason) => {
    expect(() => readSettings(['--origin', value, '--lang', 'en'], {})).toThrow(reason);
  });
});

describe('an export range', () => {
  test('includes both days, and takes date-times as given', () => {
    expect(parseRange('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01T00:00:00.000Z', before: '2026-02-01T00:00:00.000Z', site: undefined });
    expect(parseRange('2026-01-01T05:00:00+05:00')).toMatchObject({ from: '2026-01-01T00:00:00.000Z' });
    expect(parseRange('last week')).toMatch(/from must be/);
  });

  test('looks for a site as the browser sent it', () => {
    expect(parseRange(undefined, undefined, 'https://Другой.kz:443/')).toEqual({ site: 'https://xn--c1abqtis.kz' });
    expect(parseRange(undefined, undefined, 'другой.kz')).toMatch(/^site is not a URL/);
  });

  test('reads a date-time without an offset as UTC, whatever zone the server runs in', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Almaty';
    try {
      expect(parseRange('2026-01-01T05:00', '2026-01-01T18:30:15.25')).toEqual({
        from: '2026-01-01T05:00:00.000Z', before: '2026-01-01T18:30:15.251Z', site: undefined,
      });
      expect(parseRange('2026-01-01T05:00:00-03:30')).toMatchObject({ from: '2026-01-01T08:30:00.000Z' });
      expect(parseRange('2026-01-01')).toMatchObject({ from: '2026-01-01T00:00:00.000Z' });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test.each([
    ['2026-02-30', 'from: 2026-02-30 is not a day of the calendar'],
    ['2026-02-29T10:00Z', 'from: 2026-02-29 is not a day of the calendar'],
    ['2026-13-01', 'from: 2026-13-01 is not a day of the calendar'],
    ['2026-01-01T24:00', 'from: 2026-01-01T24:00 is not a time of day'],
    ['2026-01-01T10:60Z', 'from: 2026-01-01T10:60Z is not a time of day'],
    ['2026-1-1', /^from must be a date \(2026-01-31\) or an ISO 8601 date-time/],
  ])('refuses %s with a clear message instead of rolling it over', (value, reason) => {
    expect(parseRange(value)).toMatch(reason);
  });

  test('takes 29 February in a leap year', () => {
    expect(parseRange('2028-02-29', '2028-02-29')).toMatchObject({ from: '2028-02-29T00:00:00.000Z', before: '2028-03-01T00:00:00.000Z' });
  });
});
