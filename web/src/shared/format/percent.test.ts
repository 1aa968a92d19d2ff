import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent } from './percent';

describe('formatPercent', () => {
  it.each([
    ['65', 'vi', '65,0%'],
    ['65', 'en', '65.0%'],
    ['80', 'vi', '80,0%'],
    ['12.34', 'vi', '12,3%'],
    ['12.35', 'vi', '12,4%'],
    ['12.25', 'en', '12.3%'],
    // Halves a float would round down (0.15 is 0.1499… as a double).
    ['0.15', 'en', '0.2%'],
    ['0.05', 'vi', '0,1%'],
    ['99.95', 'vi', '100,0%'],
    ['9.96', 'en', '10.0%'],
    ['0', 'vi', '0,0%'],
    ['1500', 'vi', '1.500,0%'],
    ['1500', 'en', '1,500.0%'],
    ['-2.55', 'vi', '-2,6%'],
    ['-0.01', 'vi', '0,0%'],
  ] as const)('%s (%s) → %s', (value, lang, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });

  it.each([
    [null, '—'],
    ['', '—'],
    ['n/a', 'n/a'],
  ])('%j → %s', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it('keeps more decimals when asked', () => {
    expect(formatPercent('7.125', 'vi', 2)).toBe('7,13%');
    expect(formatPercent('7.125', 'en', 0)).toBe('7%');
  });
});

describe('formatDecimal', () => {
  it.each([
    ['1.5', 'vi', '1,5'],
    ['1.5', 'en', '1.5'],
    ['2', 'vi', '2'],
    [null, 'vi', '—'],
    ['abc', 'en', 'abc'],
  ] as const)('%s in %s is %s', (value, lang, expected) => {
    expect(formatDecimal(value, lang)).toBe(expected);
  });
});
