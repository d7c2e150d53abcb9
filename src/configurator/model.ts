import { validate } from '../core/validate';
import type { CounterConfig, KelisimConfig, PresetName } from '../types';
import type { OperatorPrefix } from './operator-id';
import { parseOperatorId } from './operator-id';
import { type Palette, DEFAULT_COLORS } from './theme';

/** The languages a site owner writes texts in; the banner ships these three. */
export type Lang = 'ru' | 'kk' | 'en';
export const LANGS: Lang[] = ['ru', 'kk', 'en'];

/** Purposes with texts in the library's dictionaries; display order when the owner adds none. */
export const BUILT_IN = ['necessary', 'analytics', 'advertising', 'personalization', 'functional'];

export interface Purpose {
  name: string;
  builtIn: boolean;
  on: boolean;
  required: boolean;
  /** Cookie name patterns, one string as typed (split on spaces and commas). */
  cookies: string;
  /** Empty strings mean "the built-in text" for a built-in purpose. */
  texts: Record<Lang, { title: string; description: string }>;
}

/** Google Ads and GA4 share the `gtag` preset, but an owner thinks of them as two counters. */
export type CounterKind = Exclude<PresetName, 'gtag'> | 'ga4' | 'google-ads' | 'src';
export const COUNTER_KINDS: CounterKind[] = ['yandex-metrika', 'ga4', 'google-ads', 'gtm', 'vk-pixel', 'meta-pixel', 'tiktok-pixel', 'src'];

export interface CounterRow {
  kind: CounterKind;
  id: string;
  src: string;
  category: string;
  /** Metrica's session replay, the one vendor option owners ask for. */
  webvisor: boolean;
  /** Other vendor options from a loaded file, kept as they were. */
  options: Record<string, unknown>;
}

export type EmbedKind = 'youtube' | 'rutube' | 'vk-video' | 'yandex-maps' | 'other';
export const EMBED_KINDS: EmbedKind[] = ['youtube', 'rutube', 'vk-video', 'yandex-maps', 'other'];

export interface EmbedRow {
  kind: EmbedKind;
  url: string;
  title: string;
  category: string;
}

export type Layout = 'bar' | 'box' | 'modal';
export type Theme = 'auto' | 'light' | 'dark';

export interface FormState {
  language: 'auto' | Lang;
  policyUrl: string;
  revision: string;
  operatorName: string;
  operatorPrefix: OperatorPrefix;
  operatorNumber: string;
  purposes: Purpose[];
  counters: CounterRow[];
  embeds: EmbedRow[];
  /** UI string overrides per language; empty means the built-in string. */
  texts: Record<Lang, Record<string, string>>;
  layout: Layout;
  theme: Theme;
  colors: Record<'light' | 'dark', Palette>;
  consentLog: string;
  /** Where kelisim.js lives on the owner's site: the one place the snippet names it. */
  scriptPath: string;
  /** Config keys the form does not edit (cookie, consentMode, …), kept from a loaded file. */
  rest: Record<string, unknown>;
  /** Keys of a loaded file the library would refuse or not know, left out (and named to the owner). */
  dropped: string[];
}

const emptyTexts = () => ({ ru: { title: '', description: '' }, kk: { title: '', description: '' }, en: { title: '', description: '' } });

export const purpose = (name: string, builtIn: boolean, on: boolean): Purpose =>
  ({ name, builtIn, on, required: name == 'necessary', cookies: '', texts: emptyTexts() });

export const emptyCounter = (category: string): CounterRow =>
  ({ kind: 'yandex-metrika', id: '', src: '', category, webvisor: false, options: {} });

export const emptyEmbed = (category: string): EmbedRow => ({ kind: 'youtube', url: '', title: '', category });

export const SCRIPT_PATH = '/assets/kelisim/kelisim.js';

/** The library's own defaults: necessary, analytics and advertising on. */
export function initialState(): FormState {
  return {
    language: 'auto',
    policyUrl: '',
    revision: '1',
    operatorName: '',
    operatorPrefix: 'ИИН',
    operatorNumber: '',
    purposes: BUILT_IN.map((name, i) => purpose(name, true, i < 3)),
    counters: [],
    embeds: [],
    texts: { ru: {}, kk: {}, en: {} },
    layout: 'bar',
    theme: 'auto',
    colors: { light: { ...DEFAULT_COLORS.light }, dark: { ...DEFAULT_COLORS.dark } },
    consentLog: '',
    scriptPath: SCRIPT_PATH,
    rest: {},
    dropped: [],
  };
}

/** Field ids the form flags; the preview leaves those values out (defaults take their place). */
export type Flagged = (field: string) => boolean;

const splitCookies = (value: string) => value.split(/[\s,]+/).filter(Boolean);

const PRESET: Record<Exclude<CounterKind, 'src'>, PresetName> = {
  'yandex-metrika': 'yandex-metrika', ga4: 'gtag', 'google-ads': 'gtag', gtm: 'gtm',
  'vk-pixel': 'vk-pixel', 'meta-pixel': 'meta-pixel', 'tiktok-pixel': 'tiktok-pixel',
};

/** `PresetName` for a kind, or undefined for a plain script URL. */
export const presetOf = (kind: CounterKind): PresetName | undefined => (kind == 'src' ? undefined : PRESET[kind]);

/**
 * The library's types give Metrica's id as a number (`ym(12345678, …)`); the others are strings.
 * One that would not read back the same (00012345 is 12345, another counter) stays as typed.
 */
const typedId = (kind: CounterKind, id: string): string | number => (kind == 'yandex-metrika' && String(Number(id)) == id ? Number(id) : id);

function counterConfig(row: CounterRow, i: number, flagged: Flagged): CounterConfig | null {
  if (flagged(`counter.${i}.category`) || flagged(`counter.${i}.id`) || flagged(`counter.${i}.src`)) return null;
  const options: Record<string, unknown> = { ...row.options };
  if (row.kind == 'yandex-metrika' && row.webvisor) options.webvisor = true;
  else delete options.webvisor;
  const extra = Object.keys(options).length ? { options } : {};
  if (row.kind == 'src') return { category: row.category, src: row.src.trim(), ...extra };
  return { category: row.category, preset: PRESET[row.kind], id: typedId(row.kind, row.id.trim()), ...extra };
}

/**
 * The library's `KelisimConfig` for the form. With `flagged`, a value the form marks invalid is left
 * out, so the preview never hands the library something the owner is still told to fix.
 */
export function toConfig(state: FormState, flagged: Flagged = () => false): KelisimConfig {
  const config: KelisimConfig = { language: state.language };
  if (state.policyUrl.trim() && !flagged('policyUrl')) config.policyUrl = state.policyUrl.trim();
  if (!flagged('revision')) config.revision = state.revision.trim();
  if (state.operatorName.trim() && !flagged('operatorName')) {
    config.operator = { name: state.operatorName.trim() };
    if (state.operatorNumber.trim() && !flagged('operatorNumber')) config.operator.id = `${state.operatorPrefix} ${state.operatorNumber.trim()}`;
  }
  config.categories = {};
  state.purposes.forEach((p, i) => {
    if (!p.on || flagged(`purpose.${i}.name`)) return;
    const category: NonNullable<KelisimConfig['categories']>[string] = {};
    if (p.required) category.required = true;
    const cookies = splitCookies(p.cookies);
    if (cookies.length && !flagged(`purpose.${i}.cookies`)) category.cookies = cookies;
    for (const lang of LANGS) {
      const own: { title?: string; description?: string } = {};
      for (const key of ['title', 'description'] as const) {
        const value = p.texts[lang][key].trim();
        if (value && !flagged(`purpose.${i}.${lang}.${key}`)) own[key] = value;
      }
      if (own.title || own.description) (category.texts = category.texts || {})[lang] = own;
    }
    config.categories![p.name] = category;
  });
  config.counters = state.counters.map((row, i) => counterConfig(row, i, flagged)).filter((c): c is CounterConfig => !!c);
  if (state.consentLog.trim() && !flagged('consentLog')) config.consentLog = { url: state.consentLog.trim() };
  const { texts: otherTexts, ...rest } = state.rest as { texts?: KelisimConfig['texts'] };
  if (otherTexts) config.texts = { ...otherTexts };
  for (const lang of LANGS) {
    const own: Record<string, string> = {};
    for (const key of Object.keys(state.texts[lang])) {
      const value = state.texts[lang][key];
      if (value.trim() && !flagged(`text.${lang}.${key}`)) own[key] = value;
    }
    if (Object.keys(own).length) (config.texts = config.texts || {})[lang] = own;
  }
  config.layout = state.layout;
  config.theme = state.theme;
  return { ...config, ...rest };
}

/** The library's validation finds nothing to say about this one key and value. */
function acceptedAlone(key: string, value: unknown): boolean {
  if (key == '__proto__' || key == 'constructor' || key == 'prototype') return false;
  let quiet = true;
  validate({ [key]: value }, () => { quiet = false; }, () => { quiet = false; });
  return quiet;
}

const FORM_KEYS = ['language', 'policyUrl', 'revision', 'operator', 'categories', 'counters', 'consentLog', 'texts', 'layout', 'theme'];

const isObject = (value: unknown): value is Record<string, any> => !!value && typeof value == 'object' && !Array.isArray(value);
const str = (value: unknown) => (typeof value == 'string' || typeof value == 'number' ? String(value) : '');

function counterRow(counter: Record<string, any>): CounterRow {
  const options: Record<string, unknown> = isObject(counter.options) ? { ...counter.options } : {};
  const webvisor = options.webvisor === true;
  delete options.webvisor;
  const id = str(counter.id);
  const byPreset = (Object.keys(PRESET) as (keyof typeof PRESET)[]).filter((k) => PRESET[k] == counter.preset);
  const kind: CounterKind = counter.preset === undefined ? 'src'
    : counter.preset == 'gtag' ? (/^(AW|DC)-/i.test(id) ? 'google-ads' : 'ga4')
    : byPreset[0] || 'yandex-metrika';
  return { kind, id, src: str(counter.src), category: str(counter.category), webvisor, options };
}

/**
 * The form for a saved `kelisim.config.json` (or any `KelisimConfig`, such as an audit's proposal).
 * Keys the form does not edit are kept in `rest` and written back unchanged. Page-side settings
 * (script path, embeds, colours) are not part of the config and stay as they are in `base`.
 */
export function fromConfig(input: unknown, base: FormState = initialState()): FormState {
  const config: Record<string, any> = isObject(input) ? input : {};
  const state: FormState = { ...base, rest: {}, dropped: [] };
  state.language = (['ru', 'kk', 'en'].indexOf(config.language) >= 0 ? config.language : 'auto');
  // A language the form does not offer (one added through `texts`) is kept as it came.
  if (config.language !== undefined && config.language != 'auto' && state.language == 'auto') {
    if (acceptedAlone('language', config.language)) state.rest.language = config.language;
    else state.dropped.push('language');
  }
  state.policyUrl = str(config.policyUrl);
  state.revision = config.revision === undefined ? '1' : str(config.revision);
  const operator = isObject(config.operator) ? config.operator : {};
  state.operatorName = str(operator.name);
  const parsed = parseOperatorId(str(operator.id));
  state.operatorPrefix = parsed ? parsed.prefix : 'ИИН';
  state.operatorNumber = parsed ? parsed.number : str(operator.id);

  const categories: Record<string, any> = isObject(config.categories) ? config.categories
    : { necessary: { required: true }, analytics: {}, advertising: {} };
  const purposes = Object.keys(categories).map((name) => {
    const options = isObject(categories[name]) ? categories[name] : {};
    const p = purpose(name, BUILT_IN.indexOf(name) >= 0, true);
    p.required = options.required === true;
    p.cookies = Array.isArray(options.cookies) ? options.cookies.map(str).join(', ') : '';
    const texts = isObject(options.texts) ? options.texts : {};
    for (const lang of LANGS) {
      const own = isObject(texts[lang]) ? texts[lang] : {};
      p.texts[lang] = { title: str(own.title), description: str(own.description) };
    }
    return p;
  });
  // A built-in left out goes back after the built-in before it, where the form lists it.
  BUILT_IN.forEach((name, i) => {
    if (categories[name]) return;
    const before = BUILT_IN.slice(0, i).reverse().map((n) => purposes.map((p) => p.name).indexOf(n)).filter((at) => at >= 0)[0];
    purposes.splice(before === undefined ? 0 : before + 1, 0, purpose(name, true, false));
  });
  state.purposes = purposes;

  state.counters = [];
  (Array.isArray(config.counters) ? config.counters : []).forEach((counter: unknown, i: number) => {
    // A counter the form cannot show (an unknown preset, neither preset nor src) is named, not
    // turned into some other vendor's.
    const known = isObject(counter) && (counter.preset === undefined ? typeof counter.src == 'string'
      : Object.keys(PRESET).some((kind) => PRESET[kind as keyof typeof PRESET] == counter.preset));
    if (known) state.counters.push(counterRow(counter as Record<string, any>));
    else state.dropped.push(`counters[${i}]`);
  });
  state.consentLog = isObject(config.consentLog) ? str(config.consentLog.url) : '';
  const texts = isObject(config.texts) ? config.texts : {};
  state.texts = { ru: {}, kk: {}, en: {} };
  for (const lang of LANGS) if (isObject(texts[lang])) for (const key of Object.keys(texts[lang])) state.texts[lang][key] = str(texts[lang][key]);
  // Languages other than ours are kept as they came.
  const otherTexts = Object.keys(texts).filter((lang) => LANGS.indexOf(lang as Lang) < 0);
  state.layout = (['bar', 'box', 'modal'].indexOf(config.layout) >= 0 ? config.layout : 'bar');
  state.theme = (['auto', 'light', 'dark'].indexOf(config.theme) >= 0 ? config.theme : 'auto');
  for (const key of Object.keys(config)) {
    if (FORM_KEYS.indexOf(key) >= 0) continue;
    // Only what the library takes without a word: the form has no field to mend anything else.
    if (acceptedAlone(key, config[key])) state.rest[key] = config[key];
    else state.dropped.push(key);
  }
  if (otherTexts.length) {
    state.rest.texts = {};
    for (const lang of otherTexts) (state.rest.texts as Record<string, unknown>)[lang] = texts[lang];
  }
  return state;
}
