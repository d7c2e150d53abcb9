import type { GoogleConsentType } from '../types';
import type { Counter, GateCategory, GateSettings } from './config';
import { COOKIE_LIMIT, longestCookie } from './cookie-size';
import { NAME } from './record';
import { blank, items, own } from './own';
import { isSafeUrl } from './safe-url';

/** The page the config runs on; the operator's tools validate without one. */
export type Page = Pick<Location, 'hostname' | 'protocol'>;

/**
 * A wrong value, for `explain` to word: the path under `config.`, the value as shown, what is
 * expected (a key of messages.ts, or the text itself when it depends on the config), and, for a
 * counter, what becomes of it.
 */
export type Problem = [path: string, shown: string, expected: string, outcome?: 'none' | 'drop'];

export type Say = (problem: Problem) => void;

type Report = (message: string, error?: unknown) => void;

export const UNREADABLE = 'Kelisim: the config could not be read; using the defaults.';

export const PRESETS = ['yandex-metrika', 'gtag', 'gtm', 'vk-pixel', 'meta-pixel', 'tiktok-pixel'];
const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];
// A cookie name token per RFC 6265 §4.1.1, plus `*` for patterns.
const COOKIE_PATTERN = /^[!#$%&'*+\-.^`|~\w]{1,64}$/;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];
// Chromium caps a cookie's lifetime at 400 days (RFC 6265bis §5.5); a record may not claim more.
const MAX_DAYS = 400;

export const DEFAULT_MAP: GateSettings['consentMode']['map'] = blank({
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  personalization: ['personalization_storage'],
  functional: ['functionality_storage'],
});

/** `'.Example.kz'` and `'example.kz'` both mean `.example.kz` (RFC 6265 §5.2.3). */
const domainOf = (value: string) => '.' + value.replace(/^\./, '').toLowerCase();

export const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value == 'object' && !Array.isArray(value);

export const ownKeys = (value: Record<string, unknown>) =>
  Object.keys(value).filter((key) => UNSAFE_KEYS.indexOf(key) < 0);

export const show = (value: unknown): string => {
  if (typeof value == 'function') return 'a function';
  try {
    // Arrays by their own elements: a hole would show what another script put on Array.prototype.
    return (JSON.stringify(value, (_, v) => items(v) || v) || String(value)).slice(0, 60);
  } catch {
    // A getter or a Proxy trap that throws; primitives (a BigInt) print.
    return value && typeof value == 'object' ? 'an unprintable value' : String(value);
  }
};

/** The readers of one config object: each wrong value goes to `say`, and its default is used. */
export function readers(config: Record<string, any>, say: Say) {
  const bad = (path: string, value: unknown, expected: string) => say([path, show(value), expected]);
  const pick = <T>(path: string, value: unknown, fallback: T, ok: (v: any) => boolean, expected: string): T => {
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    bad(path, value, expected);
    return fallback;
  };
  return {
    bad,
    pick,
    get: (key: string) => own(config, key),
    oneOf: <T extends string>(path: string, value: unknown, options: T[]): T =>
      pick(path, value, options[0], (v) => options.indexOf(v) >= 0, options.map((o) => `'${o}'`).join(' | ')),
    flag: (path: string, value: unknown, fallback: boolean) =>
      pick(path, value, fallback, (v) => typeof v == 'boolean', 'bool'),
    object(path: string) {
      const value = own(config, path);
      if (value !== undefined && !isObject(value)) bad(path, value, 'object');
      return isObject(value) ? value : {};
    },
  };
}

const text = (v: unknown): v is string => typeof v == 'string';

/**
 * The part of the config every page view needs, checked as `validate` checks it: with `page`,
 * cookie settings the browser would refuse there are refused too. Nothing here throws for a value
 * of the wrong shape; a getter or a Proxy trap that throws is the caller's to catch.
 */
export function readGate(input: unknown, say: Say, warn: (message: string) => void, page?: Page): GateSettings {
  const config = isObject(input) ? input : {};
  const { bad, pick, get, oneOf, flag, object } = readers(config, say);

  let categories = readCategories(get('categories'), bad);
  // The consent cookie names every optional category: a list it cannot hold would never read back.
  if (longestCookie(categories) > COOKIE_LIMIT) {
    bad('categories', get('categories'), `names that fit one ${COOKIE_LIMIT}-byte cookie (these need ${longestCookie(categories)})`);
    categories = readCategories(undefined, bad);
  }
  const names = categories.map((c) => c.name);

  const cookie = object('cookie');
  const consentMode = object('consentMode');
  const days = pick('cookie.expiresDays', own(cookie, 'expiresDays'), 365,
    (v) => typeof v == 'number' && v >= 1, 'days');
  if (days > MAX_DAYS) warn(`Kelisim: config.cookie.expiresDays = ${days} is over the ${MAX_DAYS} days browsers keep a cookie; using ${MAX_DAYS}.`);
  const sameSite = oneOf('cookie.sameSite', own(cookie, 'sameSite'), ['Lax', 'Strict', 'None']);
  const consentLog = pick<any>('consentLog', get('consentLog'), undefined,
    (v) => isObject(v) && isSafeUrl(own(v, 'url')), 'log');
  const regions = pick<unknown>('consentMode.regions', own(consentMode, 'regions'), undefined,
    (v) => !!items(v) && items(v)!.every((r) => {
      const region = isObject(r) && items(own(r, 'region'));
      return region && region.every(text) && (own(r, 'granted') === undefined || isConsentTypes(own(r, 'granted')));
    }),
    'regions');
  const map = pick<Record<string, unknown> | undefined>('consentMode.map', own(consentMode, 'map'), undefined,
    (v) => isObject(v) && ownKeys(v).every((k) => isConsentTypes(v[k])), 'map');

  return {
    revision: String(pick<string | number>('revision', get('revision'), '1',
      (v) => (text(v) && v.length > 0 && v.length <= 64) || typeof v == 'number', 'revision')),
    categories,
    // A counter is not defaulted: a wrong one is left out, and the message says so.
    counters: readCounters(get('counters'), names, (path, value, expected) =>
      say([path, show(value), expected, path == 'counters' ? 'none' : 'drop'])),
    cookie: {
      name: pick('cookie.name', own(cookie, 'name'), 'kelisim', (v) => text(v) && /^[\w-]{1,32}$/.test(v), 'cookieName'),
      // A Domain the page is not on is refused by the browser, and the visitor would be told cookies are blocked.
      domain: pick<string | undefined>('cookie.domain', own(cookie, 'domain'), undefined,
        (v) => text(v) && /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(v)
          && (!page || ('.' + page.hostname).slice(-domainOf(v).length) == domainOf(v)),
        'domain'),
      path: pick('cookie.path', own(cookie, 'path'), '/', (v) => text(v) && v[0] == '/', 'path'),
      expiresDays: Math.min(days, MAX_DAYS),
      // Browsers keep SameSite=None only with Secure, which an http page cannot set.
      sameSite: sameSite == 'None' && page && page.protocol == 'http:'
        ? (bad('cookie.sameSite', sameSite, 'http'), 'Lax')
        : sameSite,
    },
    reloadOnWithdraw: flag('reloadOnWithdraw', get('reloadOnWithdraw'), true),
    consentLog: consentLog && { url: own(consentLog, 'url') },
    consentMode: {
      mode: oneOf('consentMode.mode', own(consentMode, 'mode'), ['basic', 'advanced']),
      regions: (items(regions) || []).map((r) => ({
        region: items(own(r, 'region')) as string[],
        granted: items(own(r, 'granted')) as GoogleConsentType[] | undefined,
      })),
      map: map ? ownKeys(map).reduce((copy, k) => ((copy[k] = items(map[k]) as GoogleConsentType[]), copy), blank<GoogleConsentType[]>()) : DEFAULT_MAP,
      waitForUpdate: pick('consentMode.waitForUpdate', own(consentMode, 'waitForUpdate'), 500,
        (v) => typeof v == 'number' && v >= 0 && v <= 10000, 'wait'),
    },
    gpc: flag('gpc', get('gpc'), true),
    nonce: pick<string | undefined>('nonce', get('nonce'), undefined, text, 'string'),
    stubs: items(pick('stubs', get('stubs'), [], (v) => !!items(v) && items(v)!.every((n) => text(n) && /^[a-z_$][\w$]*$/i.test(n)),
      'stubs')) as string[],
    uiUrl: pick<string | undefined>('uiUrl', get('uiUrl'), undefined, isSafeUrl, 'url'),
  };
}

const isConsentTypes = (value: unknown) => {
  const types = items(value);
  return !!types && types.every((t) => CONSENT_TYPES.indexOf(t as string) >= 0);
};

type Bad = (path: string, value: unknown, expected: string) => void;

/** A category given as `true` means `{}`. */
export const categoryOptions = (input: Record<string, any>, name: string) => (input[name] === true ? {} : input[name]);

function readCategories(input: unknown, bad: Bad): GateCategory[] {
  const fallback = () => ['necessary', 'analytics', 'advertising'].map((name, i) => ({ name, required: !i, cookies: [] }));
  if (input === undefined) return fallback();
  if (!isObject(input)) {
    bad('categories', input, 'categories');
    return fallback();
  }
  const categories: GateCategory[] = [];
  for (const name of ownKeys(input)) {
    const path = `categories.${name}`;
    const options = categoryOptions(input, name);
    if (!NAME.test(name)) bad(path, name, 'name');
    else if (!isObject(options)) bad(path, options, 'category');
    else {
      const given = own(options, 'cookies');
      const required = own(options, 'required');
      const cookies = (items(given) || []).filter((c) => {
        const ok = typeof c == 'string' && COOKIE_PATTERN.test(c);
        if (!ok) bad(`${path}.cookies`, c, 'cookies');
        return ok;
      }) as string[];
      if (given !== undefined && !Array.isArray(given)) bad(`${path}.cookies`, given, 'array');
      if (required !== undefined && typeof required != 'boolean') bad(`${path}.required`, required, 'bool');
      categories.push({ name, required: required === true, cookies });
    }
  }
  if (!categories.length) {
    bad('categories', input, 'some');
    return fallback();
  }
  return categories;
}

function readCounters(input: unknown, categories: string[], bad: Bad): Counter[] {
  if (input === undefined) return [];
  const list = items(input);
  if (!list) {
    bad('counters', input, 'array');
    return [];
  }
  const counters: Counter[] = [];
  list.forEach((counter, i) => {
    const path = `counters[${i}]`;
    if (!isObject(counter)) return bad(path, counter, 'object');
    const [category, preset, src, load, id, options] = ['category', 'preset', 'src', 'load', 'id', 'options'].map((key) => own(counter, key));
    const kinds = [preset, src, load].filter((k) => k !== undefined).length;
    if (categories.indexOf(category) < 0) return bad(`${path}.category`, category, `one of ${categories.join(', ')}`);
    if (kinds != 1) return bad(path, counter, 'kind');
    if (preset !== undefined && PRESETS.indexOf(preset) < 0) return bad(`${path}.preset`, preset, PRESETS.join(' | '));
    if (src !== undefined && !isSafeUrl(src)) return bad(`${path}.src`, src, 'url');
    if (load !== undefined && typeof load != 'function') return bad(`${path}.load`, load, 'function');
    if (id !== undefined && typeof id != 'string' && typeof id != 'number') return bad(`${path}.id`, id, 'id');
    if (preset && id === undefined) return bad(`${path}.id`, id, `the ${preset} id`);
    if (options !== undefined && !isObject(options)) return bad(`${path}.options`, options, 'object');
    counters.push({
      category,
      preset,
      src,
      load,
      id: id === undefined ? undefined : String(id),
      // Own keys only, into a plain object: vendors' code is not ready for one without a prototype.
      options: ownKeys(options || {}).reduce((copy, key) => ((copy[key] = options[key]), copy), {} as Record<string, unknown>),
    });
  });
  return counters;
}

/**
 * The gate's part of `validate`: each wrong value goes to `say` unworded, so that the gate need
 * not carry the words of every message to every visitor (it fetches them when there is a mistake).
 */
export function readConfig(input: unknown, say: Say, error: Report, warn: Report, page?: Page): GateSettings {
  if (input !== undefined && !isObject(input)) error(`Kelisim: config must be an object, got ${show(input)}. Using defaults.`);
  try {
    return readGate(input, say, warn, page);
  } catch (problem) {
    error(UNREADABLE, problem);
    return { ...readGate(undefined, say, warn), unreadable: true };
  }
}
