import { describe, expect, it } from '@jest/globals';
import { COMMUNES, DEMO_DATE, FULL_LOAN_COUNT, FULL_TURNOVER_CEILING, FULL_TURNOVER_FLOOR, defaultCloseFrom, demoPlan } from './demo-plan.js';

describe('demo plan (domain.md "The fund and its people": 504 loans 2021–2025, turnover above 232.6 bn)', () => {
  const plan = demoPlan();
  const turnover = plan.loans.reduce((s, l) => s + l.amount, 0n);

  it('has 504 loans disbursed in 2021–2025 with turnover between 232.6 and 232.7 billion VND', () => {
    expect(plan.loans).toHaveLength(FULL_LOAN_COUNT);
    expect(plan.loans.every((l) => l.disburseOn >= '2021-01-01' && l.disburseOn <= DEMO_DATE)).toBe(true);
    expect(turnover > FULL_TURNOVER_FLOOR && turnover < FULL_TURNOVER_CEILING).toBe(true);
    expect(plan.turnover).toBe(turnover);
  });

  it('lends amounts the products allow, in whole 10 million VND', () => {
    for (const l of plan.loans) {
      expect(l.amount % 10_000_000n).toBe(0n);
      expect(l.amount >= 100_000_000n && l.amount <= 3_000_000_000n).toBe(true);
    }
  });

  it('lends to cooperatives and unions in real Thái Nguyên communes, in six sectors, mostly agriculture', () => {
    const communes = new Set(COMMUNES.map((c) => c.code));
    expect(plan.borrowers.every((b) => communes.has(b.communeCode))).toBe(true);
    expect(new Set(plan.borrowers.map((b) => b.type))).toEqual(new Set(['COOPERATIVE', 'COOPERATIVE_UNION']));
    expect(new Set(plan.loans.map((l) => l.sectorCode))).toEqual(new Set(['A', 'C', 'G', 'I', 'H', 'J']));
    expect(plan.loans.filter((l) => l.sectorCode === 'A').length / plan.loans.length).toBeGreaterThan(0.5);
    expect(new Set(plan.borrowers.map((b) => b.identityCode)).size).toBe(plan.borrowers.length);
  });

  it('stops paying some loans at dates that put one in each debt group on the demo date', () => {
    const dpd = plan.loans.filter((l) => l.stopPayingFrom).map((l) => (Date.parse(DEMO_DATE) - Date.parse(l.stopPayingFrom ?? DEMO_DATE)) / 86_400_000);
    for (const [min, max] of [
      [1, 9],
      [10, 29],
      [30, 89],
      [90, 179],
      [180, 10_000],
    ])
      expect(dpd.some((d) => d >= min && d <= max)).toBe(true);
  });

  it('is deterministic and scales with the same generator', () => {
    expect(demoPlan(48)).toEqual(demoPlan(48));
    const small = demoPlan(48);
    expect(small.loans).toHaveLength(48);
    const smallTurnover = small.loans.reduce((s, l) => s + l.amount, 0n);
    expect(smallTurnover > small.turnoverFloor && smallTurnover < (FULL_TURNOVER_CEILING * 48n) / 504n).toBe(true);
  });
});

describe('default start of the day-by-day close', () => {
  it('is the first of the month the first loan stops paying, so every debt group is reached by the real close', () => {
    const plan = demoPlan();
    const firstStop = plan.loans
      .map((l) => l.stopPayingFrom)
      .filter((d): d is string => d !== null)
      .sort()[0];
    expect(defaultCloseFrom(plan)).toBe(`${firstStop.slice(0, 7)}-01`);
    expect(defaultCloseFrom(plan) > plan.start).toBe(true);
  });
});
