import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyInput, groupThousands, parseMoneyInput } from './money';

describe('formatMoney', () => {
  it.each([
    ['0', 'vi', '0 ₫'],
    ['7', 'vi', '7 ₫'],
    ['999', 'vi', '999 ₫'],
    ['1000', 'vi', '1.000 ₫'],
    ['1234567', 'vi', '1.234.567 ₫'],
    ['232600000000', 'vi', '232.600.000.000 ₫'],
    // Beyond 2^53: a Number would print 9007199254740992.
    ['9007199254740993', 'vi', '9.007.199.254.740.993 ₫'],
    ['-1500000', 'vi', '-1.500.000 ₫'],
    ['-0', 'vi', '0 ₫'],
    ['0001000', 'vi', '1.000 ₫'],
    ['1234.5', 'vi', '1.234,5 ₫'],
    ['1234567', 'en', '₫1,234,567'],
    ['-1000', 'en', '-₫1,000'],
    ['1234.5', 'en', '₫1,234.5'],
  ] as const)('%s (%s) → %s', (value, lang, expected) => {
    expect(formatMoney(value, lang)).toBe(expected);
  });

  it.each([
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    ['abc', 'abc'],
    ['1e6', '1e6'],
  ])('%s → %s', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });
});

describe('groupThousands', () => {
  it.each([
    ['1', '.', '1'],
    ['12', '.', '12'],
    ['123', '.', '123'],
    ['1234', '.', '1.234'],
    ['123456', ',', '123,456'],
    ['1234567', ' ', '1 234 567'],
  ])('%s with %j → %s', (digits, sep, expected) => {
    expect(groupThousands(digits, sep)).toBe(expected);
  });
});

describe('money input', () => {
  it.each([
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1 234 567 ₫', '1234567'],
    ['00012', '12'],
    ['0', '0'],
    ['', ''],
    ['abc', ''],
    ['99999999999999999999', '99999999999999999999'],
  ])('parse %j → %j', (text, digits) => {
    expect(parseMoneyInput(text)).toBe(digits);
  });

  it.each([
    ['', 'vi', ''],
    ['5', 'vi', '5'],
    ['2500000000', 'vi', '2.500.000.000'],
    ['2500000000', 'en', '2,500,000,000'],
  ] as const)('show %j (%s) → %j', (digits, lang, shown) => {
    expect(formatMoneyInput(digits, lang)).toBe(shown);
  });
});
