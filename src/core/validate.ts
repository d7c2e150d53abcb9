import type { GoogleConsentType } from '../types';
import type { Category, Counter, Settings } from './config';
import { kazakh, kazakhKeys } from './language';
import { COOKIE_LIMIT, longestCookie } from './cookie-size';
import { LANGUAGE, NAME } from './record';
import { blank, items, own } from './own';
import { isSafeUrl } from './safe-url';
import { explain } from './messages';

export { isSafeUrl };

type Report = (message: string, error?: unknown) => void;
/** The page the config runs on; the operator's tools validate without one. */
type Page = Pick<Location, 'hostname' | 'protocol'>;

const PRESETS = ['yandex-metrika', 'gtag', 'gtm', 'vk-pixel', 'meta-pixel', 'tiktok-pixel'];
const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];
const KEYS = [
  'language', 'policyUrl', 'revision', 'categories', 'counters', 'cookie', 'reloadOnWithdraw',
  'consentLog', 'operator', 'texts', 'consentMode', 'gpc', 'layout', 'theme', 'css', 'nonce', 'stubs', 'uiUrl',
];
// A cookie name token per RFC 6265 §4.1.1, plus `*` for patterns.
const COOKIE_PATTERN = /^[!#$%&'*+\-.^`|~\w]{1,64}$/;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];
// Chromium caps a cookie's lifetime at 400 days (RFC 6265bis §5.5); a record may not claim more.
const MAX_DAYS = 400;

export const DEFAULT_MAP: Settings['consentMode']['map'] = blank({
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  personalization: ['personalization_storage'],
  functional: ['functionality_storage'],
});

/** `'.Example.kz'` and `'example.kz'` both mean `.example.kz` (RFC 6265 §5.2.3). */
const domainOf = (value: string) => '.' + value.replace(/^\./, '').toLowerCase();

const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value == 'object' && !Array.isArray(value);

const ownKeys = (value: Record<string, unknown>) =>
  Object.keys(value).filter((key) => UNSAFE_KEYS.indexOf(key) < 0);

const show = (value: unknown): string => {
  if (typeof value == 'function') return 'a function';
  try {
    // Arrays by their own elements: a hole would show what another script put on Array.prototype.
    return (JSON.stringify(value, (_, v) => items(v) || v) || String(value)).slice(0, 60);
  } catch {
    // A getter or a Proxy trap that throws; primitives (a BigInt) print.
    return value && typeof value == 'object' ? 'an unprintable value' : String(value);
  }
};

/**
 * Turns untrusted config into `Settings`; with `page`, cookie settings the browser would refuse
 * there are refused too. Each bad value is reported once, naming the field, the
 * value and what is allowed, and replaced by its default. A config that cannot be read at all (a
 * getter or a Proxy trap that throws) gives the defaults, so the banner still asks; nothing here
 * throws.
 */
export function validate(input: unknown, error: Report, warn: Report, page?: Page): Settings {
  return readConfig(input, (problem) => error(explain(problem)), error, warn, page);
}

/**
 * A wrong value, for `explain` to word: the path under `config.`, the value as shown, what is
 * expected (a key of messages.ts, or the text itself when it depends on the config), and, for a
 * counter, what becomes of it.
 */
export type Problem = [path: string, shown: string, expected: string, outcome?: 'none' | 'drop'];

/**
 * `validate` for the gate: each wrong value goes to `say` unworded, so that the gate need not
 * carry the words of every message to every visitor (it fetches them when there is a mistake).
 */
export function readConfig(input: unknown, say: (problem: Problem) => void, error: Report, warn: Report, page?: Page): Settings {
  try {
    return read(input, say, error, warn, page);
  } catch (problem) {
    error('Kelisim: the config could not be read; using the defaults.', problem);
    return read(undefined, say, error, warn);
  }
}

function read(input: unknown, say: (problem: Problem) => void, error: Report, warn: Report, page?: Page): Settings {
  const config = isObject(input) ? input : {};
  const get = (key: string) => own(config, key);
  if (input !== undefined && !isObject(input)) error(`Kelisim: config must be an object, got ${show(input)}. Using defaults.`);

  const bad = (path: string, value: unknown, expected: string) => say([path, show(value), expected]);

  const pick = <T>(path: string, value: unknown, fallback: T, ok: (v: any) => boolean, expected: string): T => {
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    bad(path, value, expected);
    return fallback;
  };
  const oneOf = <T extends string>(path: string, value: unknown, options: T[]): T =>
    pick(path, value, options[0], (v) => options.indexOf(v) >= 0, options.map((o) => `'${o}'`).join(' | '));
  const flag = (path: string, value: unknown, fallback: boolean) =>
    pick(path, value, fallback, (v) => typeof v == 'boolean', 'bool');
  const text = (v: unknown): v is string => typeof v == 'string';
  const object = (path: string) => {
    const value = get(path);
    if (value !== undefined && !isObject(value)) bad(path, value, 'object');
    return isObject(value) ? value : {};
  };

  const unknown = ownKeys(config).filter((key) => KEYS.indexOf(key) < 0);
  if (unknown.length) warn(`Kelisim: unknown config key(s) ignored: ${unknown.join(', ')}.`);

  const language = kazakh(pick<string>('language', get('language'), 'auto',
    (v) => v === 'auto' || (text(v) && LANGUAGE.test(v)), 'language'), 'config.language').toLowerCase();

  let categories = validateCategories(get('categories'), bad);
  // The consent cookie names every optional category: a list it cannot hold would never read back.
  if (longestCookie(categories) > COOKIE_LIMIT) {
    bad('categories', get('categories'), `names that fit one ${COOKIE_LIMIT}-byte cookie (these need ${longestCookie(categories)})`);
    categories = validateCategories(undefined, bad);
  }
  for (const c of categories) c.texts = blank(kazakhKeys(c.texts, `config.categories.${c.name}.texts`));
  const names = categories.map((c) => c.name);

  const cookie = object('cookie');
  const consentMode = object('consentMode');

  const days = pick('cookie.expiresDays', own(cookie, 'expiresDays'), 365,
    (v) => typeof v == 'number' && v >= 1, 'days');
  if (days > MAX_DAYS) warn(`Kelisim: config.cookie.expiresDays = ${days} is over the ${MAX_DAYS} days browsers keep a cookie; using ${MAX_DAYS}.`);
  const sameSite = oneOf('cookie.sameSite', own(cookie, 'sameSite'), ['Lax', 'Strict', 'None']);
  const consentLog = pick<any>('consentLog', get('consentLog'), undefined,
    (v) => isObject(v) && isSafeUrl(own(v, 'url')), 'log');
  const operator = pick<any>('operator', get('operator'), undefined,
    (v) => isObject(v) && text(own(v, 'name')) && (own(v, 'id') === undefined || text(own(v, 'id'))), 'operator');

  const regions = pick<unknown>('consentMode.regions', own(consentMode, 'regions'), undefined,
    (v) => !!items(v) && items(v)!.every((r) => {
      const region = isObject(r) && items(own(r, 'region'));
      return region && region.every(text) && (own(r, 'granted') === undefined || isConsentTypes(own(r, 'granted')));
    }),
    'regions');
  const map = pick<Record<string, unknown> | undefined>('consentMode.map', own(consentMode, 'map'), undefined,
    (v) => isObject(v) && ownKeys(v).every((k) => isConsentTypes(v[k])), 'map');

  return {
    language,
    policyUrl: pick('policyUrl', get('policyUrl'), '', isSafeUrl, 'url'),
    revision: String(pick<string | number>('revision', get('revision'), '1',
      (v) => (text(v) && v.length > 0 && v.length <= 64) || typeof v == 'number', 'revision')),
    categories,
    // A counter is not defaulted: a wrong one is left out, and the message says so.
    counters: validateCounters(get('counters'), names, (path, value, expected) =>
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
    operator: operator && { name: own(operator, 'name'), id: own(operator, 'id') },
    texts: blank(kazakhKeys(validateTexts(get('texts'), bad), 'config.texts')),
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
    layout: oneOf('layout', get('layout'), ['bar', 'box', 'modal']),
    theme: oneOf('theme', get('theme'), ['auto', 'light', 'dark']),
    css: flag('css', get('css'), true),
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

function validateCategories(input: unknown, bad: Bad): Category[] {
  const fallback = () => ['necessary', 'analytics', 'advertising'].map((name, i) => ({
    name, required: !i, cookies: [], texts: blank<any>(),
  }));
  if (input === undefined) return fallback();
  if (!isObject(input)) {
    bad('categories', input, 'categories');
    return fallback();
  }
  const categories: Category[] = [];
  for (const name of ownKeys(input)) {
    const path = `categories.${name}`;
    const options = input[name] === true ? {} : input[name];
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
      categories.push({
        name,
        required: required === true,
        cookies,
        texts: validateTexts(own(options, 'texts'), bad, `${path}.texts`) as Category['texts'],
      });
    }
  }
  if (!categories.length) {
    bad('categories', input, 'some');
    return fallback();
  }
  return categories;
}

function validateCounters(input: unknown, categories: string[], bad: Bad): Counter[] {
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

function validateTexts(input: unknown, bad: Bad, path = 'texts'): Record<string, Record<string, string>> {
  const texts = blank<Record<string, string>>();
  if (input === undefined) return texts;
  if (!isObject(input)) {
    bad(path, input, 'texts');
    return texts;
  }
  for (const language of ownKeys(input)) {
    const strings = input[language];
    if (!LANGUAGE.test(language) || !isObject(strings)) {
      bad(`${path}.${language}`, strings, 'strings');
      continue;
    }
    const clean = blank<string>();
    for (const key of ownKeys(strings)) {
      if (typeof strings[key] == 'string') clean[key] = strings[key];
      else bad(`${path}.${language}.${key}`, strings[key], 'string');
    }
    texts[language.toLowerCase()] = clean;
  }
  return texts;
}
