import { describe, expect, it } from 'vitest';
import { checkOperatorNumber, parseOperatorId } from '../../src/configurator/operator-id';

/** Change one digit so the control digit no longer matches. */
const typo = (number: string, at: number) =>
  number.slice(0, at) + ((+number[at] + 1) % 10) + number.slice(at + 1);

describe('Kazakh ИИН / БИН (ЖСН / БСН)', () => {
  it("accepts the Center's ИИН under every Kazakh prefix", () => {
    for (const prefix of ['ИИН', 'ЖСН', 'БИН', 'БСН'] as const) expect(checkOperatorNumber(prefix, '790611401178')).toBeNull();
  });

  it('accepts a number whose control digit needs the second pass of weights', () => {
    // First pass: 1×10 + 1×11 = 21, mod 11 = 10; so the weights 3…11, 1, 2 decide: 1×1 + 1×2 = 3.
    expect(checkOperatorNumber('БИН', '000000000113')).toBeNull();
    expect(checkOperatorNumber('БИН', '000000000110')).toBe('check');
  });

  // Digit 11 has weight 11 in the first pass, so mod 11 cannot see a change there: the algorithm's
  // own blind spot, not ours to add to.
  it('refuses a mistyped digit in every place the check digit covers', () => {
    for (const at of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11]) expect(checkOperatorNumber('ИИН', typo('790611401178', at)), `digit ${at}`).toBe('check');
  });

  it('refuses 11 or 13 digits and anything but digits', () => {
    expect(checkOperatorNumber('ИИН', '79061140117')).toBe('length');
    expect(checkOperatorNumber('ИИН', '7906114011780')).toBe('length');
    expect(checkOperatorNumber('ИИН', '7906 11401178')).toBe('digits');
    expect(checkOperatorNumber('БИН', '')).toBe('digits');
  });
});

describe('Russian ИНН, ОГРН, ОГРНИП', () => {
  it('accepts real registration numbers', () => {
    expect(checkOperatorNumber('ИНН', '7707083893')).toBeNull(); // ПАО Сбербанк
    expect(checkOperatorNumber('ИНН', '500100732259')).toBeNull(); // a person's ИНН, both control digits
    expect(checkOperatorNumber('ОГРН', '1027700132195')).toBeNull(); // ПАО Сбербанк
    expect(checkOperatorNumber('ОГРНИП', '304500116000157')).toBeNull();
  });

  it('refuses a mistyped digit in each', () => {
    for (const [prefix, number] of [['ИНН', '7707083893'], ['ИНН', '500100732259'], ['ОГРН', '1027700132195'], ['ОГРНИП', '304500116000157']] as const) {
      for (let at = 0; at < number.length; at++) expect(checkOperatorNumber(prefix, typo(number, at)), `${prefix} digit ${at}`).toBe('check');
    }
  });

  it('refuses the wrong length for the prefix', () => {
    expect(checkOperatorNumber('ИНН', '77070838931')).toBe('length');
    expect(checkOperatorNumber('ОГРН', '790611401178')).toBe('length');
    expect(checkOperatorNumber('ОГРНИП', '1027700132195')).toBe('length');
  });
});

describe('operator.id text', () => {
  it('splits into a known prefix and the number', () => {
    expect(parseOperatorId('ИИН 790611401178')).toEqual({ prefix: 'ИИН', number: '790611401178' });
    expect(parseOperatorId('ОГРНИП 304500116000157')).toEqual({ prefix: 'ОГРНИП', number: '304500116000157' });
    expect(parseOperatorId('IIN 790611401178')).toBeNull();
    expect(parseOperatorId('790611401178')).toBeNull();
  });
});
