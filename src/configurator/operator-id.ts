/**
 * `operator.id` is "<prefix> <digits>": the registration number the law asks a consent to name
 * (Kazakhstan's Law 94-V Art. 8: the operator and its BIN/IIN; Russia's 152-FZ Art. 9: the
 * operator). Each number carries its own control digits, so a typo is caught before it is shown.
 */
export type OperatorPrefix = 'ИИН' | 'БИН' | 'ЖСН' | 'БСН' | 'ИНН' | 'ОГРН' | 'ОГРНИП';

export const PREFIXES: OperatorPrefix[] = ['ИИН', 'БИН', 'ЖСН', 'БСН', 'ИНН', 'ОГРН', 'ОГРНИП'];

/** Why a number was refused, for a message in the owner's language. */
export type IdProblem = 'digits' | 'length' | 'check';

const digitsOf = (value: string) => value.split('').map(Number);

/** Σ digit × weight for the leading digits. */
const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, weight, i) => sum + digits[i] * weight, 0);

/**
 * Kazakhstan's ИИН and БИН (ЖСН, БСН in Kazakh) share one check: weights 1…11, mod 11; a result of
 * 10 is retried with weights 3…11, 1, 2; a second 10 means no valid number has these 11 digits.
 */
export function kzCheckDigitOk(number: string): boolean {
  const d = digitsOf(number);
  let control = weighted(d, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (control == 10) control = weighted(d, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  return control != 10 && control == d[11];
}

/** Russia's ИНН: 10 digits for an organisation (one control digit), 12 for a person (two). */
export function innOk(number: string): boolean {
  const d = digitsOf(number);
  const control = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (d.length == 10) return control([2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9];
  return control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10]
    && control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11];
}

/** ОГРН (13 digits) and ОГРНИП (15): the leading number mod 11 (or 13), then mod 10, is the last digit. */
export function ogrnOk(number: string): boolean {
  const d = digitsOf(number);
  const modulus = d.length == 15 ? 13 : 11;
  // Digit by digit, so a 14-digit number needs no BigInt.
  const rest = d.slice(0, -1).reduce((r, digit) => (r * 10 + digit) % modulus, 0);
  return rest % 10 == d[d.length - 1];
}

const LENGTHS: Record<OperatorPrefix, number[]> = {
  'ИИН': [12], 'БИН': [12], 'ЖСН': [12], 'БСН': [12], 'ИНН': [10, 12], 'ОГРН': [13], 'ОГРНИП': [15],
};

/** The lengths a prefix allows, for messages. */
export const lengthsOf = (prefix: OperatorPrefix) => LENGTHS[prefix];

/** `null` when the number is right for its prefix, otherwise what is wrong with it. */
export function checkOperatorNumber(prefix: OperatorPrefix, number: string): IdProblem | null {
  if (!/^\d+$/.test(number)) return 'digits';
  if (LENGTHS[prefix].indexOf(number.length) < 0) return 'length';
  const ok = prefix == 'ИНН' ? innOk(number) : prefix == 'ОГРН' || prefix == 'ОГРНИП' ? ogrnOk(number) : kzCheckDigitOk(number);
  return ok ? null : 'check';
}

/** "ИИН 790611401178" → its parts; anything else → null. */
export function parseOperatorId(value: string): { prefix: OperatorPrefix; number: string } | null {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
  if (!match) return null;
  const prefix = match[1].toUpperCase() as OperatorPrefix;
  return PREFIXES.indexOf(prefix) >= 0 ? { prefix, number: match[2] } : null;
}
