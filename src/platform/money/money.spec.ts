import { describe, expect, it } from '@jest/globals';
import { formatFraction, formatFractionAsPercent, toFixedHalfUp } from './money.js';

describe('rounding fractions for people (6 places half-up; percentages keep the same precision)', () => {
  it.each([
    ['2 ÷ 3', '0.666666666666666666666666666666666666666666666666666666666667', '0.666667', '66.6667'],
    ['exactly half of the 7th place rounds up', '0.0212125', '0.021213', '2.1213'],
    ['just below half rounds down', '0.02121249999', '0.021212', '2.1212'],
    ['short fractions are padded to 6 places', '0.65', '0.650000', '65.0000'],
    ['zero', '0', '0.000000', '0.0000'],
    ['one', '1', '1.000000', '100.0000'],
  ])('%s', (_name, value, fraction, percent) => {
    expect(formatFraction(value)).toBe(fraction);
    expect(formatFractionAsPercent(value)).toBe(percent);
  });

  it('rounds half-up to any number of places and refuses a negative count', () => {
    expect(toFixedHalfUp('64.95', 1)).toBe('65.0');
    expect(toFixedHalfUp('64.949999', 1)).toBe('64.9');
    expect(toFixedHalfUp('12', 0)).toBe('12');
    expect(() => toFixedHalfUp('1', -1)).toThrow(RangeError);
  });
});
