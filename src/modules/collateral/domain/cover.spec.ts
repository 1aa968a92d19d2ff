import { describe, expect, it } from '@jest/globals';
import { Money, toDecimalString } from '../../../platform/money/money.js';
import { BANK_POLICY, MICROFINANCE_POLICY, loanProvision } from '../../risk/index.js';
import { allocationHeadroom, coverOf, type CoverRule, effectiveAllocations, expiryState, isExempt, releaseBlockers, valuationStale } from './cover.js';

const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const DISCOUNTED: CoverRule = { required: true, basis: 'DISCOUNTED', minCoverPercent: m(100), maxLtvPercent: m(70) };
const LTV: CoverRule = { required: true, basis: 'LTV', minCoverPercent: m(100), maxLtvPercent: m(70) };

describe('effectiveAllocations: a revaluation below the allocations scales them pro rata', () => {
  // [name, value in force, allocations, effective]
  const cases: [string, string | null, string[], string[]][] = [
    ['within the value', '1000000000', ['600000000', '400000000'], ['600000000', '400000000']],
    ['part allocated', '1000000000', ['300000000'], ['300000000']],
    // 800M / 1,000M = 0.8: 600M → 480M, 400M → 320M
    ['revalued down to 800M', '800000000', ['600000000', '400000000'], ['480000000', '320000000']],
    // 1,000M / 3 shares of 500M: each 333,333,333.33… (full precision, shown here to 6 places; rounded only in the provision)
    ['three shares, not whole', '1000000000', ['500000000', '500000000', '500000000'], ['333333333.333333', '333333333.333333', '333333333.333333']],
    ['no valuation counts nothing', null, ['100000000'], ['0']],
  ];
  it.each(cases)('%s', (_n, value, allocs, expected) => {
    expect(effectiveAllocations(value === null ? null : m(value), allocs.map(m)).map((x) => s(x.toDecimalPlaces(6)))).toEqual(expected);
  });

  it('headroom is the value in force less the active allocations, never negative', () => {
    expect(s(allocationHeadroom(m(1_000_000_000), [m(600_000_000)]))).toBe('400000000');
    expect(s(allocationHeadroom(m(500_000_000), [m(600_000_000)]))).toBe('0');
    expect(s(allocationHeadroom(null, []))).toBe('0');
  });
});

describe('coverOf: worked figures', () => {
  it('DISCOUNTED: land 1,000M at 50% and a deposit 100M at 100% against 500M at 120%', () => {
    // discounted = 1,000M × 0.5 + 100M × 1 = 600M; required = 500M × 120% = 600M → passes exactly
    const c = coverOf({ ...DISCOUNTED, minCoverPercent: m(120) }, m(500_000_000), [
      { type: 'REAL_ESTATE', value: m(1_000_000_000) },
      { type: 'DEPOSIT', value: m(100_000_000) },
    ]);
    expect([s(c.collateralValue), s(c.discountedValue), s(c.requiredValue), s(c.actualValue), s(c.ratioPercent ?? m(0)), c.passed]).toEqual([
      '1100000000',
      '600000000',
      '600000000',
      '600000000',
      '120',
      true,
    ]);
    // one đồng more of exposure: required 600,000,001.2 → shown rounded up 600,000,002, fails
    const short = coverOf({ ...DISCOUNTED, minCoverPercent: m(120) }, m(500_000_001), [
      { type: 'REAL_ESTATE', value: m(1_000_000_000) },
      { type: 'DEPOSIT', value: m(100_000_000) },
    ]);
    expect([s(short.requiredValue), short.passed]).toEqual(['600000002', false]);
  });

  it('DISCOUNTED: a vehicle (OTHER, 30%) of 900M covers 270M = 54% of 500M', () => {
    const c = coverOf(DISCOUNTED, m(500_000_000), [{ type: 'OTHER', value: m(900_000_000) }]);
    expect([s(c.discountedValue), s(c.requiredValue), s(c.ratioPercent ?? m(0)), c.passed]).toEqual(['270000000', '500000000', '54', false]);
  });

  it('LTV 70%: 700M lent needs 1,000M of collateral; 999,999,999 is short', () => {
    const ok = coverOf(LTV, m(700_000_000), [{ type: 'REAL_ESTATE', value: m(1_000_000_000) }]);
    expect([s(ok.requiredValue), s(ok.actualValue), s(ok.ratioPercent ?? m(0)), ok.passed]).toEqual(['1000000000', '1000000000', '70', true]);
    const short = coverOf(LTV, m(700_000_000), [{ type: 'REAL_ESTATE', value: m(999_999_999) }]);
    expect(short.passed).toBe(false);
  });

  it('no collateral: LTV ratio undefined, nothing passes a positive exposure', () => {
    const c = coverOf(LTV, m(1), []);
    expect([c.ratioPercent, c.passed]).toEqual([null, false]);
  });

  it('an exemption counts only with the regulation and the decision', () => {
    expect(isExempt({ exempt: true, regulation: 'QC-01/2025 Điều 12', decision: 'QĐ 15/QĐ-QHT' })).toBe(true);
    expect(isExempt({ exempt: true, regulation: 'QC-01/2025 Điều 12', decision: null })).toBe(false);
    expect(isExempt({ exempt: false, regulation: 'x', decision: 'y' })).toBe(false);
  });
});

describe('releaseBlockers', () => {
  const land = { type: 'REAL_ESTATE', value: m(1_000_000_000) };
  it('a settled loan never blocks; an unsettled one blocks when the cover without the asset is short', () => {
    const base = { rule: DISCOUNTED, exempt: false, exposure: m(400_000_000) };
    expect(releaseBlockers([{ ...base, loanId: '1', settled: true, otherItems: [] }])).toEqual([]);
    const blocked = releaseBlockers([{ ...base, loanId: '2', settled: false, otherItems: [{ type: 'DEPOSIT', value: m(300_000_000) }] }]);
    expect(blocked.map((b) => [b.loanId, s(b.cover.requiredValue), s(b.cover.actualValue)])).toEqual([['2', '400000000', '300000000']]);
    // the other land (50%) still covers 500M ≥ 400M
    expect(releaseBlockers([{ ...base, loanId: '3', settled: false, otherItems: [land] }])).toEqual([]);
    // the product does not require collateral, or the loan is exempt: nothing to keep
    expect(releaseBlockers([{ ...base, rule: { ...DISCOUNTED, required: false }, loanId: '4', settled: false, otherItems: [] }])).toEqual([]);
    expect(releaseBlockers([{ ...base, exempt: true, loanId: '5', settled: false, otherItems: [] }])).toEqual([]);
  });
});

describe('staleness and expiries', () => {
  it.each([
    ['2025-01-15', '2026-01-15', 12, false],
    ['2025-01-15', '2026-01-16', 12, true],
    ['2025-01-31', '2025-07-31', 6, false],
    ['2025-01-31', '2025-08-01', 6, true],
  ] as const)('valued %s, on %s, period %i months → stale %s', (valued, on, months, stale) => {
    expect(valuationStale(valued, on, months)).toBe(stale);
  });
  it.each([
    [null, '2026-01-01', 'OK'],
    ['2026-01-31', '2026-01-01', 'DUE_SOON'],
    ['2026-02-01', '2026-01-01', 'OK'],
    ['2025-12-31', '2026-01-01', 'EXPIRED'],
    ['2026-01-01', '2026-01-01', 'DUE_SOON'],
  ] as const)('expiry %s on %s (30 days) → %s', (expiry, on, state) => {
    expect(expiryState(expiry, on, 30)).toBe(state);
  });
});

/**
 * The close's deduction (close-of-business/domain/provisioning.ts) fed with the derived
 * loan_collateral rows: one per pledge, its effective allocated value and its asset's type.
 */
describe('provision deduction of pledged collateral: worked figures', () => {
  it('an asset shared by two loans and a loan with two assets (BANK policy deducts, group 3 at 25%)', () => {
    // Land L valued 1,200M, allocated 700M to loan A and 500M to loan B. Loan B also has a vehicle V valued 400M, allocated 400M.
    const [la, lb] = effectiveAllocations(m(1_200_000_000), [m(700_000_000), m(500_000_000)]);
    const a = loanProvision(BANK_POLICY, { group: 3, outstanding: m(600_000_000), bearsCreditRisk: true, collateral: [{ type: 'REAL_ESTATE', value: la }] });
    // A: deduction 700M × 50% = 350M; base 600M − 350M = 250M; 25% = 62,500,000; general 0.5% × 600M = 3,000,000
    expect([s(a.collateralDeduction), s(a.specific), s(a.general)]).toEqual(['350000000', '62500000', '3000000']);
    const b = loanProvision(BANK_POLICY, {
      group: 3,
      outstanding: m(900_000_000),
      bearsCreditRisk: true,
      collateral: [
        { type: 'REAL_ESTATE', value: lb },
        { type: 'OTHER', value: m(400_000_000) },
      ],
    });
    // B: 500M × 50% + 400M × 30% = 250M + 120M = 370M; base 530M; 25% = 132,500,000
    expect([s(b.collateralDeduction), s(b.specific)]).toEqual(['370000000', '132500000']);
    // Before the deduction: 25% × 600M = 150M and 25% × 900M = 225M
    const before = (o: number) => loanProvision(MICROFINANCE_POLICY, { group: 3, outstanding: m(o), bearsCreditRisk: true }).specific;
    expect([s(before(600_000_000)), s(before(900_000_000))]).toEqual(['150000000', '225000000']);
  });

  it('the shared land revalued down to 900M: A counts 525M, B 375M', () => {
    const [la, lb] = effectiveAllocations(m(900_000_000), [m(700_000_000), m(500_000_000)]);
    expect([s(la), s(lb)]).toEqual(['525000000', '375000000']);
    const a = loanProvision(BANK_POLICY, { group: 3, outstanding: m(600_000_000), bearsCreditRisk: true, collateral: [{ type: 'REAL_ESTATE', value: la }] });
    // 600M − 262.5M = 337.5M; × 25% = 84,375,000
    expect(s(a.specific)).toBe('84375000');
  });
});
