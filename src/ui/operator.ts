import type { Texts } from '../i18n/compose';

// The Kazakh and Latin spellings a config may use, by the Russian abbreviation they stand for.
const KINDS: Record<string, string> = { 'ЖСН': 'ИИН', IIN: 'ИИН', 'БСН': 'БИН', BIN: 'БИН', INN: 'ИНН', OGRN: 'ОГРН', OGRNIP: 'ОГРНИП' };
const RUSSIAN = ['ИИН', 'БИН', 'ИНН', 'ОГРН', 'ОГРНИП'];
const ID = /^\s*([A-ZА-ЯЁ]+)?[\s:№]*(\d[\d ]*)\s*$/i;

/**
 * A bare number by its length: Kazakhstan's 12-digit IIN and BIN (a BIN's fifth digit, the entity
 * type, is 4, 5 or 6), Russia's 10-digit INN of an organisation, 13-digit OGRN, 15-digit OGRNIP.
 */
function kindOf(digits: string): string {
  if (digits.length == 12) return /^\d{4}[456]/.test(digits) ? 'БИН' : 'ИИН';
  return ({ 10: 'ИНН', 13: 'ОГРН', 15: 'ОГРНИП' } as Record<number, string>)[digits.length] || '';
}

/**
 * "ИП BENTON, ИИН 790611401178" in the visitor's language (ЖСН in Kazakh, IIN in English). An id
 * in no known shape is shown as written.
 */
export function operatorLine(operator: { name: string; id?: string }, t: Texts): string {
  const id = (operator.id || '').trim();
  if (!id) return operator.name;
  const match = ID.exec(id);
  const digits = match ? match[2].replace(/ /g, '') : '';
  const named = match && match[1] && match[1].toUpperCase();
  const kind = match ? (named ? KINDS[named] || (RUSSIAN.indexOf(named) >= 0 ? named : '') : kindOf(digits)) : '';
  const shown = kind ? `${t.ids[kind] || kind} ${digits}` : match && !match[1] ? `${t.operatorId} ${digits}` : id;
  return `${operator.name}, ${shown}`;
}
