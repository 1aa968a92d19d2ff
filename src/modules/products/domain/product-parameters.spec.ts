import { describe, expect, it } from '@jest/globals';
import { Money } from '../../../platform/money/money.js';
import { DEFAULT_ALLOCATION_ORDER, periodsIn, productParameterViolations, type ProductParameters } from './product-parameters.js';

const base: ProductParameters = {
  minAmount: new Money('10000000'),
  maxAmount: new Money('1000000000'),
  minTermMonths: 6,
  maxTermMonths: 36,
  annualInterestRatePercent: new Money('7.2'),
  overdueMultiplier: new Money('1.5'),
  lateInterestRatePercent: new Money('10'),
  principalFrequency: 'QUARTERLY',
  interestFrequency: 'MONTHLY',
  principalGracePeriods: 1,
  allocationOrder: DEFAULT_ALLOCATION_ORDER,
};

describe('product parameters (domain.md "Loan products")', () => {
  it.each<[string, Partial<ProductParameters>, string[]]>([
    ['valid at every bound', {}, []],
    ['overdue multiplier 1.5001', { overdueMultiplier: new Money('1.5001') }, ['overdueMultiplier']],
    ['late rate 10.000001', { lateInterestRatePercent: new Money('10.000001') }, ['lateInterestRatePercent']],
    ['term not whole quarters', { minTermMonths: 7 }, ['minTermMonths']],
    ['grace equal to periods', { principalGracePeriods: 2 }, ['principalGracePeriods']],
    ['max below min', { maxAmount: new Money('9999999') }, ['maxAmount']],
    [
      'allocation order with a repeat',
      { allocationOrder: ['PENALTY', 'PENALTY', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'] },
      ['allocationOrder'],
    ],
  ])('%s', (_name, change, fields) => {
    expect(productParameterViolations({ ...base, ...change }).map((v) => v.field)).toEqual(fields);
  });

  it.each([
    [12, 'MONTHLY', 12],
    [12, 'QUARTERLY', 4],
    [12, 'SEMI_ANNUAL', 2],
    [18, 'ANNUAL', null],
    [18, 'AT_MATURITY', 1],
  ] as const)('%i months of %s is %p periods', (term, freq, periods) => {
    expect(periodsIn(term, freq)).toBe(periods);
  });
});
