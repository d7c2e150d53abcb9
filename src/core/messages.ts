import type { Problem } from './read-gate';
import { own } from './own';

/** What a config value should have been, by the key validate.ts gives. */
const EXPECTED = {
  bool: 'true or false',
  object: 'an object',
  language: "'auto' or a language code such as 'ru', 'kk', 'en'",
  days: 'a number of days, at least 1',
  log: '{ url } with an http(s) or relative URL',
  operator: '{ name, id? } with strings',
  regions: '[{ region: string[], granted?: consent types }]',
  map: 'category → Consent Mode types',
  url: 'an http(s) or relative URL',
  revision: 'a non-empty string',
  cookieName: 'letters, digits, _ or -',
  domain: "the page's host or a parent domain",
  path: "a path starting with '/'",
  pagePath: "'/' or a path this page is under",
  http: "'Lax' or 'Strict' on http",
  wait: 'milliseconds from 0 to 10000',
  string: 'a string',
  stubs: "global function names such as ['ym', 'fbq']",
  categories: 'an object of category name → options',
  name: 'a name of letters, digits, _ or - starting with a letter',
  category: 'an object such as { required: true }',
  cookies: "cookie names or patterns such as '_ga*'",
  array: 'an array',
  some: 'at least one valid category',
  kind: 'exactly one of preset, src or load',
  function: 'a function',
  id: 'a string or number',
  texts: 'an object of language → texts',
  strings: 'a language code mapping to an object of strings',
};

const OUTCOME = { none: 'No counter runs.', drop: 'This counter is dropped.' };

/** The console message of a wrong config value: the field, the value, what is allowed, what happens. */
export const explain = ([path, shown, expected, outcome]: Problem): string =>
  `Kelisim: config.${path} = ${shown} is not allowed; expected ${own(EXPECTED, expected) || expected}. ${outcome ? OUTCOME[outcome] : 'Using the default.'}`;
