import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money, sum, toDecimalString } from '../../../platform/money/money.js';
import { BANK_POLICY, type ClassificationPolicy, type DebtGroup, MICROFINANCE_POLICY } from './classification-policy.js';
import {
  type Collateral,
  type ProvisionInput,
  DEFAULT_COLLATERAL_DISCOUNTS,
  collateralDeduction,
  generalProvision,
  loanProvision,
  provisionTotals,
  specificProvision,
} from './provisioning.js';

const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const MF = MICROFINANCE_POLICY;
const BANK = BANK_POLICY;
const RUNS = { numRuns: 300 };
const loan = (group: DebtGroup, outstanding: number | string, collateral: Collateral[] = [], bearsCreditRisk = true): ProvisionInput => ({
  group,
  outstanding: m(outstanding),
  collateral,
  bearsCreditRisk,
});

describe('loanProvision: hand-computed figures', () => {
  // [name, policy, input, collateral deduction, specific, general]
  const cases: [string, ClassificationPolicy, ProvisionInput, string, string, string][] = [
    // 25% × 100,000,000 = 25,000,000 (MICROFINANCE deducts no collateral); 0.5% × 100M = 500,000
    ['MF group 3, collateral ignored', MF, loan(3, 100_000_000, [{ type: 'REAL_ESTATE', value: m(80_000_000) }]), '0', '25000000', '500000'],
    // 2% × 123,456,789 = 2,469,135.78 → 2,469,136; 0.5% = 617,283.945 → 617,284
    ['MF group 2, both rounded half-up', MF, loan(2, 123_456_789), '0', '2469136', '617284'],
    // 50% × 333,333,333 = 166,666,666.5 → 166,666,667 (half-up); 0.5% = 1,666,666.665 → 1,666,667
    ['MF group 4, exact half rounds up', MF, loan(4, 333_333_333), '0', '166666667', '1666667'],
    // 100% × 10,000,001; group 5 is outside the general groups
    ['MF group 5, no general provision', MF, loan(5, 10_000_001), '0', '10000001', '0'],
    // 0.5% × 100 = 0.5 → 1; 0.5% × 99 = 0.495 → 0
    ['MF group 1, 100 VND: 0.5 → 1', MF, loan(1, 100), '0', '0', '1'],
    ['MF group 1, 99 VND: 0.495 → 0', MF, loan(1, 99), '0', '0', '0'],
    // deduction 400M × 50% + 50M × 100% = 250M; 25% × (500M − 250M) = 62,500,000; general on the full 500M
    [
      'BANK group 3, real estate and deposit deducted',
      BANK,
      loan(3, 500_000_000, [
        { type: 'REAL_ESTATE', value: m(400_000_000) },
        { type: 'DEPOSIT', value: m(50_000_000) },
      ]),
      '250000000',
      '62500000',
      '2500000',
    ],
    // 10,000,001 × 0.85 = 8,500,000.85; 77,777,777 − 8,500,000.85 = 69,277,776.15; × 50% = 34,638,888.075 → 34,638,888
    // general 77,777,777 × 0.005 = 388,888.885 → 388,889
    [
      'BANK group 4, rounding only at the end',
      BANK,
      loan(4, 77_777_777, [{ type: 'GOVERNMENT_BOND_1_TO_5Y', value: m(10_000_001) }]),
      '8500000.85',
      '34638888',
      '388889',
    ],
    // collateral above the outstanding: base max(0, 100M − 150M) = 0
    ['BANK group 5, fully covered', BANK, loan(5, 100_000_000, [{ type: 'DEPOSIT', value: m(150_000_000) }]), '150000000', '0', '0'],
    // Art. 28: the fund bears no credit risk on this capital source
    ['MF group 5, source without credit risk', MF, loan(5, 100_000_000, [], false), '0', '0', '0'],
    ['BANK group 2, source without credit risk', BANK, loan(2, 100_000_000, [{ type: 'DEPOSIT', value: m(1) }], false), '0', '0', '0'],
    ['nothing outstanding', MF, loan(3, 0), '0', '0', '0'],
  ];
  it.each(cases)('%s', (_name, policy, input, deduction, specific, general) => {
    const p = loanProvision(policy, input);
    expect([s(p.collateralDeduction), s(p.specific), s(p.general), s(p.total)]).toEqual([deduction, specific, general, s(m(specific).plus(m(general)))]);
    expect(s(specificProvision(policy, input))).toBe(specific);
    expect(s(generalProvision(policy, input))).toBe(general);
  });

  it('a policy that deducts nothing ignores even unknown collateral types; one that deducts refuses them', () => {
    const input = loan(3, 1_000_000, [{ type: 'SPACESHIP', value: m(1) }]);
    expect(s(loanProvision(MF, input).specific)).toBe('250000');
    expect(() => loanProvision(BANK, input)).toThrow(/no discount rate configured for collateral type SPACESHIP/);
  });

  it('collateral discounts are configuration', () => {
    const custom = { ...DEFAULT_COLLATERAL_DISCOUNTS, GOLD: m('0.75') };
    // 40,000,000 × 75% = 30,000,000; 25% × (100M − 30M) = 17,500,000
    expect(s(loanProvision(BANK, loan(3, 100_000_000, [{ type: 'GOLD', value: m(40_000_000) }]), custom).specific)).toBe('17500000');
    expect(s(collateralDeduction([{ type: 'OTHER', value: m(1_000_001) }]))).toBe('300000.3');
    expect(() => collateralDeduction([{ type: 'DEPOSIT', value: m(-1) }])).toThrow(RangeError);
    expect(() => loanProvision(MF, loan(1, -1))).toThrow(RangeError);
  });

  it('portfolio totals are sums of the per-loan rounded amounts', () => {
    // general: 617,284 + 1,666,667 + 1 + 0 (group 5) + 0 (no credit risk) = 2,283,952
    // (0.5% × the 456,790,222 base = 2,283,951.11 — the per-loan rounding is what is posted)
    const loans = [loan(2, 123_456_789), loan(4, 333_333_333), loan(1, 100), loan(5, 10_000_001), loan(3, 50_000_000, [], false)];
    const t = provisionTotals(MF, loans);
    expect([s(t.specific), s(t.general), s(t.total), s(t.generalBase)]).toEqual([
      '179135804', // 2,469,136 + 166,666,667 + 0 + 10,000,001 + 0
      '2283952',
      '181419756',
      '456790222', // 123,456,789 + 333,333,333 + 100
    ]);
  });
});

describe('properties of provisions', () => {
  const collateralArb = fc.array(
    fc.record({
      type: fc.constantFrom(...Object.keys(DEFAULT_COLLATERAL_DISCOUNTS)),
      value: fc.integer({ min: 0, max: 2_000_000_000 }).map((v) => m(v)),
    }),
    { maxLength: 3 },
  );
  const inputArb = fc.record({
    group: fc.constantFrom<DebtGroup>(1, 2, 3, 4, 5),
    outstanding: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5_000_000_000 })).map((v) => m(v)),
    collateral: collateralArb,
    bearsCreditRisk: fc.boolean(),
  });
  const policyArb = fc.constantFrom(MF, BANK);

  it('never negative, whole VND, and never above the outstanding', () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        const p = loanProvision(policy, input);
        expect(p.specific.gte(0) && p.general.gte(0)).toBe(true);
        expect(p.specific.isInteger() && p.general.isInteger()).toBe(true);
        expect(p.specific.lte(input.outstanding)).toBe(true);
        expect(p.total.lte(input.outstanding)).toBe(true); // at most 50% + 0.5% for groups 1–4, 100% for group 5
        if (!input.bearsCreditRisk) expect(p.total.isZero()).toBe(true);
      }),
      RUNS,
    );
  });

  it('specific provision is monotone in the group (same loan, same collateral)', () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        const byGroup = ([1, 2, 3, 4, 5] as DebtGroup[]).map((group) => specificProvision(policy, { ...input, group }));
        byGroup.slice(1).forEach((v, i) => expect(v.gte(byGroup[i])).toBe(true));
      }),
      RUNS,
    );
  });

  it('without collateral the total (specific + general) is monotone in the group too', () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        const totals = ([1, 2, 3, 4, 5] as DebtGroup[]).map((group) => loanProvision(policy, { ...input, group, collateral: [] }).total);
        totals.slice(1).forEach((v, i) => expect(v.gte(totals[i])).toBe(true));
      }),
      RUNS,
    );
  });

  it('collateral can only lower the specific provision; general provision ignores it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const bare = loanProvision(BANK, { ...input, collateral: [] });
        const covered = loanProvision(BANK, input);
        expect(covered.specific.lte(bare.specific)).toBe(true);
        expect(s(covered.general)).toBe(s(bare.general));
      }),
      RUNS,
    );
  });

  it('specific = round(rate × max(0, outstanding − deduction)), general = round(0.5% × outstanding) for groups 1–4', () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, input) => {
        fc.pre(input.bearsCreditRisk);
        const p = loanProvision(policy, input);
        const deduction = policy.deductCollateral ? sum((input.collateral ?? []).map((c) => c.value.mul(DEFAULT_COLLATERAL_DISCOUNTS[c.type]))) : m(0);
        const base = Money.max(0, input.outstanding.minus(deduction));
        expect(s(p.specific)).toBe(s(base.mul(policy.specificProvisionRates[input.group]).toDecimalPlaces(0, Money.ROUND_HALF_UP)));
        const general = input.group === 5 ? m(0) : input.outstanding.mul('0.005').toDecimalPlaces(0, Money.ROUND_HALF_UP);
        expect(s(p.general)).toBe(s(general));
      }),
      RUNS,
    );
  });
});
