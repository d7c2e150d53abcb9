import type { KelisimConfig } from '../types';
import type { Category, Counter, Settings } from './config';
import { kazakh, kazakhKeys } from './language';
import { COOKIE_LIMIT, longestCookie } from './cookie-size';
import { LANGUAGE, NAME } from './record';

type Report = (message: string) => void;

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
  'consentLog', 'operator', 'texts', 'consentMode', 'gpc', 'layout', 'theme', 'css', 'nonce', 'stubs',
];
// A cookie name token per RFC 6265 §4.1.1, plus `*` for patterns.
const COOKIE_PATTERN = /^[!#$%&'*+\-.^`|~\w]{1,64}$/;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

export const DEFAULT_MAP: Settings['consentMode']['map'] = {
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  personalization: ['personalization_storage'],
  functional: ['functionality_storage'],
};

const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value == 'object' && !Array.isArray(value);

const ownKeys = (value: Record<string, unknown>) =>
  Object.keys(value).filter((key) => UNSAFE_KEYS.indexOf(key) < 0);

/**
 * Only `http(s):` and relative URLs: a `javascript:` link in a banner is an XSS. Control characters
 * are refused because URL parsers drop them (`java\tscript:` is `javascript:`).
 */
export const isSafeUrl = (value: unknown): value is string =>
  typeof value == 'string' && /\S/.test(value) && !/[\x00-\x1f]/.test(value)
  && (/^\s*https?:/i.test(value) || !/^\s*[a-z][a-z\d+.-]*:/i.test(value));

const show = (value: unknown): string => {
  if (typeof value == 'function') return 'a function';
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
  } catch {
    return String(value);
  }
};

/**
 * Turns untrusted config into `Settings`. Each bad value is reported once, naming the field, the
 * value and what is allowed, and replaced by its default; nothing here throws.
 */
export function validate(input: unknown, error: Report, warn: Report): Settings {
  const config: KelisimConfig & Record<string, unknown> = isObject(input) ? input : {};
  if (input != null && !isObject(input)) error(`Kelisim: config must be an object, got ${show(input)}. Using defaults.`);

  const bad = (path: string, value: unknown, expected: string) =>
    error(`Kelisim: config.${path} = ${show(value)} is not allowed; expected ${expected}. Using the default.`);

  const pick = <T>(path: string, value: unknown, fallback: T, ok: (v: any) => boolean, expected: string): T => {
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    bad(path, value, expected);
    return fallback;
  };
  const oneOf = <T extends string>(path: string, value: unknown, options: T[]): T =>
    pick(path, value, options[0], (v) => options.indexOf(v) >= 0, options.map((o) => `'${o}'`).join(' | '));
  const flag = (path: string, value: unknown, fallback: boolean) =>
    pick(path, value, fallback, (v) => typeof v == 'boolean', 'true or false');
  const text = (v: unknown) => typeof v == 'string';

  const unknown = ownKeys(config).filter((key) => KEYS.indexOf(key) < 0);
  if (unknown.length) warn(`Kelisim: unknown config key(s) ignored: ${unknown.join(', ')}.`);

  const language = kazakh(pick<string>('language', config.language, 'auto',
    (v) => v === 'auto' || (text(v) && LANGUAGE.test(v)), "'auto' or a language code such as 'ru', 'kk', 'en'"), 'config.language').toLowerCase();

  let categories = validateCategories(config.categories, bad);
  // The consent cookie names every optional category: a list it cannot hold would never read back.
  if (longestCookie(categories) > COOKIE_LIMIT) {
    bad('categories', config.categories, `names that fit one ${COOKIE_LIMIT}-byte cookie (these need ${longestCookie(categories)})`);
    categories = validateCategories(undefined, bad);
  }
  for (const c of categories) c.texts = kazakhKeys(c.texts, `config.categories.${c.name}.texts`);
  const names = categories.map((c) => c.name);

  const cookieInput = isObject(config.cookie) ? config.cookie : {};
  if (config.cookie !== undefined && !isObject(config.cookie)) bad('cookie', config.cookie, 'an object');

  const consentModeInput = isObject(config.consentMode) ? config.consentMode : {};
  if (config.consentMode !== undefined && !isObject(config.consentMode)) bad('consentMode', config.consentMode, 'an object');

  return {
    language,
    policyUrl: pick('policyUrl', config.policyUrl, '', isSafeUrl, 'an http(s) or relative URL'),
    revision: String(pick<string | number>('revision', config.revision, '1',
      (v) => (text(v) && v.length > 0 && v.length <= 64) || typeof v == 'number', 'a non-empty string')),
    categories,
    // A counter is not defaulted: a wrong one is left out, and the message says so.
    counters: validateCounters(config.counters, names, (path, value, expected) =>
      error(`Kelisim: config.${path} = ${show(value)} is not allowed; expected ${expected}. ${path == 'counters' ? 'No counter runs' : 'This counter is dropped'}.`)),
    cookie: {
      name: pick('cookie.name', cookieInput.name, 'kelisim', (v) => text(v) && /^[\w-]{1,32}$/.test(v), 'letters, digits, _ or -'),
      domain: pick<string | undefined>('cookie.domain', cookieInput.domain, undefined,
        (v) => text(v) && /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(v), "a domain such as '.example.kz'"),
      path: pick('cookie.path', cookieInput.path, '/', (v) => text(v) && v[0] == '/', "a path starting with '/'"),
      expiresDays: pick('cookie.expiresDays', cookieInput.expiresDays, 365,
        (v) => typeof v == 'number' && v >= 1 && v <= 3650, 'a number of days from 1 to 3650'),
      sameSite: oneOf('cookie.sameSite', cookieInput.sameSite, ['Lax', 'Strict', 'None']),
    },
    reloadOnWithdraw: flag('reloadOnWithdraw', config.reloadOnWithdraw, true),
    consentLog: pick<{ url: string } | undefined>('consentLog', config.consentLog, undefined,
      (v) => isObject(v) && isSafeUrl(v.url), '{ url } with an http(s) or relative URL'),
    operator: pick<{ name: string; id?: string } | undefined>('operator', config.operator, undefined,
      (v) => isObject(v) && text(v.name) && (v.id === undefined || text(v.id)), '{ name, id? } with strings'),
    texts: kazakhKeys(validateTexts(config.texts, bad), 'config.texts'),
    consentMode: {
      mode: oneOf('consentMode.mode', consentModeInput.mode, ['basic', 'advanced']),
      regions: pick('consentMode.regions', consentModeInput.regions, [],
        (v) => Array.isArray(v) && v.every((r) => isObject(r) && Array.isArray(r.region)
          && r.region.every(text) && (r.granted === undefined || isConsentTypes(r.granted))),
        '[{ region: string[], granted?: consent types }]'),
      map: pick('consentMode.map', consentModeInput.map, DEFAULT_MAP,
        (v) => isObject(v) && ownKeys(v).every((k) => isConsentTypes(v[k])), 'category → Consent Mode types'),
      waitForUpdate: pick('consentMode.waitForUpdate', consentModeInput.waitForUpdate, 500,
        (v) => typeof v == 'number' && v >= 0 && v <= 10000, 'milliseconds from 0 to 10000'),
    },
    gpc: flag('gpc', config.gpc, true),
    layout: oneOf('layout', config.layout, ['bar', 'box', 'modal']),
    theme: oneOf('theme', config.theme, ['auto', 'light', 'dark']),
    css: flag('css', config.css, true),
    nonce: pick<string | undefined>('nonce', config.nonce, undefined, text, 'a string'),
    stubs: pick('stubs', config.stubs, [], (v) => Array.isArray(v) && v.every((n) => text(n) && /^[a-z_$][\w$]*$/i.test(n)),
      "global function names such as ['ym', 'fbq']"),
  };
}

const isConsentTypes = (value: unknown) =>
  Array.isArray(value) && value.every((t) => CONSENT_TYPES.indexOf(t) >= 0);

type Bad = (path: string, value: unknown, expected: string) => void;

function validateCategories(input: unknown, bad: Bad): Category[] {
  const fallback = () => ['necessary', 'analytics', 'advertising'].map((name, i) => ({
    name, required: !i, cookies: [], texts: {},
  }));
  if (input === undefined) return fallback();
  if (!isObject(input)) {
    bad('categories', input, 'an object of category name → options');
    return fallback();
  }
  const categories: Category[] = [];
  for (const name of ownKeys(input)) {
    const path = `categories.${name}`;
    const options = input[name] === true ? {} : input[name];
    if (!NAME.test(name)) bad(path, name, 'a name of letters, digits, _ or - starting with a letter');
    else if (!isObject(options)) bad(path, options, 'an object such as { required: true }');
    else {
      const cookies = Array.isArray(options.cookies) ? options.cookies.filter((c: unknown) => {
        const ok = typeof c == 'string' && COOKIE_PATTERN.test(c);
        if (!ok) bad(`${path}.cookies`, c, "cookie names or patterns such as '_ga*'");
        return ok;
      }) : [];
      if (options.cookies !== undefined && !Array.isArray(options.cookies)) bad(`${path}.cookies`, options.cookies, 'an array');
      if (options.required !== undefined && typeof options.required != 'boolean') bad(`${path}.required`, options.required, 'true or false');
      categories.push({
        name,
        required: options.required === true,
        cookies,
        texts: validateTexts(options.texts, bad, `${path}.texts`) as Category['texts'],
      });
    }
  }
  if (!categories.length) {
    bad('categories', input, 'at least one valid category');
    return fallback();
  }
  return categories;
}

function validateCounters(input: unknown, categories: string[], bad: Bad): Counter[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    bad('counters', input, 'an array');
    return [];
  }
  const counters: Counter[] = [];
  input.forEach((counter, i) => {
    const path = `counters[${i}]`;
    if (!isObject(counter)) return bad(path, counter, 'an object');
    const { category, preset, src, load, id, options } = counter;
    const kinds = [preset, src, load].filter((k) => k !== undefined).length;
    if (categories.indexOf(category) < 0) return bad(`${path}.category`, category, `one of ${categories.join(', ')}`);
    if (kinds != 1) return bad(path, counter, 'exactly one of preset, src or load');
    if (preset !== undefined && PRESETS.indexOf(preset) < 0) return bad(`${path}.preset`, preset, PRESETS.join(' | '));
    if (src !== undefined && !isSafeUrl(src)) return bad(`${path}.src`, src, 'an http(s) or relative URL');
    if (load !== undefined && typeof load != 'function') return bad(`${path}.load`, load, 'a function');
    if (id !== undefined && typeof id != 'string' && typeof id != 'number') return bad(`${path}.id`, id, 'a string or number');
    if (preset && id === undefined) return bad(`${path}.id`, id, `the ${preset} id`);
    if (options !== undefined && !isObject(options)) return bad(`${path}.options`, options, 'an object');
    counters.push({ category, preset, src, load, id: id === undefined ? undefined : String(id), options: options || {} });
  });
  return counters;
}

function validateTexts(input: unknown, bad: Bad, path = 'texts'): Record<string, Record<string, string>> {
  const texts: Record<string, Record<string, string>> = {};
  if (input === undefined) return texts;
  if (!isObject(input)) {
    bad(path, input, 'an object of language → texts');
    return texts;
  }
  for (const language of ownKeys(input)) {
    const strings = input[language];
    if (!LANGUAGE.test(language) || !isObject(strings)) {
      bad(`${path}.${language}`, strings, 'a language code mapping to an object of strings');
      continue;
    }
    const clean: Record<string, string> = {};
    for (const key of ownKeys(strings)) {
      if (typeof strings[key] == 'string') clean[key] = strings[key];
      else bad(`${path}.${language}.${key}`, strings[key], 'a string');
    }
    texts[language.toLowerCase()] = clean;
  }
  return texts;
}
