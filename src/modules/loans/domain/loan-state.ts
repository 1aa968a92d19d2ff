// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/loans/engine-sql/close-snapshot.sql.ts, src/modules/loans/engine-sql/loan-positions.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { Money, ZERO, maxMoney, roundToUnit, sum } from '../../../platform/money/money.js';
import { addDays, type LocalDate } from '../../../platform/dates/local-date.js';
import type { LoanTerms } from './loan-terms.js';
import { DAYS_IN_YEAR, type PlannedInstallment } from './schedule.js';
import { type DueDateMoveFields, moveFields } from './due-date-moves.js';

/**
 * A loan's state on a date: a pure function of its terms and dated events, shaped so a loan row
 * and its installment rows can mirror it column for column (the nightly close does the same
 * arithmetic in set-based SQL). Numerators are Σ over days of amount × annual rate (× multiplier),
 * NOT yet divided by 365, so a span adds amount × rate × days and equals the day-by-day sum exactly.
 *
 * Invariants: outstandingPrincipal = Σ (principalDue − principalPaid) over installments
 *             disbursedPrincipal   = Σ principalDue + prepaidPrincipal
 */
export interface LoanState {
  readonly terms: LoanTerms;
  readonly disbursedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  /** Principal paid ahead of its due date, taken off the schedule by a rebuild. */
  readonly prepaidPrincipal: Money;
  /** Σ over days of the current interest period of performing principal × annual rate. */
  readonly periodInterestNumerator: Money;
  /** Accrued interest of the current period collected early (settlement), credited when it is billed. */
  readonly periodInterestPaid: Money;
  /** Every day up to and including this one is accrued. Starts the day before startDate. */
  readonly lastClosedDate: LocalDate;
  readonly installments: readonly InstallmentState[];
}

/** An installment; a due date moved to a working day also carries its contractual date and the reason (docs/working-days.md). */
export interface InstallmentState extends DueDateMoveFields {
  readonly seq: number;
  readonly dueDate: LocalDate;
  readonly principalDate: boolean;
  readonly interestDate: boolean;
  readonly principalDue: Money;
  /** null until billed on dueDate; then round(period numerator ÷ 365). */
  readonly interestDue: Money | null;
  readonly billed: boolean;
  readonly principalPaid: Money;
  readonly interestPaid: Money;
  /** Σ unpaid principal × rate × overdue multiplier per overdue day. */
  readonly overdueInterestNumerator: Money;
  /** Σ unpaid billed interest × late rate per overdue day. */
  readonly lateInterestNumerator: Money;
  readonly overdueInterestPaid: Money;
  readonly lateInterestPaid: Money;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type InstallmentDraft = Mutable<InstallmentState>;
export type LoanStateDraft = Mutable<Omit<LoanState, 'installments'>> & { installments: InstallmentDraft[] };

/** A working copy the engine may change; the caller's state is never touched. */
export function draftOf(state: LoanState): LoanStateDraft {
  return { ...state, installments: state.installments.map((i) => ({ ...i })) };
}

/** A loan before its first disbursement: nothing owed, closed through the day before startDate. */
export function initialLoanState(terms: LoanTerms): LoanState {
  return {
    terms,
    disbursedPrincipal: ZERO,
    outstandingPrincipal: ZERO,
    prepaidPrincipal: ZERO,
    periodInterestNumerator: ZERO,
    periodInterestPaid: ZERO,
    lastClosedDate: addDays(terms.startDate, -1),
    installments: [],
  };
}

export function newInstallment(planned: PlannedInstallment): InstallmentDraft {
  return {
    seq: planned.seq,
    dueDate: planned.dueDate,
    principalDate: planned.principalDate,
    interestDate: planned.interestDate,
    principalDue: planned.principal,
    interestDue: null,
    billed: false,
    principalPaid: ZERO,
    interestPaid: ZERO,
    overdueInterestNumerator: ZERO,
    lateInterestNumerator: ZERO,
    overdueInterestPaid: ZERO,
    lateInterestPaid: ZERO,
    ...moveFields(planned.contractualDate ?? planned.dueDate, planned.dueDate, planned.moveReason),
  };
}

export function toPlanned(i: InstallmentState): PlannedInstallment {
  return {
    seq: i.seq,
    dueDate: i.dueDate,
    principalDate: i.principalDate,
    interestDate: i.interestDate,
    principal: i.principalDue,
    ...moveFields(i.contractualDate ?? i.dueDate, i.dueDate, i.moveReason),
  };
}

/** Puts a rebuilt plan in place of the installments not yet billed (dropped ones disappear). */
export function replaceNotDue(draft: LoanStateDraft, planned: readonly PlannedInstallment[]): void {
  const bySeq = new Map(draft.installments.map((i) => [i.seq, i]));
  const kept = draft.installments.filter((i) => i.billed);
  for (const p of planned) {
    const old = bySeq.get(p.seq);
    kept.push(old && !old.billed ? { ...old, principalDue: p.principal, principalDate: p.principalDate, interestDate: p.interestDate } : newInstallment(p));
  }
  draft.installments = kept;
}

/** round(numerator ÷ 365) to the unit: amounts are rounded only when due or posted (domain.md). */
export function roundNumerator(terms: LoanTerms, numerator: Money): Money {
  return roundToUnit(numerator.div(DAYS_IN_YEAR), terms.roundingUnit);
}

export function unpaidPrincipal(i: InstallmentState): Money {
  return i.principalDue.minus(i.principalPaid);
}

/** Billed interest not yet paid (0 before billing). */
export function unpaidInterest(i: InstallmentState): Money {
  return i.interestDue === null ? ZERO : i.interestDue.minus(i.interestPaid);
}

/** Penalty owed = round(numerator ÷ 365) − paid: the running total is rounded, no rounding error carried. */
export function overdueInterestOwed(terms: LoanTerms, i: InstallmentState): Money {
  if (i.overdueInterestNumerator.isZero()) return ZERO; // never overdue: nothing accrued, nothing paid
  return roundNumerator(terms, i.overdueInterestNumerator).minus(i.overdueInterestPaid);
}

export function lateInterestOwed(terms: LoanTerms, i: InstallmentState): Money {
  if (i.lateInterestNumerator.isZero()) return ZERO;
  return roundNumerator(terms, i.lateInterestNumerator).minus(i.lateInterestPaid);
}

/** Interest accrued in the current period and not billed, rounded, less what settlement already took. */
export function accruedInterestOwed(state: LoanState): Money {
  return maxMoney(roundNumerator(state.terms, state.periodInterestNumerator).minus(state.periodInterestPaid), ZERO);
}

/** Principal of installments not yet billed (not yet due). */
export function notDuePrincipal(state: LoanState): Money {
  return sum(state.installments.filter((i) => !i.billed).map((i) => i.principalDue));
}

/**
 * domain.md: billing of installments due on D happens before anything valued D. An interest
 * date bills round(period numerator ÷ 365) (the sub-unit remainder is dropped) and opens the
 * next period at zero; interest collected early at settlement is credited to it. Idempotent.
 */
export function billDueOn(draft: LoanStateDraft, date: LocalDate): void {
  for (const inst of draft.installments) {
    if (inst.billed || inst.dueDate !== date) continue;
    inst.billed = true;
    if (inst.interestDate) {
      inst.interestDue = roundNumerator(draft.terms, draft.periodInterestNumerator);
      inst.interestPaid = inst.interestPaid.plus(draft.periodInterestPaid);
      draft.periodInterestNumerator = ZERO;
      draft.periodInterestPaid = ZERO;
    } else {
      inst.interestDue = ZERO;
    }
  }
}

/**
 * Accrues `days` identical days starting on the day after lastClosedDate (domain.md
 * "Overdue"): normal interest on performing principal = outstanding − unpaid principal of
 * billed installments (so a due date left unpaid is not free: it accrues overdue interest
 * from day D included), overdue interest on that unpaid principal at rate × multiplier, late
 * interest on unpaid billed interest. Balances are constant over the span, so one
 * multiplication by `days` equals the day-by-day sum exactly.
 */
export function accrueDays(draft: LoanStateDraft, days: number): void {
  const { annualRate, overdueMultiplier, lateInterestRate } = draft.terms;
  const overdueRate = annualRate.mul(overdueMultiplier); // exact: a product of two short decimals
  let unpaidBilledPrincipal = ZERO;
  for (const inst of draft.installments) {
    if (!inst.billed) continue;
    if (!inst.principalPaid.eq(inst.principalDue)) {
      const p = unpaidPrincipal(inst);
      unpaidBilledPrincipal = unpaidBilledPrincipal.plus(p);
      inst.overdueInterestNumerator = inst.overdueInterestNumerator.plus(p.mul(overdueRate).mul(days));
    }
    if (inst.interestDue !== null && !inst.interestPaid.eq(inst.interestDue)) {
      inst.lateInterestNumerator = inst.lateInterestNumerator.plus(unpaidInterest(inst).mul(lateInterestRate).mul(days));
    }
  }
  const performing = draft.outstandingPrincipal.minus(unpaidBilledPrincipal);
  draft.periodInterestNumerator = draft.periodInterestNumerator.plus(performing.mul(annualRate).mul(days));
  draft.lastClosedDate = addDays(draft.lastClosedDate, days);
}
