import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, validate } from '../../src/core/validate';

/**
 * Configs as a hostile page hands them over: Object.prototype and Array.prototype polluted by
 * another script, inherited keys, Proxies, getters and traps that throw, and category names such
 * as `toString` or `__proto__`. Validation must never throw, never read an inherited property,
 * and never let a gated thing run that the config's own properties did not ask for.
 */

const EVIL = 'https://evil.example/x.js';
// What another script's bug might have put on Object.prototype, by config key.
const POLLUTION: Record<string, unknown> = {
  language: 'kk', policyUrl: EVIL, revision: '9', categories: { analytics: { required: true } },
  counters: [{ category: 'analytics', src: EVIL }], cookie: { domain: '.evil.example' }, reloadOnWithdraw: false,
  consentLog: { url: EVIL }, operator: { name: 'evil' }, texts: { ru: { acceptAll: 'evil' } },
  consentMode: { mode: 'advanced' }, gpc: false, layout: 'modal', theme: 'dark', css: false, nonce: 'evil', uiUrl: EVIL,
  required: true, cookies: ['*'], category: 'analytics', preset: 'gtag', src: EVIL, load: () => {}, id: 'G-EVIL',
  options: { webvisor: true }, name: 'evil', domain: '.evil.example', path: '/evil', expiresDays: 3650,
  sameSite: 'None', url: EVIL, mode: 'advanced', regions: [{ region: ['KZ'], granted: ['ad_storage'] }],
  map: { analytics: ['ad_storage'] }, waitForUpdate: 0, region: ['KZ'], granted: ['ad_storage'], title: 'evil',
};
const KEYS = Object.keys(POLLUTION);

/** Getters that record every read, on Object.prototype, Array.prototype's first slots, and a parent object. */
function pollute(reads: string[]): () => void {
  const undo: (() => void)[] = [];
  const trap = (target: object, key: string | number, value: unknown) => {
    Object.defineProperty(target, key, {
      configurable: true,
      get() {
        reads.push(String(key));
        return value;
      },
      // As a polluted data property would: assignment makes an own property of the receiver.
      set(this: object, own: unknown) {
        Object.defineProperty(this, key, { value: own, writable: true, enumerable: true, configurable: true });
      },
    });
    undo.push(() => delete (target as any)[key]);
  };
  for (const key of KEYS) trap(Object.prototype, key, POLLUTION[key]);
  for (const i of [0, 1, 2]) trap(Array.prototype, i, { category: 'analytics', src: EVIL });
  return () => undo.forEach((u) => u());
}

const parent = (reads: string[]) => {
  const proto = Object.create(null);
  for (const key of KEYS) Object.defineProperty(proto, key, { get: () => (reads.push('parent.' + key), POLLUTION[key]) });
  return proto;
};

const NAMES = ['necessary', 'analytics', 'advertising', 'toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty', 'required'];
const URLS = ['https://a.example/a.js', '/b.js', 'constructor', 'javascript:alert(1)', 'java\tscript:x', ' data:text/javascript,x', '__proto__'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const category = fc.record({
  required: maybe(fc.oneof(fc.boolean(), fc.constant('yes'))),
  cookies: maybe(fc.array(fc.constantFrom('_ga*', 'a b', '_ym_*', 'toString'), { maxLength: 3 })),
  texts: maybe(fc.dictionary(fc.constantFrom('ru', 'kk', 'toString', '__proto__'), fc.record({ title: maybe(fc.string({ maxLength: 5 })) }), { maxKeys: 2 })),
}, { requiredKeys: [] });

const counter = fc.record({
  category: fc.constantFrom(...NAMES),
  src: maybe(fc.constantFrom(...URLS)),
  preset: maybe(fc.constantFrom('gtag', 'yandex-metrika', 'toString')),
  id: maybe(fc.oneof(fc.constantFrom('G-1', '123'), fc.integer())),
  options: maybe(fc.dictionary(fc.constantFrom('webvisor', 'toString', '__proto__'), fc.boolean(), { maxKeys: 2 })),
}, { requiredKeys: [] });

const model = fc.record({
  categories: maybe(fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(category, fc.constant(true)), { maxKeys: 5 })),
  counters: maybe(fc.array(counter, { maxLength: 4 })),
  consentMode: maybe(fc.record({ mode: maybe(fc.constantFrom('basic', 'advanced', 'toString')) }, { requiredKeys: [] })),
  cookie: maybe(fc.record({
    expiresDays: maybe(fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constant(Number.NaN))),
    domain: maybe(fc.constantFrom('.kelisim.test', 'www.kelisim.test', '.evil.example', 'toString')),
    sameSite: maybe(fc.constantFrom('Lax', 'None', 'constructor')),
  }, { requiredKeys: [] })),
  uiUrl: maybe(fc.constantFrom(...URLS)),
  layout: maybe(fc.anything()),
  revision: maybe(fc.anything()),
}, { requiredKeys: [] });

type Wrap = 'plain' | 'inherit' | 'proxy' | 'getter' | 'throwing-getter' | 'throwing-proxy' | 'holes';
const WRAPS: Wrap[] = ['plain', 'plain', 'plain', 'inherit', 'proxy', 'getter', 'throwing-getter', 'throwing-proxy', 'holes'];

/** The model, each object and array dressed as the wrap list says, depth first. */
function dress(value: unknown, wraps: Wrap[], reads: string[]): unknown {
  if (!value || typeof value != 'object') return value;
  const wrap = wraps.length ? wraps.shift()! : 'plain';
  const inner: any = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(inner, key, { value: dress((value as any)[key], wraps, reads), enumerable: true, writable: true, configurable: true });
  }
  switch (wrap) {
    case 'inherit':
      return Array.isArray(inner) ? inner : Object.setPrototypeOf(inner, parent(reads));
    case 'holes':
      return Array.isArray(inner) ? [, , ...inner] : inner;
    case 'proxy':
      return new Proxy(inner, {});
    case 'getter': {
      // Own getters are config too: they are read, once.
      const copy: any = Array.isArray(inner) ? inner : {};
      if (!Array.isArray(inner)) for (const key of Object.keys(inner)) Object.defineProperty(copy, key, { get: () => inner[key], enumerable: true });
      return copy;
    }
    case 'throwing-getter':
      return Object.defineProperty(inner, Array.isArray(inner) ? 0 : Object.keys(inner)[0] || 'theme', {
        get() {
          throw new Error('getter');
        },
        enumerable: true,
      });
    case 'throwing-proxy':
      return new Proxy(inner, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'].map((trap) => [trap, () => {
        throw new Error(trap);
      }])));
    default:
      return inner;
  }
}

const own = (value: any, key: string) => (value && typeof value == 'object' && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined);

describe('config validation on a hostile page', () => {
  it('never throws, never reads an inherited property, never lets a gated thing run unasked', () => {
    fc.assert(fc.property(model, fc.array(fc.constantFrom(...WRAPS), { maxLength: 30 }), (plain, wraps) => {
      const reads: string[] = [];
      const config = dress(plain, wraps.slice(), reads);
      const messages: string[] = [];
      const undo = pollute(reads);
      let settings: ReturnType<typeof validate>;
      try {
        settings = validate(config, (m) => messages.push(m), (m) => messages.push(m), { hostname: 'www.kelisim.test', protocol: 'http:', pathname: '/' });
      } finally {
        undo();
      }

      expect(reads).toEqual([]);

      // Required only where the config's own properties say so, or the built-in `necessary`.
      const categories = own(plain, 'categories');
      for (const c of settings.categories.filter((c) => c.required)) {
        const options = own(categories, c.name);
        expect(c.name == 'necessary' || own(options, 'required') === true).toBe(true);
      }
      // No counter the config did not list, and none from an unsafe URL.
      const listed = (own(plain, 'counters') || []) as Record<string, unknown>[];
      for (const c of settings.counters) {
        expect(listed.some((l) => own(l, 'category') == c.category && own(l, 'src') === c.src && own(l, 'preset') === c.preset)).toBe(true);
        if (c.src !== undefined) expect(isSafeUrl(c.src)).toBe(true);
        expect(Object.keys(c.options).every((k) => listed.some((l) => own(own(l, 'options'), k) !== undefined))).toBe(true);
      }
      // Google's script before consent only when the config itself asks for it.
      if (settings.consentMode.mode == 'advanced') expect(own(own(plain, 'consentMode'), 'mode')).toBe('advanced');
      if (settings.uiUrl !== undefined) expect([own(plain, 'uiUrl'), isSafeUrl(settings.uiUrl)]).toEqual([settings.uiUrl, true]);
      // Nothing the browser would refuse on http://www.kelisim.test/.
      expect(settings.cookie.expiresDays).toBeLessThanOrEqual(400);
      if (settings.cookie.domain) expect('.www.kelisim.test'.endsWith('.' + settings.cookie.domain.replace(/^\./, ''))).toBe(true);
      expect(settings.cookie.sameSite).not.toBe('None');
      // Internal maps have no prototype: a lookup by `toString` finds nothing.
      expect(Object.getPrototypeOf(settings.texts)).toBeNull();
      expect(Object.getPrototypeOf(settings.consentMode.map)).toBeNull();
      for (const c of settings.categories) expect(Object.getPrototypeOf(c.texts)).toBeNull();
      for (const m of messages) expect(typeof m).toBe('string');
    }), { numRuns: 10_000 });
  }, 120_000);

  it('a config that throws as a whole gives the defaults and says so', () => {
    const messages: string[] = [];
    const config = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const settings = validate(config, (m) => messages.push(m), () => {});
    expect(settings.categories.map((c) => c.name)).toEqual(['necessary', 'analytics', 'advertising']);
    expect(settings.counters).toEqual([]);
    expect(messages).toEqual(['Kelisim: the config could not be read; using the defaults.']);
  });
});
