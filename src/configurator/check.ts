import { catalog } from '../presets/catalog';
import { isSafeUrl, validate } from '../core/validate';
import type { KelisimConfig } from '../types';
import { purposeTitle } from './dictionaries';
import { embedSrc } from './embeds';
import { BUILT_IN, type FormState, LANGS, presetOf, SCRIPT_PATH } from './model';
import { checkOperatorNumber, lengthsOf } from './operator-id';
import type { Strings } from './strings';
import { COLOR_KEYS, contrast, isHex, PAIRS, schemesOf } from './theme';

/** Field id → the message shown beside that field, in the owner's language. */
export type Problems = Record<string, string>;

/** Every error and warning the library's own validation gives for a config. */
export function libraryMessages(config: unknown): string[] {
  const messages: string[] = [];
  validate(config, (m) => messages.push(m), (m) => messages.push(m));
  return messages;
}

const accepts = (config: KelisimConfig) => libraryMessages(config).length == 0;

/**
 * An address that means the same on every page of the site: `http(s)://` with a host, or a path
 * from the site's root. `isSafeUrl` alone lets any relative URL through, and `www.benton.kz/privacy`
 * on the page /courses/ resolves to /courses/www.benton.kz/privacy. `//…` and `/\…` are refused
 * too: they name a host without a scheme (browsers read `\` as `/` in http URLs).
 */
function isSiteAddress(value: string): boolean {
  if (!isSafeUrl(value)) return false;
  if (/^\/(?![/\\])/.test(value)) return true;
  if (!/^https?:\/\/[^/\\]/i.test(value)) return false;
  try {
    return new URL(value).hostname != '';
  } catch {
    return false;
  }
}

/** The context and label a message names, e.g. "Счётчик 2 · Номер счётчика (ID)". */
const named = (...parts: (string | number)[]) => parts.join(' · ');

/**
 * What the owner must fix before the snippet exists. Formats come from the library: counter ids
 * from the preset catalog, URLs, names, cookie patterns and the revision from its own validation.
 */
export function check(state: FormState, s: Strings): Problems {
  const problems: Problems = {};
  const e = s.errors;

  if (!state.policyUrl.trim()) problems.policyUrl = e.required(s.policy.url);
  else if (!isSiteAddress(state.policyUrl.trim())) problems.policyUrl = e.url(s.policy.url, '/privacy');
  if (!state.revision.trim() || !accepts({ revision: state.revision.trim() })) problems.revision = e.revision(s.policy.revision);

  const number = state.operatorNumber.trim();
  if (number) {
    const problem = checkOperatorNumber(state.operatorPrefix, number);
    const field = named(s.policy.operatorName, s.policy.operatorNumber);
    if (problem == 'digits') problems.operatorNumber = e.digits(field);
    else if (problem == 'length') problems.operatorNumber = e.length(field, state.operatorPrefix, lengthsOf(state.operatorPrefix).join(' / '));
    else if (problem == 'check') problems.operatorNumber = e.check(field, state.operatorPrefix);
    if (!state.operatorName.trim()) problems.operatorName = e.operatorName(s.policy.operatorName);
  }

  const on = state.purposes.filter((p) => p.on).map((p) => p.name);
  state.purposes.forEach((p, i) => {
    if (!p.on) return;
    const ordinal = state.purposes.slice(0, i + 1).filter((q) => !q.builtIn).length;
    const context = p.builtIn ? purposeTitle(p, s.code) : `${s.purposes.custom} «${p.name || ordinal}»`;
    if (!p.builtIn) {
      const field = named(`${s.purposes.custom} ${ordinal}`, s.purposes.name);
      if (!p.name) problems[`purpose.${i}.name`] = e.required(field);
      else if (!accepts({ categories: { [p.name]: {} } }) || p.name == '__proto__') problems[`purpose.${i}.name`] = e.name(field);
      // A built-in name would take the library's texts and load back as the built-in purpose.
      else if (BUILT_IN.indexOf(p.name) >= 0 || on.indexOf(p.name) != state.purposes.filter((q) => q.on).indexOf(p)) problems[`purpose.${i}.name`] = e.nameTaken(field);
      // A purpose of our own has no built-in words: a missing translation would show its raw name.
      for (const lang of LANGS) for (const key of ['title', 'description'] as const) {
        if (!p.texts[lang][key].trim()) problems[`purpose.${i}.${lang}.${key}`] = e.required(named(context, `${s.purposes[key]} (${s.langs[lang]})`));
      }
    }
    const bad = p.cookies.split(/[\s,]+/).filter(Boolean).filter((c) => !accepts({ categories: { x: { cookies: [c] } } }));
    if (bad.length) problems[`purpose.${i}.cookies`] = e.cookies(named(context, s.sections.purposes), bad[0]);
  });

  state.counters.forEach((row, i) => {
    const context = `${s.counters.item} ${i + 1}`;
    if (on.indexOf(row.category) < 0) problems[`counter.${i}.category`] = e.purposeOff(named(context, s.counters.purpose));
    const preset = presetOf(row.kind);
    if (!preset) {
      if (!row.src.trim()) problems[`counter.${i}.src`] = e.required(named(context, s.counters.src));
      else if (!isSiteAddress(row.src.trim())) problems[`counter.${i}.src`] = e.url(named(context, s.counters.src), 'https://stats.example.kz/counter.js');
      return;
    }
    const id = row.id.trim();
    const field = named(context, s.counters.id);
    // GA4 and Google Ads share a preset; the owner picked which, so its prefix is checked too
    // (Ads takes Floodlight's DC- as well, as gtag does).
    const prefixes = row.kind == 'ga4' ? ['G-'] : row.kind == 'google-ads' ? ['AW-', 'DC-'] : [];
    const example = row.kind == 'google-ads' ? 'AW-123456789' : catalog[preset].idExample;
    if (!id) problems[`counter.${i}.id`] = e.required(field);
    else if (prefixes.length && !prefixes.some((p) => id.indexOf(p) == 0)) problems[`counter.${i}.id`] = e.idPrefix(field, prefixes[0]);
    else if (!catalog[preset].id.test(id)) problems[`counter.${i}.id`] = e.id(field, s.counters.kinds[row.kind], example);
    // The config gives Metrica's id as a number, so 00012345 would quietly become counter 12345.
    else if (row.kind == 'yandex-metrika' && id[0] == '0') problems[`counter.${i}.id`] = e.metrikaZero(field);
  });

  state.embeds.forEach((row, i) => {
    const context = `${s.embeds.item} ${i + 1}`;
    if (on.indexOf(row.category) < 0) problems[`embed.${i}.category`] = e.purposeOff(named(context, s.embeds.purpose));
    if (!row.url.trim()) problems[`embed.${i}.url`] = e.required(named(context, s.embeds.url));
    else if (!embedSrc(row.kind, row.url)) problems[`embed.${i}.url`] = e.embed(named(context, s.embeds.url), s.embeds.kinds[row.kind]);
    if (!row.title.trim()) problems[`embed.${i}.title`] = e.required(named(context, s.embeds.title));
  });

  for (const scheme of schemesOf(state.theme)) {
    const palette = state.colors[scheme];
    for (const key of COLOR_KEYS) if (!isHex(palette[key])) problems[`color.${scheme}.${key}`] = e.required(named(s.look.schemes[scheme], s.look.color[key]));
    for (const { color, on: under, min } of PAIRS) {
      if (!isHex(palette[color]) || !isHex(palette[under])) continue;
      const ratio = contrast(palette[color], palette[under]);
      // Rounded down, so a failing pair never reads as 4.50:1.
      if (ratio < min) problems[`color.${scheme}.${color}`] = e.contrast(named(s.look.schemes[scheme], s.look.color[color]), (Math.floor(ratio * 100) / 100).toFixed(2), String(min));
    }
  }

  if (state.consentLog.trim() && !isSiteAddress(state.consentLog.trim())) problems.consentLog = e.url(s.proof.url, 'https://consent.example.kz/v1/consent');
  if (!state.scriptPath.trim()) problems.scriptPath = e.required(s.output.scriptPath);
  else if (!isSiteAddress(state.scriptPath.trim())) problems.scriptPath = e.url(s.output.scriptPath, SCRIPT_PATH);
  return problems;
}
