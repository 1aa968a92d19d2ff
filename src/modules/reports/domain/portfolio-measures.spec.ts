import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, toDecimalString } from '../../../platform/money/money.js';
import { type AgingBucket, type TermClass, AGING_BUCKETS, TERM_CLASSES, agingBucket, outstandingAtRisk, par, ratio, termClass } from './portfolio-measures.js';

const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const RUNS = { numRuns: 300 };

describe('termClass: short ≤ 12, medium 13–60, long > 60', () => {
  const cases: [number, TermClass][] = [
    [1, 'SHORT'],
    [12, 'SHORT'], // 12 is short: domain.md "short ≤ 12 months"
    [13, 'MEDIUM'],
    [36, 'MEDIUM'],
    [60, 'MEDIUM'], // 60 is still medium ("12–60")
    [61, 'LONG'],
    [120, 'LONG'], // "long > 60"
  ];
  it.each(cases)('%i months → %s', (months, cls) => expect(termClass(months)).toBe(cls));
  it.each([0, -1, 12.5, Number.NaN])('refuses %p', (months) => expect(() => termClass(months)).toThrow(RangeError));
  it('property: never goes back to a shorter class as the term grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.nat(100), (t, more) => {
        expect(TERM_CLASSES.indexOf(termClass(t + more))).toBeGreaterThanOrEqual(TERM_CLASSES.indexOf(termClass(t)));
      }),
      RUNS,
    );
  });
});

describe('agingBucket: current, 1–9, 10–29, 30–89, 90–179, 180+', () => {
  const cases: [number, AgingBucket][] = [
    [0, 'CURRENT'],
    [1, 'DPD_1_9'],
    [9, 'DPD_1_9'],
    [10, 'DPD_10_29'],
    [29, 'DPD_10_29'],
    [30, 'DPD_30_89'],
    [89, 'DPD_30_89'],
    [90, 'DPD_90_179'],
    [179, 'DPD_90_179'],
    [180, 'DPD_180_PLUS'],
    [10_000, 'DPD_180_PLUS'],
  ];
  it.each(cases)('%i DPD → %s', (dpd, bucket) => expect(agingBucket(dpd)).toBe(bucket));
  it.each([-1, 0.5])('refuses %p', (dpd) => expect(() => agingBucket(dpd)).toThrow(RangeError));
  it('property: the bucket is the last one whose first day the loan has reached, and never goes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.nat(200), (dpd, more) => {
        const i = AGING_BUCKETS.findIndex((b) => b.bucket === agingBucket(dpd));
        expect(dpd).toBeGreaterThanOrEqual(AGING_BUCKETS[i].minDpd);
        if (i + 1 < AGING_BUCKETS.length) expect(dpd).toBeLessThan(AGING_BUCKETS[i + 1].minDpd);
        expect(AGING_BUCKETS.findIndex((b) => b.bucket === agingBucket(dpd + more))).toBeGreaterThanOrEqual(i);
      }),
      RUNS,
    );
  });
});

describe('par and ratio', () => {
  // outstanding by DPD: 0 → 100M, 29 → 50M, 30 → 30M, 89 → 10M, 90 → 7M, 200 → 3M; total 200M
  const loans = [
    { dpd: 0, outstanding: m(100_000_000) },
    { dpd: 29, outstanding: m(50_000_000) },
    { dpd: 30, outstanding: m(30_000_000) },
    { dpd: 89, outstanding: m(10_000_000) },
    { dpd: 90, outstanding: m(7_000_000) },
    { dpd: 200, outstanding: m(3_000_000) },
  ];
  const total = m(200_000_000);
  it('PAR30 = (30 + 10 + 7 + 3)M / 200M = 0.25; PAR90 = (7 + 3)M / 200M = 0.05', () => {
    expect(s(outstandingAtRisk(loans, 30))).toBe('50000000'); // 29 DPD is out, 30 is in
    expect(s(par(outstandingAtRisk(loans, 30), total))).toBe('0.25');
    expect(s(outstandingAtRisk(loans, 90))).toBe('10000000'); // 89 out, 90 in
    expect(s(par(outstandingAtRisk(loans, 90), total))).toBe('0.05');
  });
  it('exact ratios; zero when nothing is outstanding', () => {
    expect(par(m(1), m(3)).toFixed(20)).toBe('0.33333333333333333333');
    expect(s(par(m(0), m(0)))).toBe('0');
    expect(s(ratio(m(5), m(5)))).toBe('1');
  });
  it('refuses a part above the total or negative', () => {
    expect(() => par(m(2), m(1))).toThrow(RangeError);
    expect(() => ratio(m(-1), m(1))).toThrow(RangeError);
  });
  it('property: 0 ≤ PAR90 ≤ PAR30 ≤ 1', () => {
    const loanArb = fc.record({ dpd: fc.integer({ min: 0, max: 400 }), outstanding: fc.integer({ min: 0, max: 1e12 }).map((v) => m(v)) });
    fc.assert(
      fc.property(fc.array(loanArb, { maxLength: 30 }), (ls) => {
        const t = outstandingAtRisk(ls, 0);
        const p30 = par(outstandingAtRisk(ls, 30), t);
        const p90 = par(outstandingAtRisk(ls, 90), t);
        expect(p90.gte(0) && p90.lte(p30) && p30.lte(1)).toBe(true);
      }),
      RUNS,
    );
  });
});
