import type { GateSettings, Settings } from './config';
import { kazakh, kazakhKeys } from './language';
import { LANGUAGE } from './record';
import { blank, own } from './own';
import { isSafeUrl } from './safe-url';
import { categoryOptions, isObject, ownKeys, readers, UNREADABLE, type Say } from './read-gate';

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

function rest(config: Record<string, any>, gate: GateSettings, say: Say, warn: Report): Settings {
  const { bad, pick, get, oneOf, flag } = readers(config, say);
  const text = (v: unknown): v is string => typeof v == 'string';

  const unknown = ownKeys(config).filter((key) => KEYS.indexOf(key) < 0);
  if (unknown.length) warn(`Kelisim: unknown config key(s) ignored: ${unknown.join(', ')}.`);

  const language = kazakh(pick<string>('language', get('language'), 'auto',
    (v) => v === 'auto' || (text(v) && LANGUAGE.test(v)), 'language'), 'config.language').toLowerCase();
  const given = get('categories');
  const categories = gate.categories.map((c) => {
    const options = isObject(given) ? categoryOptions(given, c.name) : undefined;
    const texts = readTexts(isObject(options) ? own(options, 'texts') : undefined, bad, `categories.${c.name}.texts`);
    return { ...c, texts: blank(kazakhKeys(texts, `config.categories.${c.name}.texts`)) as Settings['categories'][number]['texts'] };
  });
  const operator = pick<any>('operator', get('operator'), undefined,
    (v) => isObject(v) && text(own(v, 'name')) && (own(v, 'id') === undefined || text(own(v, 'id'))), 'operator');

  return Object.assign(gate, {
    categories,
    language,
    policyUrl: pick('policyUrl', get('policyUrl'), '', isSafeUrl, 'url'),
    operator: operator && { name: own(operator, 'name'), id: own(operator, 'id') },
    texts: blank(kazakhKeys(readTexts(get('texts'), bad), 'config.texts')),
    layout: oneOf('layout', get('layout'), ['bar', 'box', 'modal']),
    theme: oneOf('theme', get('theme'), ['auto', 'light', 'dark']),
    css: flag('css', get('css'), true),
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
