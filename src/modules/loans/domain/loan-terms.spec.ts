import { describe, it, expect } from '@jest/globals';
import { Money } from '../../../platform/money/money.js';
import { openDay } from './accrual.js';
import { LoanDomainError } from './loan-errors.js';
import { initialLoanState } from './loan-state.js';
import { loanSummary } from './loan-summary.js';
import { type LoanTerms, type LoanTermsInput, makeLoanTerms, validateLoanTerms } from './loan-terms.js';
import { replay } from './replay.js';

const m = (v: string | number): Money => new Money(v);
const base: LoanTermsInput = { annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' };
const codes = (t: LoanTerms): string[] => validateLoanTerms(t).map((v) => v.code);

describe('makeLoanTerms', () => {
  it('takes the domain.md defaults and computes maturity = start + term, clamped', () => {
    const t = makeLoanTerms({ ...base, startDate: '2025-08-31' });
    expect([t.method, t.principalFrequency, t.interestFrequency, t.prepaymentMode, t.gracePeriods]).toEqual([
      'EQUAL_PRINCIPAL',
      'MONTHLY',
      'MONTHLY',
      'REDUCE_INSTALLMENT',
      0,
    ]);
    expect([t.overdueMultiplier.toString(), t.lateInterestRate.toString(), t.roundingUnit.toString()]).toEqual(['1.5', '0.1', '1']);
    expect(t.allocationOrder).toEqual(['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT']);
    expect(t.maturityDate).toBe('2026-02-28'); // 31 Aug + 6 months → 28 Feb 2026
    expect(codes(t)).toEqual([]);
  });
});

describe('validateLoanTerms', () => {
  const cases: [string, LoanTerms, string[]][] = [
    ['term of zero months', makeLoanTerms({ ...base, termMonths: 0 }), ['LOAN_TERMS.TERM_NOT_POSITIVE_WHOLE_MONTHS']],
    ['5 months is not whole quarters', makeLoanTerms({ ...base, termMonths: 5, principalFrequency: 'QUARTERLY' }), ['LOAN_TERMS.TERM_NOT_WHOLE_PERIODS']],
    [
      '18 months is not whole years of interest',
      makeLoanTerms({ ...base, termMonths: 18, interestFrequency: 'ANNUAL' }),
      ['LOAN_TERMS.TERM_NOT_WHOLE_PERIODS'],
    ],
    ['grace equal to the principal periods', makeLoanTerms({ ...base, gracePeriods: 6 }), ['LOAN_TERMS.GRACE_NOT_BELOW_PERIODS']],
    ['negative grace', makeLoanTerms({ ...base, gracePeriods: -1 }), ['LOAN_TERMS.GRACE_INVALID']],
    [
      'annuity with different frequencies',
      makeLoanTerms({ ...base, method: 'ANNUITY', interestFrequency: 'QUARTERLY' }),
      ['LOAN_TERMS.ANNUITY_FREQUENCIES_DIFFER'],
    ],
    ['bullet with monthly principal', makeLoanTerms({ ...base, method: 'BULLET' }), ['LOAN_TERMS.BULLET_PRINCIPAL_NOT_AT_MATURITY']],
    ['overdue multiplier above 1.5', makeLoanTerms({ ...base, overdueMultiplier: m('1.6') }), ['LOAN_TERMS.OVERDUE_MULTIPLIER_OUT_OF_RANGE']],
    ['late rate above 10%', makeLoanTerms({ ...base, lateInterestRate: m('0.11') }), ['LOAN_TERMS.LATE_RATE_OUT_OF_RANGE']],
    ['negative rate', makeLoanTerms({ ...base, annualRate: m('-0.01') }), ['LOAN_TERMS.RATE_OUT_OF_RANGE']],
    ['rounding unit below 1 VND', makeLoanTerms({ ...base, roundingUnit: m('0.5') }), ['LOAN_TERMS.ROUNDING_UNIT_INVALID']],
    [
      'allocation order missing a step',
      makeLoanTerms({ ...base, allocationOrder: ['PENALTY', 'PREPAYMENT'] }),
      ['LOAN_TERMS.ALLOCATION_ORDER_NOT_PERMUTATION'],
    ],
    [
      'prepayment before a due step',
      makeLoanTerms({ ...base, allocationOrder: ['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'PREPAYMENT', 'DUE_PRINCIPAL'] }),
      ['LOAN_TERMS.ALLOCATION_PREPAYMENT_NOT_LAST'],
    ],
    ['not a calendar date', makeLoanTerms({ ...base, startDate: '2025-02-30' }), ['LOAN_TERMS.START_DATE_INVALID']],
    ['maturity not start + term', { ...makeLoanTerms(base), maturityDate: '2025-09-11' }, ['LOAN_TERMS.MATURITY_NOT_START_PLUS_TERM']],
  ];
  it.each(cases)('%s', (_name, terms, expected) => {
    expect(codes(terms)).toEqual(expected);
  });
});

describe('event dates', () => {
  const terms = makeLoanTerms(base);
  it('refuses an event before the start date', () => {
    expect(() => openDay(initialLoanState(terms), '2025-03-09')).toThrow(expect.objectContaining({ code: 'LOAN.EVENT_BEFORE_START_DATE' }));
  });
  it('refuses an event on a day already closed (it needs a replay)', () => {
    const { state } = replay(terms, [{ kind: 'DISBURSEMENT', date: '2025-03-10', amount: m(1_000_000) }], '2025-03-20');
    expect(() => openDay(state, '2025-03-20')).toThrow(expect.objectContaining({ code: 'LOAN.EVENT_BEFORE_CLOSED_DATE' }));
    expect(() => loanSummary(state, '2025-03-19')).toThrow(LoanDomainError);
  });
});
