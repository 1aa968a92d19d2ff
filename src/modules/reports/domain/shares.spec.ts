import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, sum, toDecimalString } from '../../../platform/money/money.js';
import { SHARE_ROUNDING_METHOD, displayPercents, exactShares, formatPercent, sharesOf } from './shares.js';

const m = (v: string | number): Money => new Money(v);
const shown = (amounts: (string | number)[], decimals = 1): string[] => displayPercents(amounts.map(m), decimals).map((p) => formatPercent(p, decimals));

describe('displayPercents: largest remainder, hand-computed', () => {
  const cases: [string, (string | number)[], string[]][] = [
    // domain.md headline: agriculture 65%
    ['exact tenths stay as they are', [650, 200, 150], ['65.0', '20.0', '15.0']],
    // 100/3 = 33.333…: floors 333 × 3 = 999 tenths, 1 missing; equal remainders → first in order
    ['thirds: the tie goes to the first item', [1, 1, 1], ['33.4', '33.3', '33.3']],
    // 100/7 = 14.2857…: rounding each would give 14.3 × 7 = 100.1; floors 142 × 7 = 994, 6 missing
    ['sevenths: plain rounding would show 100.1', [1, 1, 1, 1, 1, 1, 1], ['14.3', '14.3', '14.3', '14.3', '14.3', '14.3', '14.2']],
    // 100/6 = 16.666…: floors 166 × 6 = 996, 4 missing → the first four
    ['sixths', [5, 5, 5, 5, 5, 5], ['16.7', '16.7', '16.7', '16.7', '16.6', '16.6']],
    // total 31: 10/31 = 32.258…%, 11/31 = 35.483…% → tenths 322.58, 322.58, 354.83; floors 998, 2 missing:
    // largest remainder .83 (item 3) first, then .58 tied → item 1 by order. Plain rounding would show 100.1.
    ['the largest remainder wins, then the order', [10, 10, 11], ['32.3', '32.2', '35.5']],
    // total 979,230: tenths 12.602, 57.984, 929.414 → floors 12 + 57 + 929 = 998, 2 missing → items 2 (.984) and 1 (.602)
    ['two missing tenths go to the two largest remainders', [12_340, 56_780, 910_110], ['1.3', '5.8', '92.9']],
    ['zero amounts show 0.0', [0, 5, 0], ['0.0', '100.0', '0.0']],
    ['a zero total shows all zero', [0, 0], ['0.0', '0.0']],
    ['nothing to share', [], []],
    ['fractional amounts', ['0.1', '0.2'], ['33.3', '66.7']], // 33.333…, 66.666…: floors 333 + 666 = 999; .666 > .333
  ];
  it.each(cases)('%s', (_name, amounts, expected) => {
    expect(shown(amounts)).toEqual(expected);
  });

  it('two decimals: thirds show 33.34, 33.33, 33.33', () => {
    expect(shown([1, 1, 1], 2)).toEqual(['33.34', '33.33', '33.33']);
    expect(shown([1, 2], 0)).toEqual(['33', '67']);
  });

  it('refuses negative amounts and silly decimals', () => {
    expect(() => displayPercents([m(-1), m(2)])).toThrow(RangeError);
    expect(() => displayPercents([m(1)], 1.5)).toThrow(RangeError);
    expect(SHARE_ROUNDING_METHOD).toBe('LARGEST_REMAINDER');
  });
});

describe('exactShares and sharesOf', () => {
  it('keeps the exact decimal share', () => {
    const [a, b] = exactShares([m(650), m(350)]);
    expect([toDecimalString(a), toDecimalString(b)]).toEqual(['0.65', '0.35']);
    const third = sharesOf([m(1), m(2)])[0];
    expect(third.share.toFixed(10)).toBe('0.3333333333');
    expect(third.percent.toFixed(10)).toBe('33.3333333333');
    expect(formatPercent(third.displayPercent)).toBe('33.3');
    expect(exactShares([m(0), m(0)]).map(toDecimalString)).toEqual(['0', '0']);
  });
});

describe('properties', () => {
  const amountArb = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  const amountsArb = fc.array(
    amountArb.map((v) => m(v)),
    { minLength: 1, maxLength: 25 },
  );
  const RUNS = { numRuns: 500 };

  it('displayed shares sum to exactly 100.0 and each is within 0.1 of the exact share', () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const total = sum(amounts);
        const rows = sharesOf(amounts);
        if (total.isZero()) {
          expect(rows.every((r) => r.displayPercent.isZero() && r.share.isZero())).toBe(true);
          return;
        }
        expect(toDecimalString(sum(rows.map((r) => r.displayPercent)))).toBe('100');
        for (const r of rows) {
          expect(r.displayPercent.minus(r.percent).abs().lt('0.1')).toBe(true);
          expect(r.displayPercent.mul(10).isInteger()).toBe(true);
          if (r.amount.isZero()) expect(r.displayPercent.isZero()).toBe(true);
        }
        expect(
          sum(rows.map((r) => r.share))
            .minus(1)
            .abs()
            .lt('1e-50'),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('a larger amount never shows a smaller percentage, and the result is deterministic', () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const d = displayPercents(amounts);
        for (let i = 0; i < amounts.length; i++) {
          for (let j = 0; j < amounts.length; j++) {
            if (amounts[i].gt(amounts[j])) expect(d[i].gte(d[j])).toBe(true);
          }
        }
        expect(displayPercents(amounts).map(toDecimalString)).toEqual(d.map(toDecimalString));
      }),
      RUNS,
    );
  });

  it('scaling every amount by the same factor changes nothing', () => {
    fc.assert(
      fc.property(amountsArb, fc.integer({ min: 1, max: 1000 }), (amounts, k) => {
        expect(displayPercents(amounts.map((a) => a.mul(k))).map(toDecimalString)).toEqual(displayPercents(amounts).map(toDecimalString));
      }),
      RUNS,
    );
  });
});
