import { describe, expect, it } from 'vitest';
import { barWidth, formatBillionsTick, formatMonth, formatRatio, fractionToPercent, toBillions } from './report-format';

describe('fractionToPercent', () => {
  it.each([
    ['0.650000', '65.0000'],
    ['0.024194', '2.4194'],
    ['0.010443', '1.0443'],
    ['1.000000', '100.0000'],
    ['0.000000', '0.0000'],
    ['0.5', '50'],
    ['0', '0'],
    ['x', null],
  ])('%s → %s', (input, expected) => {
    expect(fractionToPercent(input)).toBe(expected);
  });
});

describe('formatRatio', () => {
  it.each([
    ['0.024194', 'vi', '2,4%'],
    ['0.024194', 'en', '2.4%'],
    ['0.650000', 'vi', '65,0%'],
    ['0.000450', 'vi', '0,0%'],
    ['0.000500', 'vi', '0,1%'],
  ] as const)('%s in %s → %s', (input, lang, expected) => {
    expect(formatRatio(input, lang)).toBe(expected);
  });
});

describe('chart geometry', () => {
  it('reads billions from the digits', () => {
    expect(toBillions('58174679509')).toBeCloseTo(58.174, 3);
    expect(toBillions('999999')).toBe(0);
    expect(toBillions('-2500000000')).toBe(-2.5);
  });
  it('bounds bar widths', () => {
    expect(barWidth('37813541681', '58174679509')).toBeCloseTo(65.0, 1);
    expect(barWidth('5', '0')).toBe(0);
    expect(barWidth('200000000000', '100000000000')).toBe(100);
  });
  it('writes axis ticks in billions, one decimal below ten', () => {
    expect(formatBillionsTick(12, 'vi')).toBe('12 tỷ');
    expect(formatBillionsTick(1.5, 'vi')).toBe('1,5 tỷ');
    expect(formatBillionsTick(0.25, 'en')).toBe('0.3 bn');
    expect(formatBillionsTick(0, 'vi')).toBe('0 tỷ');
  });
  it('writes months as MM/yyyy', () => {
    expect(formatMonth('2025-03')).toBe('03/2025');
  });
});
