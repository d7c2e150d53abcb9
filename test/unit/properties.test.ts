import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInstance } from '../../src/api';
import { evaluate } from '../../src/core/consent';
import { validate } from '../../src/core/validate';
import { decodeChoice, encodeChoice } from '../../src/store/codec';

const RUNS = 10_000;
const quiet = () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
};
afterEach(() => vi.restoreAllMocks());

const settings = validate({ revision: '2019-02-20' }, () => {}, () => {});
const NOW = 1_780_000_000;

describe('properties', () => {
  it('a random cookie value never throws and never allows a category without a well-formed grant', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('1', 'analytics', 'advertising', 'analytics+advertising', 'zzzzzz', 'ru'));
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(field, { maxLength: 12 }).map((f) => f.join('.')));
    fc.assert(fc.property(value, (raw) => {
      const choice = decodeChoice(raw);
      const state = evaluate(choice, settings, NOW);
      if (!choice) expect(state.allowed).toEqual(['necessary']);
      else expect(raw).toBe(encodeChoice(choice));
    }), { numRuns: RUNS });
  }, 120_000);

  it('a random config never throws and always yields usable settings', () => {
    quiet();
    const anything = fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 3 });
    const config = fc.record({
      language: anything, policyUrl: anything, revision: anything, categories: fc.oneof(anything, fc.dictionary(fc.string(), anything)),
      counters: fc.oneof(anything, fc.array(fc.record({ category: fc.constantFrom('analytics', 'x', 1), preset: anything, src: anything, id: anything }))),
      cookie: anything, texts: anything, consentMode: anything, layout: anything, theme: anything,
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(anything, config), (input) => {
      const s = validate(input, () => {}, () => {});
      expect(s.categories.length).toBeGreaterThan(0);
      expect(typeof s.cookie.name).toBe('string');
      for (const counter of s.counters) expect(s.categories.map((c) => c.name)).toContain(counter.category);
    }), { numRuns: RUNS });
  }, 120_000);

  it('random API call sequences never throw and never run a counter without an explicit allow', () => {
    quiet();
    const call = fc.oneof(
      fc.constant(['show']), fc.constant(['hide']), fc.constant(['showPreferences']), fc.constant(['rejectAll']),
      fc.constant(['reset']), fc.constant(['getConsent']), fc.constant(['destroy']), fc.constant(['init']),
      fc.constant(['acceptAll']),
      fc.tuple(fc.constant('accept'), fc.oneof(fc.array(fc.constantFrom('analytics', 'advertising', 'necessary', 'nope')), fc.anything())),
      fc.tuple(fc.constant('isAllowed'), fc.anything()),
      fc.tuple(fc.constant('on'), fc.constantFrom('kelisim:change', 'bogus'), fc.anything()),
    );
    fc.assert(fc.property(fc.array(call, { maxLength: 12 }), (calls) => {
      let allowedByVisitor = false;
      let ran = false;
      const k = createInstance({ loadUI: () => new Promise(() => {}) });
      k.init({ reloadOnWithdraw: false, counters: [{ category: 'analytics', load: () => { ran = true; } }] });
      for (const [name, ...args] of calls as [string, ...unknown[]][]) {
        if (name == 'acceptAll' || (name == 'accept' && Array.isArray(args[0]) && args[0].includes('analytics'))) allowedByVisitor = true;
        if (name == 'init') args.push({ counters: [{ category: 'analytics', load: () => { ran = true; } }] });
        expect(() => (k as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args)).not.toThrow();
        if (ran) expect(allowedByVisitor).toBe(true);
      }
      k.destroy();
      for (const c of document.cookie.split('; ')) document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`;
    }), { numRuns: RUNS });
  }, 120_000);
});
