import { Money } from '../../../platform/money/money.js';
import {
  type AllocationStep as EngineAllocationStep,
  type AmortizationMethod as EngineMethod,
  type Frequency as EngineFrequency,
  type PrepaymentMode as EnginePrepaymentMode,
  monthsPerPeriod as engineMonthsPerPeriod,
} from '../../loans/loan-engine.index.js';

/**
 * Loan product parameters and their constraints (domain.md "Loan products"; Decree 45 Art. 25).
 * Pure: no NestJS, no TypeORM. Names match loans/domain/loan-terms.ts so a loan can copy them.
 */
// The vocabulary is the loan engine's (a loan copies a product's terms); the lists below are checked against it.
export const FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY'] as const satisfies readonly EngineFrequency[];
export type Frequency = (typeof FREQUENCIES)[number];

export const AMORTIZATION_METHODS = ['EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET'] as const satisfies readonly EngineMethod[];
export type AmortizationMethod = (typeof AMORTIZATION_METHODS)[number];

export const ALLOCATION_STEPS = [
  'PENALTY',
  'OVERDUE_INTEREST',
  'OVERDUE_PRINCIPAL',
  'DUE_INTEREST',
  'DUE_PRINCIPAL',
  'PREPAYMENT',
] as const satisfies readonly EngineAllocationStep[];
export type AllocationStep = (typeof ALLOCATION_STEPS)[number];
/** domain.md "Overdue, allocation, prepayment": the default order. */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationStep[] = ALLOCATION_STEPS;

export const PREPAYMENT_MODES = ['REDUCE_INSTALLMENT', 'SHORTEN_TERM'] as const satisfies readonly EnginePrepaymentMode[];
export type PrepaymentMode = (typeof PREPAYMENT_MODES)[number];

/** Decree 45 Art. 25: overdue principal rate at most 150% of the normal rate. */
export const MAX_OVERDUE_MULTIPLIER = new Money('1.5');
/** Decree 45 Art. 25: late interest on unpaid interest at most 10%/year. */
export const MAX_LATE_INTEREST_PERCENT = new Money('10');

/** Months in one period; null for AT_MATURITY, whose one period is the whole term. */
export function periodMonths(frequency: Frequency): number | null {
  return frequency === 'AT_MATURITY' ? null : engineMonthsPerPeriod(frequency, 0);
}

/** Number of repayment periods in a term, or null when the term is not a whole number of periods. */
export function periodsIn(termMonths: number, frequency: Frequency): number | null {
  const months = engineMonthsPerPeriod(frequency, termMonths);
  return termMonths % months === 0 ? termMonths / months : null;
}

export interface ProductParameters {
  minAmount: Money;
  maxAmount: Money;
  minTermMonths: number;
  maxTermMonths: number;
  annualInterestRatePercent: Money;
  overdueMultiplier: Money;
  lateInterestRatePercent: Money;
  principalFrequency: Frequency;
  interestFrequency: Frequency;
  principalGracePeriods: number;
  allocationOrder: readonly AllocationStep[];
}

export interface ParameterViolation {
  field: string;
  rule: string;
  message: string;
}

/** Every broken constraint of a product version (domain.md "Loan products"); empty when valid. */
export function productParameterViolations(p: ProductParameters): ParameterViolation[] {
  const out: ParameterViolation[] = [];
  if (p.maxAmount.lt(p.minAmount)) out.push({ field: 'maxAmount', rule: 'minMax', message: 'maxAmount must be at least minAmount' });
  if (p.maxTermMonths < p.minTermMonths) out.push({ field: 'maxTermMonths', rule: 'minMax', message: 'maxTermMonths must be at least minTermMonths' });
  if (p.overdueMultiplier.gt(MAX_OVERDUE_MULTIPLIER) || p.overdueMultiplier.lt(1)) {
    out.push({ field: 'overdueMultiplier', rule: 'decree45Art25', message: 'overdueMultiplier must be between 1 and 1.5 (Decree 45 Art. 25)' });
  }
  if (p.lateInterestRatePercent.gt(MAX_LATE_INTEREST_PERCENT)) {
    out.push({ field: 'lateInterestRatePercent', rule: 'decree45Art25', message: 'lateInterestRatePercent must be at most 10 (Decree 45 Art. 25)' });
  }
  for (const [field, term] of [
    ['minTermMonths', p.minTermMonths],
    ['maxTermMonths', p.maxTermMonths],
  ] as const) {
    for (const [freqField, freq] of [
      ['principalFrequency', p.principalFrequency],
      ['interestFrequency', p.interestFrequency],
    ] as const) {
      if (periodsIn(term, freq) === null) {
        out.push({ field, rule: 'wholePeriods', message: `${field} must be a whole number of ${freqField} periods (${freq})` });
      }
    }
  }
  const minPeriods = periodsIn(p.minTermMonths, p.principalFrequency);
  if (minPeriods !== null && p.principalGracePeriods >= minPeriods) {
    out.push({
      field: 'principalGracePeriods',
      rule: 'graceBelowPeriods',
      message: `principalGracePeriods must be fewer than the ${minPeriods} periods of the shortest term`,
    });
  }
  if (new Set(p.allocationOrder).size !== ALLOCATION_STEPS.length || p.allocationOrder.length !== ALLOCATION_STEPS.length) {
    out.push({ field: 'allocationOrder', rule: 'permutation', message: `allocationOrder must list each of ${ALLOCATION_STEPS.join(', ')} once` });
  }
  return out;
}
