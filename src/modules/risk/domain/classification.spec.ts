import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { BANK_POLICY, type ClassificationPolicy, type DebtGroup, MICROFINANCE_POLICY } from './classification-policy.js';
import {
  type CrossLoanInput,
  type GroupReason,
  applyCrossLoanRule,
  dpdGroup,
  groupChanges,
  isBadDebt,
  loanGroup,
  restructuringGroup,
} from './classification.js';

const MF = MICROFINANCE_POLICY;
const BANK = BANK_POLICY;
const POLICIES: [string, ClassificationPolicy][] = [
  ['MICROFINANCE', MF],
  ['BANK', BANK],
];
const RUNS = { numRuns: 300 };
const dpdArb = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5000 }));
const countArb = fc.integer({ min: 0, max: 5 });
const groupArb = fc.constantFrom<DebtGroup>(1, 2, 3, 4, 5);

describe('dpdGroup: every boundary on both sides', () => {
  // domain.md (Circular 14/2024): < 10 → 1, 10–29 → 2, 30–89 → 3, 90–179 → 4, ≥ 180 → 5
  const microfinance: [number, DebtGroup][] = [
    [0, 1],
    [9, 1],
    [10, 2],
    [29, 2],
    [30, 3],
    [89, 3],
    [90, 4],
    [179, 4],
    [180, 5],
    [359, 5],
    [360, 5],
    [10_000, 5],
  ];
  // Circular 31/2024: < 10 → 1, 10–89 → 2, 90–179 → 3, 180–359 → 4, ≥ 360 → 5
  const bank: [number, DebtGroup][] = [
    [0, 1],
    [9, 1],
    [10, 2],
    [29, 2],
    [30, 2],
    [89, 2],
    [90, 3],
    [179, 3],
    [180, 4],
    [359, 4],
    [360, 5],
    [10_000, 5],
  ];
  it.each(microfinance)('MICROFINANCE: %i DPD → group %i', (dpd, group) => expect(dpdGroup(MF, dpd)).toBe(group));
  it.each(bank)('BANK: %i DPD → group %i', (dpd, group) => expect(dpdGroup(BANK, dpd)).toBe(group));

  it('refuses negative or fractional days', () => {
    expect(() => dpdGroup(MF, -1)).toThrow(RangeError);
    expect(() => dpdGroup(MF, 1.5)).toThrow(RangeError);
  });
});

describe('restructuringGroup', () => {
  // [restructurings, DPD, group] — domain.md table, restructuring column
  const microfinance: [number, number, DebtGroup][] = [
    [0, 0, 1],
    [0, 500, 1], // never restructured: no restructuring group
    [1, 0, 2], // first restructuring, current
    [1, 1, 3],
    [1, 29, 3], // first restructuring, overdue < 30
    [1, 30, 4],
    [1, 89, 4], // overdue 30–89
    [1, 90, 5],
    [1, 400, 5], // overdue ≥ 90
    [2, 0, 4], // second restructuring
    [2, 1, 5],
    [2, 45, 5], // second restructuring, overdue
    [3, 0, 4], // "second" read as "second or later"
  ];
  // Circular 31/2024 rule chosen in classification-policy.ts
  const bank: [number, number, DebtGroup][] = [
    [0, 0, 1],
    [0, 500, 1],
    [1, 0, 2],
    [1, 1, 4],
    [1, 89, 4], // Art. 10.4.d(ii): first restructuring overdue up to 90 days
    [1, 90, 5],
    [2, 0, 4],
    [2, 1, 5],
    [3, 0, 5], // third or later
  ];
  it.each(microfinance)('MICROFINANCE: %i restructurings, %i DPD → group %i', (n, dpd, group) => {
    expect(restructuringGroup(MF, n, dpd)).toBe(group);
  });
  it.each(bank)('BANK: %i restructurings, %i DPD → group %i', (n, dpd, group) => {
    expect(restructuringGroup(BANK, n, dpd)).toBe(group);
  });
  it('refuses a negative count', () => expect(() => restructuringGroup(MF, -1, 0)).toThrow(RangeError));
});

describe('loanGroup: the worse of DPD and restructuring', () => {
  const cases: [string, ClassificationPolicy, number, number, DebtGroup, GroupReason][] = [
    ['current, never restructured', MF, 0, 0, 1, 'DPD'],
    ['15 DPD, never restructured', MF, 15, 0, 2, 'DPD'],
    ['restructured once, 5 DPD: DPD says 1, restructuring says 3', MF, 5, 1, 3, 'RESTRUCTURING'],
    ['restructured twice, current: 1 vs 4', MF, 0, 2, 4, 'RESTRUCTURING'],
    ['restructured once, 200 DPD: both say 5, DPD wins the tie', MF, 200, 1, 5, 'DPD'],
    ['BANK restructured once, 200 DPD: DPD 4, restructuring 5', BANK, 200, 1, 5, 'RESTRUCTURING'],
    ['BANK 95 DPD, never restructured', BANK, 95, 0, 3, 'DPD'],
  ];
  it.each(cases)('%s', (_name, policy, dpd, n, group, reason) => {
    const g = loanGroup(policy, { dpd, restructuringCount: n });
    expect([g.group, g.reason]).toEqual([group, reason]);
  });
});

describe('properties of the classification', () => {
  it.each(POLICIES)('%s: groups never improve with more days or more restructurings', (_name, policy) => {
    fc.assert(
      fc.property(dpdArb, fc.nat(100), countArb, fc.nat(2), (dpd, moreDays, n, moreN) => {
        expect(dpdGroup(policy, dpd + moreDays)).toBeGreaterThanOrEqual(dpdGroup(policy, dpd));
        expect(restructuringGroup(policy, n + moreN, dpd + moreDays)).toBeGreaterThanOrEqual(restructuringGroup(policy, n, dpd));
        expect(loanGroup(policy, { dpd: dpd + moreDays, restructuringCount: n + moreN }).group).toBeGreaterThanOrEqual(
          loanGroup(policy, { dpd, restructuringCount: n }).group,
        );
      }),
      RUNS,
    );
  });

  it.each(POLICIES)('%s: loanGroup is exactly the max of its two parts', (_name, policy) => {
    fc.assert(
      fc.property(dpdArb, countArb, (dpd, n) => {
        const g = loanGroup(policy, { dpd, restructuringCount: n });
        expect(g.group).toBe(Math.max(dpdGroup(policy, dpd), restructuringGroup(policy, n, dpd)));
        expect(g.reason).toBe(g.restructuringGroup > g.dpdGroup ? 'RESTRUCTURING' : 'DPD');
        if (n === 0) expect(g.group).toBe(dpdGroup(policy, dpd));
        if (n >= 1) expect(g.group).toBeGreaterThanOrEqual(2); // a restructured loan is never group 1
      }),
      RUNS,
    );
  });

  it('isBadDebt: groups 3–5', () => {
    expect(([1, 2, 3, 4, 5] as DebtGroup[]).map((g) => isBadDebt(MF, g))).toEqual([false, false, true, true, true]);
  });
});

describe('applyCrossLoanRule', () => {
  it('every loan of a borrower takes the worst group; the raised ones say CROSS_LOAN', () => {
    const loans: CrossLoanInput[] = [
      { loanId: 'a1', borrowerId: 'A', group: 1 },
      { loanId: 'a2', borrowerId: 'A', group: 3, reason: 'RESTRUCTURING' },
      { loanId: 'b1', borrowerId: 'B', group: 2, reason: 'DPD' },
      { loanId: 'a3', borrowerId: 'A', group: 3, reason: 'DPD' },
      { loanId: 'a4', borrowerId: 'A', group: 2, reason: 'DPD' },
    ];
    expect(applyCrossLoanRule(loans).map((r) => [r.loanId, r.ownGroup, r.group, r.reason, r.raisedByLoanId])).toEqual([
      ['a1', 1, 3, 'CROSS_LOAN', 'a2'], // a2 is the first of A's group-3 loans
      ['a2', 3, 3, 'RESTRUCTURING', null],
      ['b1', 2, 2, 'DPD', null], // another borrower is not touched
      ['a3', 3, 3, 'DPD', null],
      ['a4', 2, 3, 'CROSS_LOAN', 'a2'],
    ]);
  });

  it('an empty portfolio and a single loan are left as they are', () => {
    expect(applyCrossLoanRule([])).toEqual([]);
    expect(applyCrossLoanRule([{ loanId: 'x', borrowerId: 'X', group: 4 }])[0]).toMatchObject({ group: 4, reason: 'DPD' });
  });

  const loansArb = fc
    .array(fc.record({ borrower: fc.integer({ min: 0, max: 5 }), group: groupArb }), { maxLength: 30 })
    .map((rows) => rows.map((r, i): CrossLoanInput => ({ loanId: `L${i}`, borrowerId: `B${r.borrower}`, group: r.group })));

  it("property: each loan = its borrower's worst own group, never lowered, idempotent, order kept", () => {
    fc.assert(
      fc.property(loansArb, (loans) => {
        const out = applyCrossLoanRule(loans);
        expect(out.map((r) => r.loanId)).toEqual(loans.map((l) => l.loanId));
        for (const r of out) {
          const worst = Math.max(...loans.filter((l) => l.borrowerId === r.borrowerId).map((l) => l.group));
          expect(r.group).toBe(worst);
          expect(r.group).toBeGreaterThanOrEqual(r.ownGroup);
          expect(r.reason === 'CROSS_LOAN').toBe(r.group > r.ownGroup);
          if (r.raisedByLoanId !== null) expect(loans.find((l) => l.loanId === r.raisedByLoanId)?.group).toBe(r.group);
        }
        const again = applyCrossLoanRule(out.map((r) => ({ loanId: r.loanId, borrowerId: r.borrowerId, group: r.group })));
        expect(again.map((r) => r.group)).toEqual(out.map((r) => r.group));
      }),
      RUNS,
    );
  });
});

describe('groupChanges', () => {
  it('records only the loans whose group changed, with date and reason', () => {
    const previous = new Map<string, DebtGroup>([
      ['a1', 1],
      ['a2', 3],
      ['b1', 2],
    ]);
    const current = applyCrossLoanRule([
      { loanId: 'a1', borrowerId: 'A', group: 1 },
      { loanId: 'a2', borrowerId: 'A', group: 3, reason: 'DPD' },
      { loanId: 'b1', borrowerId: 'B', group: 1 }, // cured
      { loanId: 'c1', borrowerId: 'C', group: 2, reason: 'RESTRUCTURING' }, // first classification
    ]);
    expect(groupChanges(previous, current, '2025-06-30')).toEqual([
      { loanId: 'a1', date: '2025-06-30', fromGroup: 1, toGroup: 3, reason: 'CROSS_LOAN' },
      { loanId: 'b1', date: '2025-06-30', fromGroup: 2, toGroup: 1, reason: 'DPD' },
      { loanId: 'c1', date: '2025-06-30', fromGroup: null, toGroup: 2, reason: 'RESTRUCTURING' },
    ]);
  });

  it('property: applying the changes to the previous groups gives the current groups', () => {
    const rowArb = fc.array(fc.tuple(fc.option(groupArb, { nil: undefined }), groupArb), { maxLength: 20 });
    fc.assert(
      fc.property(rowArb, (rows) => {
        const previous = new Map<string, DebtGroup>();
        rows.forEach(([before], i) => before !== undefined && previous.set(`L${i}`, before));
        const current = rows.map(([, g], i) => ({ loanId: `L${i}`, group: g, reason: 'DPD' as const }));
        const next = new Map(previous);
        for (const c of groupChanges(previous, current, '2025-01-31')) next.set(c.loanId, c.toGroup);
        for (const c of current) expect(next.get(c.loanId)).toBe(c.group);
      }),
      RUNS,
    );
  });
});
