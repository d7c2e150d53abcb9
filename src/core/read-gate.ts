import type { GoogleConsentType } from '../types';
import type { Counter, GateCategory, GateSettings } from './config';
import { COOKIE_LIMIT, longestCookie } from './cookie-size';
import { NAME } from './record';
import { blank, items, own } from './own';
import { isSafeUrl } from './safe-url';

/** The page the config runs on; the operator's tools validate without one. */
export type Page = Pick<Location, 'hostname' | 'protocol' | 'pathname'>;

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

type Check = ((value: any) => boolean) | string[];
/** One setting: its path under `config.`, what it must be, its default, and what is expected (a key of messages.ts). */
export type Rule = [path: string, check: Check, fallback?: unknown, expected?: string];

const text = (v: unknown): v is string => typeof v == 'string';
const bool = (v: unknown) => typeof v == 'boolean';

/**
 * Reads `rules` from `config` into a nested object shaped like the paths: each wrong value goes to
 * `say` and its default is used; a parent that is not an object is told once and read as `{}`.
 * A list of options as `check` means one of them, the first by default.
 */
export function readRules(config: Record<string, any>, rules: Rule[], say: Say): Record<string, any> {
  // Without a prototype: a setter or a value another script put on Object.prototype is never met.
  const out = blank<any>();
  const told: string[] = [];
  for (const [path, check, fallback, expected] of rules) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let from = config;
    let into = out;
    for (const key of keys) {
      const value = own(from, key);
      if (value !== undefined && !isObject(value) && told.indexOf(key) < 0) {
        told.push(key);
        say([key, show(value), 'object']);
      }
      from = isObject(value) ? value : {};
      into = into[key] || (into[key] = blank());
    }
    const value = own(from, last);
    const options = Array.isArray(check) ? check : undefined;
    const ok = options ? options.indexOf(value) >= 0 : (check as (v: any) => boolean)(value);
    if (value !== undefined && !ok) say([path, show(value), expected || options!.map((o) => `'${o}'`).join(' | ')]);
    into[last] = value !== undefined && ok ? value : options && fallback === undefined ? options[0] : fallback;
  }
  return out;
}

export const REVISION_RULE: Rule = ['revision', (v) => (text(v) && v.length > 0 && v.length <= 64) || typeof v == 'number', '1', 'revision'];

const GATE_RULES: Rule[] = [
  ['cookie.name', (v) => text(v) && /^[\w-]{1,32}$/.test(v), 'kelisim', 'cookieName'],
  ['cookie.domain', (v) => text(v) && /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(v), undefined, 'domain'],
  ['cookie.path', (v) => text(v) && v[0] == '/', '/', 'path'],
  ['cookie.expiresDays', (v) => typeof v == 'number' && v >= 1, 365, 'days'],
  ['cookie.sameSite', ['Lax', 'Strict', 'None']],
  ['reloadOnWithdraw', bool, true, 'bool'],
  ['consentLog', (v) => isObject(v) && isSafeUrl(own(v, 'url')), undefined, 'log'],
  ['consentMode.mode', ['basic', 'advanced']],
  ['consentMode.regions', (v) => !!items(v) && items(v)!.every((r) => {
    const region = isObject(r) && items(own(r, 'region'));
    return region && region.every(text) && (own(r, 'granted') === undefined || isConsentTypes(own(r, 'granted')));
  }), undefined, 'regions'],
  ['consentMode.map', (v) => isObject(v) && ownKeys(v).every((k) => isConsentTypes(v[k])), undefined, 'map'],
  ['consentMode.waitForUpdate', (v) => typeof v == 'number' && v >= 0 && v <= 10000, 500, 'wait'],
  ['gpc', bool, true, 'bool'],
  ['nonce', text, undefined, 'string'],
  ['stubs', (v) => !!items(v) && items(v)!.every((n) => text(n) && /^[a-z_$][\w$]*$/i.test(n)), [], 'stubs'],
  ['uiUrl', isSafeUrl, undefined, 'url'],
  REVISION_RULE,
];

/**
 * The part of the config every page view needs, checked as `validate` checks it: with `page`,
 * cookie settings the browser would refuse there are refused too. Nothing here throws for a value
 * of the wrong shape; a getter or a Proxy trap that throws is the caller's to catch.
 */
export function readGate(input: unknown, say: Say, warn: (message: string) => void, page?: Page): GateSettings {
  const config = isObject(input) ? input : {};
  const bad = (path: string, value: unknown, expected: string) => say([path, show(value), expected]);

  let categories = readCategories(own(config, 'categories'), bad);
  // The consent cookie names every optional category: a list it cannot hold would never read back.
  if (longestCookie(categories) > COOKIE_LIMIT) {
    bad('categories', own(config, 'categories'), `names that fit one ${COOKIE_LIMIT}-byte cookie (these need ${longestCookie(categories)})`);
    categories = readCategories(undefined, bad);
  }
  const read = readRules(config, GATE_RULES, say);
  const { cookie, consentMode, consentLog } = read;
  if (cookie.expiresDays > MAX_DAYS) {
    warn(`Kelisim: config.cookie.expiresDays = ${cookie.expiresDays} is over the ${MAX_DAYS} days browsers keep a cookie; using ${MAX_DAYS}.`);
    cookie.expiresDays = MAX_DAYS;
  }
  // A Domain the page is not on is refused by the browser, and the visitor would be told cookies are blocked.
  if (cookie.domain && page && ('.' + page.hostname).slice(-domainOf(cookie.domain).length) != domainOf(cookie.domain)) {
    bad('cookie.domain', cookie.domain, 'domain');
    cookie.domain = undefined;
  }
  // A Path the page is not under is stored but never sent back to it (RFC 6265 §5.1.4): the choice
  // would be forgotten on every page view, and the visitor told cookies are blocked. A srcdoc or
  // about:blank frame has no path of its own: its cookies are its parent's.
  const path = cookie.path;
  const at = page ? page.pathname : path;
  // '/shop' is under '/shop' and '/shop/…', not under '/shopping'.
  const end = path.slice(-1) == '/' ? '' : '/';
  if (at[0] == '/' && (at + end).indexOf(path + end)) {
    bad('cookie.path', path, 'pagePath');
    cookie.path = '/';
  }
  // Browsers keep SameSite=None only with Secure, which an http page cannot set.
  if (cookie.sameSite == 'None' && page && page.protocol == 'http:') {
    bad('cookie.sameSite', 'None', 'http');
    cookie.sameSite = 'Lax';
  }
  const map = consentMode.map;
  return {
    ...read,
    revision: String(read.revision),
    categories,
    // A counter is not defaulted: a wrong one is left out, and the message says so.
    counters: readCounters(own(config, 'counters'), categories.map((c) => c.name), (path, value, expected) =>
      say([path, show(value), expected, path == 'counters' ? 'none' : 'drop'])),
    consentLog: consentLog && { url: own(consentLog, 'url') },
    consentMode: {
      ...consentMode,
      regions: (items(consentMode.regions) || []).map((r) => ({
        region: items(own(r, 'region')) as string[],
        granted: items(own(r, 'granted')) as GoogleConsentType[] | undefined,
      })),
      map: map ? ownKeys(map).reduce((copy, k) => ((copy[k] = items(map[k]) as GoogleConsentType[]), copy), blank<GoogleConsentType[]>()) : DEFAULT_MAP,
    },
    stubs: items(read.stubs) as string[],
  } as GateSettings;
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
