// @vitest-environment-options {"url": "http://www.kelisim.test/"}
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInstance } from '../../src/api';
import { evaluate, revisionKey, type Choice } from '../../src/core/consent';
import { validate } from '../../src/core/validate';
import { decodeChoice, encodeChoice } from '../../src/store/codec';
import { createConsentCookie } from '../../src/store/consent-cookie';
import type { Kelisim } from '../../src/types';

/*
 * Whole cookie jars, a clock that jumps, and two tabs answering in any order. The page is on
 * www.kelisim.test so that cookies can also sit on the parent domain, as real sites have them.
 */
const RUNS = 10_000;
const REVISION = '2019-02-20';
const OPTIONAL = ['analytics', 'advertising'];
const settings = validate({ revision: REVISION }, () => {}, () => {});
const DAY = 86400;
const seconds = () => Math.floor(Date.now() / 1000);
const ACTIVE = Symbol.for('kelisim.active');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// Node's BroadcastChannel costs a MessagePort per instance; these properties need no channel, or a fake one.
beforeEach(() => vi.stubGlobal('BroadcastChannel', undefined));

const start = () => {
  delete (window as any)[ACTIVE];
  return createInstance({ loadUI: () => new Promise(() => {}) }).init({ revision: REVISION, reloadOnWithdraw: false });
};

const rawName = (pair: string) => pair.slice(0, Math.max(pair.indexOf('='), 0));
const decodedName = (pair: string) => {
  try {
    return decodeURIComponent(rawName(pair));
  } catch {
    return rawName(pair);
  }
};
const jar = () => (document.cookie ? document.cookie.split('; ') : []);
const clearJar = () => {
  for (const pair of jar()) {
    for (const domain of ['', '; domain=.kelisim.test']) document.cookie = `${rawName(pair)}=; path=/; max-age=0${domain}`;
  }
};
const stored = () => createConsentCookie(settings, document).read();

/** The categories a visitor allowed, as the page sees them. */
const applied = (k: Kelisim) => OPTIONAL.filter((c) => k.isAllowed(c));

describe('cookie jars', () => {
  const BROKEN = ['%E0%A4%A', '%', '%%', '%u0441%u0430', '%C3', '%E0%A4', '%FF', '"%E0%A4%A"', '%ZZ'];
  const unit = fc.constantFrom(...'abcXYZ019_-.%$!#&+~^|é€Ё'.split(''));
  const name = fc.string({ unit, minLength: 1, maxLength: 12 })
    .filter((n) => /[^\s]/.test(n) && !/^(kelisim|kelisim_lang)$/i.test(decodedName(n + '=').trim()));
  const value = fc.oneof(
    fc.constantFrom(...BROKEN),
    fc.string({ unit: fc.constantFrom(...'aZ0 %E4A"\',\\=é€.+'.split('')), maxLength: 24 }),
    fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...BROKEN)).map(([a, b]) => a.replace(/;/g, '') + b),
  );
  const where = fc.constantFrom('host', 'parent');
  const now = seconds();
  const choice = fc.record({
    id: fc.string({ unit: fc.constantFrom(...'AbZz09_-'.split('')), minLength: 16, maxLength: 16 }),
    granted: fc.subarray(OPTIONAL),
    revision: fc.constantFrom(revisionKey(settings), revisionKey(settings), 'other'),
    age: fc.integer({ min: -30 * DAY, max: 300 * DAY }),
  }).map(({ id, granted, revision, age }): Choice => ({
    id, granted, denied: OPTIONAL.filter((c) => granted.indexOf(c) < 0), revision, language: 'ru',
    created: now - age - 100, updated: now - age, expires: now - age + 365 * DAY, textHash: 'abc',
  }));
  const planted = fc.oneof(
    fc.record({ kind: fc.constant('other' as const), name, value, where }),
    fc.record({ kind: fc.constant('ours' as const), choice, where }),
    fc.record({ kind: fc.constant('ours-broken' as const), value, where }),
    fc.record({ kind: fc.constant('language' as const), value, where }),
  );

  it('any jar: ours decides alone, others are never touched, and a new choice reads back', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(fc.property(fc.array(planted, { maxLength: 8 }), fc.subarray(OPTIONAL), (cookies, next) => {
      clearJar();
      expect(jar()).toEqual([]);
      const ours: Record<string, Choice | null> = {};
      for (const cookie of cookies) {
        const domain = cookie.where == 'parent' ? '; domain=.kelisim.test' : '';
        const [n, v] = cookie.kind == 'other' ? [cookie.name, cookie.value]
          : cookie.kind == 'ours' ? ['kelisim', encodeChoice(cookie.choice)]
          : [cookie.kind == 'language' ? 'kelisim_lang' : 'kelisim', cookie.value];
        document.cookie = `${n}=${v}; path=/${domain}`;
        if (n == 'kelisim') ours[cookie.where] = cookie.kind == 'ours' ? cookie.choice : null;
      }
      const others = jar().filter((pair) => decodedName(pair) != 'kelisim');
      const valid = Object.values(ours).filter((c): c is Choice => !!c);
      const newest = Math.max(...valid.map((c) => c.updated));
      const expected = valid.filter((c) => c.updated == newest);

      const k = start();
      const consent = k.getConsent();
      // Of two cookies stored in the same second, either may be taken; one of another revision means "ask".
      const current = expected.find((c) => c.id == consent?.id && c.revision == revisionKey(settings));
      if (consent) expect(applied(k)).toEqual(current!.granted);
      else expect(expected.length == 0 || expected.some((c) => c.revision != revisionKey(settings))).toBe(true);
      if (!consent) expect(applied(k)).toEqual([]);
      expect(jar().filter((pair) => decodedName(pair) != 'kelisim').sort()).toEqual(others.sort());

      k.accept(next);
      expect(applied(k)).toEqual(next);
      expect(stored()).toMatchObject({ id: k.getConsent()!.id, granted: next });
      expect(jar().filter((pair) => decodedName(pair) != 'kelisim').sort()).toEqual(others.sort());
      k.destroy();
      expect(errors).not.toHaveBeenCalled();
    }), { numRuns: RUNS });
    clearJar();
  }, 300_000);
});

describe('clock', () => {
  it('a stored choice dated ahead, then a clock that jumps back and forth: every later choice reads back', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    const base = Date.now();
    const step = fc.record({
      jump: fc.integer({ min: -200 * DAY, max: 200 * DAY }),
      allow: fc.subarray(OPTIONAL),
    });
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 * DAY }), fc.array(step, { minLength: 1, maxLength: 4 }), (ahead, steps) => {
      vi.setSystemTime(base);
      clearJar();
      const future = seconds() + ahead;
      document.cookie = `kelisim=${encodeChoice({
        id: 'FutureFutureFutu', granted: OPTIONAL, denied: [], revision: revisionKey(settings), language: 'ru',
        created: future, updated: future, expires: future + 365 * DAY, textHash: '0',
      })}; path=/; expires=${new Date((future + 365 * DAY) * 1000).toUTCString()}`;
      let clock = base;
      for (const { jump, allow } of steps) {
        clock += jump * 1000;
        vi.setSystemTime(clock);
        const k = start();
        k.accept(allow);
        k.destroy();
        const back = stored();
        expect(back).toMatchObject({ granted: allow, updated: seconds() });
        expect(back!.created).toBeLessThanOrEqual(back!.updated);
        // The next page view applies it.
        expect(evaluate(back, settings, seconds()).allowed).toEqual(['necessary', ...allow]);
      }
      expect(errors).not.toHaveBeenCalled();
    }), { numRuns: RUNS });
    clearJar();
  }, 300_000);
});

describe('two tabs', () => {
  /** BroadcastChannel whose messages wait until the test delivers them, in the order it picks. */
  const channels: FakeChannel[] = [];
  const pending: (() => void)[] = [];
  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      channels.push(this);
    }
    postMessage(data: unknown) {
      for (const other of channels) {
        if (other !== this && other.name == this.name) pending.push(() => other.onmessage?.({ data } as MessageEvent));
      }
    }
    close() {
      channels.splice(channels.indexOf(this), 1);
    }
  }

  it('whatever order two tabs choose in, and however late they hear of it, each ends applying the cookie', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    vi.useFakeTimers({ toFake: ['Date'] });
    const base = Date.now();
    const op = fc.oneof(
      fc.record({ tab: fc.integer({ min: 0, max: 1 }), allow: fc.subarray(OPTIONAL), ms: fc.integer({ min: 0, max: 1500 }) }),
      fc.record({ tab: fc.integer({ min: 0, max: 1 }), reset: fc.constant(true), ms: fc.integer({ min: 0, max: 1500 }) }),
      fc.record({ deliver: fc.nat() }),
    );
    fc.assert(fc.property(fc.boolean(), fc.array(op, { maxLength: 8 }), (returning, ops) => {
      clearJar();
      pending.length = 0;
      let clock = base;
      vi.setSystemTime(clock);
      if (returning) {
        const earlier = start();
        earlier.rejectAll();
        earlier.destroy();
        vi.setSystemTime((clock += 5000));
      }
      const tabs = [start(), start()];
      for (const step of ops) {
        if ('deliver' in step) {
          if (pending.length) pending.splice(step.deliver % pending.length, 1)[0]();
          continue;
        }
        vi.setSystemTime((clock += step.ms));
        if ('reset' in step) tabs[step.tab].reset();
        else tabs[step.tab].accept(step.allow);
      }
      while (pending.length) pending.shift()!();
      const choice = stored();
      for (const k of tabs) {
        expect(applied(k)).toEqual(choice ? choice.granted : []);
        expect(k.getConsent()?.id).toBe(choice?.id);
      }
      tabs.forEach((k) => k.destroy());
      expect(errors).not.toHaveBeenCalled();
    }), { numRuns: RUNS });
    clearJar();
  }, 300_000);
});
