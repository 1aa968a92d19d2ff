import { Money, ZERO } from '../../../platform/money/money.js';
import { addMonthsClamped, isLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';
import type { BusinessDayRule, DayOffReason } from '../../../platform/dates/working-calendar.js';

/**
 * The terms a loan copies from its product when it is contracted (domain.md "Loan products":
 * a product change never alters loans already contracted). Pure data: no NestJS, no TypeORM.
 */

/** domain.md "Loan products": repayment frequency for principal and for interest. */
export type Frequency = 'MONTHLY' | 'QUARTERLY' | 'SEMI_ANNUAL' | 'ANNUAL' | 'AT_MATURITY';
export const FREQUENCIES: readonly Frequency[] = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY'];

/** domain.md "Interest and schedule rules": the three amortization methods. */
export type AmortizationMethod = 'EQUAL_PRINCIPAL' | 'ANNUITY' | 'BULLET';

/**
 * domain.md "Overdue, allocation, prepayment": the steps a repayment is allocated through.
 * PENALTY = interest on overdue principal and late interest on unpaid interest.
 */
export type AllocationStep = 'PENALTY' | 'OVERDUE_INTEREST' | 'OVERDUE_PRINCIPAL' | 'DUE_INTEREST' | 'DUE_PRINCIPAL' | 'PREPAYMENT';

/** domain.md: the default order (configurable per product). */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationStep[] = [
  'PENALTY',
  'OVERDUE_INTEREST',
  'OVERDUE_PRINCIPAL',
  'DUE_INTEREST',
  'DUE_PRINCIPAL',
  'PREPAYMENT',
];

/** domain.md: a prepayment rebuilds the schedule (default: reduce the installments; option: shorten the term). */
export type PrepaymentMode = 'REDUCE_INSTALLMENT' | 'SHORTEN_TERM';

/**
 * A contractual due date that falls on a day off and the working day it moved to under the loan's
 * business-day rule (docs/working-days.md), with the day off's name. Resolved once from the fund's
 * calendar when the schedule is first built and kept with the loan like every other term, so a
 * replay gives the same dates whatever the calendar says later; a later calendar change reaches
 * the installments not yet billed through a dated DUE_DATE_CHANGE event instead.
 */
export interface DueDateMove {
  readonly contractualDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly reason: DayOffReason;
}

export interface LoanTerms {
  /** Annual rate as a fraction (0.06 for 6%/year). */
  readonly annualRate: Money;
  /** Overdue principal accrues at annualRate × overdueMultiplier (default 1.5, at most 1.5 — Art. 25). */
  readonly overdueMultiplier: Money;
  /** Late interest on unpaid billed interest, fraction per year (default 0.10, at most 0.10). */
  readonly lateInterestRate: Money;
  readonly method: AmortizationMethod;
  readonly principalFrequency: Frequency;
  readonly interestFrequency: Frequency;
  /** Whole months from startDate to maturityDate. */
  readonly termMonths: number;
  /** Number of principal periods at the start that are interest only. */
  readonly gracePeriods: number;
  /** Amounts are rounded half-up to this unit when billed or posted (default 1 VND). */
  readonly roundingUnit: Money;
  readonly allocationOrder: readonly AllocationStep[];
  readonly prepaymentMode: PrepaymentMode;
  /** First disbursement date; every due date is computed from it. */
  readonly startDate: LocalDate;
  /** startDate + termMonths, day clamped to the month's end (the contractual date, before any move). */
  readonly maturityDate: LocalDate;
  /** Where a due date on a day off goes: NONE keeps it (contracts made before the fund's calendar). */
  readonly businessDayRule: BusinessDayRule;
  /** The contractual due dates the rule moved, in date order (empty under NONE). */
  readonly dueDateMoves: readonly DueDateMove[];
}

/** What a caller must give; the rest takes domain.md's defaults. */
export interface LoanTermsInput {
  readonly annualRate: Money;
  readonly termMonths: number;
  readonly startDate: LocalDate;
  readonly method?: AmortizationMethod;
  readonly principalFrequency?: Frequency;
  readonly interestFrequency?: Frequency;
  readonly overdueMultiplier?: Money;
  readonly lateInterestRate?: Money;
  readonly gracePeriods?: number;
  readonly roundingUnit?: Money;
  readonly allocationOrder?: readonly AllocationStep[];
  readonly prepaymentMode?: PrepaymentMode;
  readonly businessDayRule?: BusinessDayRule;
  readonly dueDateMoves?: readonly DueDateMove[];
}

/** domain.md "Loan products" defaults: equal principal, monthly, multiplier 1.5, late rate 10%, unit 1 VND. */
export function makeLoanTerms(input: LoanTermsInput): LoanTerms {
  return {
    annualRate: new Money(input.annualRate),
    overdueMultiplier: new Money(input.overdueMultiplier ?? '1.5'),
    lateInterestRate: new Money(input.lateInterestRate ?? '0.1'),
    method: input.method ?? 'EQUAL_PRINCIPAL',
    principalFrequency: input.principalFrequency ?? 'MONTHLY',
    interestFrequency: input.interestFrequency ?? 'MONTHLY',
    termMonths: input.termMonths,
    gracePeriods: input.gracePeriods ?? 0,
    roundingUnit: new Money(input.roundingUnit ?? 1),
    allocationOrder: input.allocationOrder ?? DEFAULT_ALLOCATION_ORDER,
    prepaymentMode: input.prepaymentMode ?? 'REDUCE_INSTALLMENT',
    startDate: input.startDate,
    maturityDate: addMonthsClamped(input.startDate, input.termMonths),
    businessDayRule: input.businessDayRule ?? 'NONE',
    dueDateMoves: input.dueDateMoves ?? [],
  };
}

/** Months per period: 1/3/6/12, and the whole term for AT_MATURITY. */
export function monthsPerPeriod(frequency: Frequency, termMonths: number): number {
  switch (frequency) {
    case 'MONTHLY':
      return 1;
    case 'QUARTERLY':
      return 3;
    case 'SEMI_ANNUAL':
      return 6;
    case 'ANNUAL':
      return 12;
    case 'AT_MATURITY':
      return termMonths;
  }
}

/** Number of principal periods n (the grace periods are the first g of them). */
export function principalPeriodCount(terms: LoanTerms): number {
  return terms.termMonths / monthsPerPeriod(terms.principalFrequency, terms.termMonths);
}

export interface TermsViolation {
  readonly code: string;
  readonly message: string;
}

function isWholeNumber(value: number): boolean {
  return Number.isInteger(value);
}

/** Every rule the terms break, empty when the terms can run. */
export function validateLoanTerms(terms: LoanTerms): TermsViolation[] {
  const out: TermsViolation[] = [];
  const add = (code: string, message: string): void => {
    out.push({ code: `LOAN_TERMS.${code}`, message });
  };

  if (!isLocalDate(terms.startDate)) add('START_DATE_INVALID', 'startDate is not a calendar date (YYYY-MM-DD)');
  if (!isWholeNumber(terms.termMonths) || terms.termMonths < 1) {
    add('TERM_NOT_POSITIVE_WHOLE_MONTHS', `termMonths must be a whole number ≥ 1, got ${terms.termMonths}`);
    return out; // every rule below divides by the term
  }
  if (isLocalDate(terms.startDate) && terms.maturityDate !== addMonthsClamped(terms.startDate, terms.termMonths)) {
    add('MATURITY_NOT_START_PLUS_TERM', `maturityDate must be ${addMonthsClamped(terms.startDate, terms.termMonths)}`);
  }
  // domain.md: rates are fractions; the overdue multiplier is at most 1.5 and the late rate at most 10%/year.
  if (terms.annualRate.isNegative() || terms.annualRate.gte(1)) add('RATE_OUT_OF_RANGE', 'annualRate must be a fraction in [0, 1)');
  if (terms.overdueMultiplier.lt(1) || terms.overdueMultiplier.gt('1.5')) {
    add('OVERDUE_MULTIPLIER_OUT_OF_RANGE', 'overdueMultiplier must be in [1, 1.5] (Decree 45 Art. 25)');
  }
  if (terms.lateInterestRate.isNegative() || terms.lateInterestRate.gt('0.1')) {
    add('LATE_RATE_OUT_OF_RANGE', 'lateInterestRate must be in [0, 0.10]');
  }
  if (!terms.roundingUnit.isInteger() || terms.roundingUnit.lte(ZERO)) {
    add('ROUNDING_UNIT_INVALID', 'roundingUnit must be a whole number of VND ≥ 1');
  }
  // A term is a whole number of periods for each frequency.
  for (const [label, frequency] of [
    ['principal', terms.principalFrequency],
    ['interest', terms.interestFrequency],
  ] as const) {
    const months = monthsPerPeriod(frequency, terms.termMonths);
    if (terms.termMonths % months !== 0) {
      add('TERM_NOT_WHOLE_PERIODS', `termMonths ${terms.termMonths} is not a whole number of ${label} periods (${frequency})`);
    }
  }
  const n = principalPeriodCount(terms);
  if (!isWholeNumber(terms.gracePeriods) || terms.gracePeriods < 0) {
    add('GRACE_INVALID', 'gracePeriods must be a whole number ≥ 0');
  } else if (isWholeNumber(n) && terms.gracePeriods >= n) {
    add('GRACE_NOT_BELOW_PERIODS', `gracePeriods ${terms.gracePeriods} must be below the ${n} principal periods`);
  }
  // ANNUITY: i = rate × months per period ÷ 12 only makes sense with one period for both.
  if (terms.method === 'ANNUITY' && terms.principalFrequency !== terms.interestFrequency) {
    add('ANNUITY_FREQUENCIES_DIFFER', 'ANNUITY needs principalFrequency equal to interestFrequency');
  }
  // BULLET: all principal at maturity, so its principal frequency is AT_MATURITY (and grace is then 0).
  if (terms.method === 'BULLET' && terms.principalFrequency !== 'AT_MATURITY') {
    add('BULLET_PRINCIPAL_NOT_AT_MATURITY', 'BULLET repays all principal at maturity: principalFrequency must be AT_MATURITY');
  }
  const order = terms.allocationOrder;
  const steps = new Set(order);
  if (order.length !== DEFAULT_ALLOCATION_ORDER.length || DEFAULT_ALLOCATION_ORDER.some((s) => !steps.has(s))) {
    add('ALLOCATION_ORDER_NOT_PERMUTATION', `allocationOrder must list each of ${DEFAULT_ALLOCATION_ORDER.join(', ')} once`);
  } else if (order[order.length - 1] !== 'PREPAYMENT') {
    // Prepaying principal not yet due while something due stays unpaid would make that amount overdue.
    add('ALLOCATION_PREPAYMENT_NOT_LAST', 'PREPAYMENT must be the last allocation step');
  }
  return out;
}
