import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Money } from '../../../platform/money/money.js';
import {
  type ClassificationPolicy,
  BANK_POLICY,
  ClassificationPolicyError,
  MICROFINANCE_POLICY,
  assertValidPolicy,
  policyFrom,
  policyInForce,
  validatePolicy,
} from './classification-policy.js';

const codes = (p: ClassificationPolicy): string[] => validatePolicy(p).map((v) => v.code);
const mf = MICROFINANCE_POLICY;

describe('default policies', () => {
  it('both defaults are valid', () => {
    expect(codes(MICROFINANCE_POLICY)).toEqual([]);
    expect(codes(BANK_POLICY)).toEqual([]);
    expect(assertValidPolicy(BANK_POLICY)).toBe(BANK_POLICY);
  });

  it('carry domain.md provision rates: 0/2/25/50/100%, general 0.5% on groups 1–4, bad debt 3–5', () => {
    for (const p of [MICROFINANCE_POLICY, BANK_POLICY]) {
      expect([1, 2, 3, 4, 5].map((g) => p.specificProvisionRates[g as 1].toString())).toEqual(['0', '0.02', '0.25', '0.5', '1']);
      expect(p.generalProvisionRate.toString()).toBe('0.005');
      expect(p.generalProvisionGroups).toEqual([1, 2, 3, 4]);
      expect(p.badDebtGroups).toEqual([3, 4, 5]);
    }
    expect([MICROFINANCE_POLICY.deductCollateral, BANK_POLICY.deductCollateral]).toEqual([false, true]);
  });
});

describe('validatePolicy', () => {
  const cases: [string, ClassificationPolicy, string[]][] = [
    ['table not starting at 0', { ...mf, dpdThresholds: [{ minDpd: 1, group: 1 }] }, ['CLASSIFICATION_POLICY.DPD_TABLE_START']],
    ['empty table', { ...mf, dpdThresholds: [] }, ['CLASSIFICATION_POLICY.DPD_TABLE_START']],
    [
      'days not ascending',
      {
        ...mf,
        dpdThresholds: [
          { minDpd: 0, group: 1 },
          { minDpd: 30, group: 2 },
          { minDpd: 30, group: 3 },
        ],
      },
      ['CLASSIFICATION_POLICY.DPD_TABLE_NOT_ASCENDING'],
    ],
    [
      'group not getting worse',
      {
        ...mf,
        dpdThresholds: [
          { minDpd: 0, group: 1 },
          { minDpd: 10, group: 3 },
          { minDpd: 30, group: 2 },
        ],
      },
      ['CLASSIFICATION_POLICY.DPD_TABLE_NOT_ASCENDING'],
    ],
    [
      'fractional days',
      {
        ...mf,
        dpdThresholds: [
          { minDpd: 0, group: 1 },
          { minDpd: 9.5, group: 2 },
        ],
      },
      ['CLASSIFICATION_POLICY.DPD_ROW_INVALID'],
    ],
    [
      'restructuring row with 0 restructurings',
      { ...mf, restructuringRules: [{ minRestructurings: 0, minDpd: 0, group: 2, basis: 'x' }] },
      ['CLASSIFICATION_POLICY.RESTRUCTURING_ROW_INVALID'],
    ],
    [
      'rate above 100%',
      { ...mf, specificProvisionRates: { ...mf.specificProvisionRates, 5: new Money('1.01') } },
      ['CLASSIFICATION_POLICY.SPECIFIC_RATE_OUT_OF_RANGE'],
    ],
    [
      'group 4 rate below group 3',
      { ...mf, specificProvisionRates: { ...mf.specificProvisionRates, 4: new Money('0.2') } },
      ['CLASSIFICATION_POLICY.SPECIFIC_RATES_DECREASING'],
    ],
    ['negative general rate', { ...mf, generalProvisionRate: new Money('-0.001') }, ['CLASSIFICATION_POLICY.GENERAL_RATE_OUT_OF_RANGE']],
    ['bad effective date', { ...mf, effectiveFrom: '2025-02-30' }, ['CLASSIFICATION_POLICY.EFFECTIVE_FROM_INVALID']],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(codes(policy)).toEqual(expected);
    expect(() => assertValidPolicy(policy)).toThrow(ClassificationPolicyError);
  });
});

describe('policyInForce', () => {
  // MICROFINANCE from 2000-01-01, BANK chosen by the admin from 2025-01-01.
  const policies = [MICROFINANCE_POLICY, policyFrom(BANK_POLICY, '2025-01-01')];
  const cases: [string, string][] = [
    ['2000-01-01', 'MICROFINANCE'], // first day of the default
    ['2024-12-31', 'MICROFINANCE'], // last day before the switch
    ['2025-01-01', 'BANK'], // the switch day itself
    ['2030-06-15', 'BANK'],
  ];
  it.each(cases)('on %s → %s', (date, code) => {
    expect(policyInForce(policies, date).code).toBe(code);
    expect(policyInForce([...policies].reverse(), date).code).toBe(code);
  });

  it('nothing in force before the first policy', () => {
    expect(() => policyInForce(policies, '1999-12-31')).toThrow(/no classification policy in force on 1999-12-31/);
    expect(() => policyInForce([], '2025-01-01')).toThrow(ClassificationPolicyError);
  });

  it('two policies from the same date are refused, but only when that date is the one in force', () => {
    const clash = [...policies, policyFrom(MICROFINANCE_POLICY, '2025-01-01')];
    expect(() => policyInForce(clash, '2025-03-01')).toThrow(/two policies take effect on 2025-01-01/);
    expect(policyInForce(clash, '2024-03-01').code).toBe('MICROFINANCE');
    expect(policyInForce([...clash, policyFrom(BANK_POLICY, '2026-01-01')], '2026-01-01').effectiveFrom).toBe('2026-01-01');
  });

  it('property: the chosen policy is the latest one on or before the date, whatever the order', () => {
    const dayArb = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.uniqueArray(dayArb, { minLength: 1, maxLength: 6 }), dayArb, (starts, date) => {
        const list = starts.map((s, i) => ({ ...policyFrom(MICROFINANCE_POLICY, s), code: `P${i}` }));
        const eligible = starts.filter((s) => s <= date).sort();
        if (eligible.length === 0) {
          expect(() => policyInForce(list, date)).toThrow(ClassificationPolicyError);
        } else {
          expect(policyInForce(list, date).effectiveFrom).toBe(eligible[eligible.length - 1]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
