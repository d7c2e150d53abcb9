import type { GateSettings, Settings } from './config';
import { kazakh, kazakhKeys } from './language';
import { LANGUAGE } from './record';
import { blank, own } from './own';
import { isSafeUrl } from './safe-url';
import { categoryOptions, isObject, ownKeys, readRules, show, UNREADABLE, type Rule, type Say } from './read-gate';

type Report = (message: string, error?: unknown) => void;

const KEYS = [
  'language', 'policyUrl', 'revision', 'categories', 'counters', 'cookie', 'reloadOnWithdraw',
  'consentLog', 'operator', 'texts', 'consentMode', 'gpc', 'layout', 'theme', 'css', 'nonce', 'stubs', 'uiUrl',
];

/**
 * The rest of the config, which only the banner and the dialog use: read by the UI chunk when it
 * comes, so that a returning visit neither carries nor runs it. `gate` is completed in place.
 */
export function readRest(input: unknown, gate: GateSettings, say: Say, error: Report, warn: Report): Settings {
  try {
    return rest(gate.unreadable || !isObject(input) ? {} : input, gate, say, warn);
  } catch (problem) {
    error(UNREADABLE, problem);
    return rest({}, gate, say, warn);
  }
}

const text = (v: unknown): v is string => typeof v == 'string';

const REST_RULES: Rule[] = [
  ['language', (v) => v === 'auto' || (text(v) && LANGUAGE.test(v)), 'auto', 'language'],
  ['policyUrl', isSafeUrl, '', 'url'],
  ['operator', (v) => isObject(v) && text(own(v, 'name')) && (own(v, 'id') === undefined || text(own(v, 'id'))), undefined, 'operator'],
  ['layout', ['bar', 'box', 'modal']],
  ['theme', ['auto', 'light', 'dark']],
  ['css', (v) => typeof v == 'boolean', true, 'bool'],
];

function rest(config: Record<string, any>, gate: GateSettings, say: Say, warn: Report): Settings {
  const bad = (path: string, value: unknown, expected: string) => say([path, show(value), expected]);
  const unknown = ownKeys(config).filter((key) => KEYS.indexOf(key) < 0);
  if (unknown.length) warn(`Kelisim: unknown config key(s) ignored: ${unknown.join(', ')}.`);

  const read = readRules(config, REST_RULES, say);
  const given = own(config, 'categories');
  const categories = gate.categories.map((c) => {
    const options = isObject(given) ? categoryOptions(given, c.name) : undefined;
    const texts = readTexts(isObject(options) ? own(options, 'texts') : undefined, bad, `categories.${c.name}.texts`);
    return { ...c, texts: blank(kazakhKeys(texts, `config.categories.${c.name}.texts`)) as Settings['categories'][number]['texts'] };
  });
  const operator = read.operator;
  return Object.assign(gate, read as Pick<Settings, 'policyUrl' | 'layout' | 'theme' | 'css'>, {
    categories,
    language: kazakh(read.language, 'config.language').toLowerCase(),
    operator: operator && { name: own(operator, 'name'), id: own(operator, 'id') },
    texts: blank(kazakhKeys(readTexts(own(config, 'texts'), bad), 'config.texts')),
  });
}

type Bad = (path: string, value: unknown, expected: string) => void;

function readTexts(input: unknown, bad: Bad, path = 'texts'): Record<string, Record<string, string>> {
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
