// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { Money, ONE, ZERO, minMoney, maxMoney, roundToUnit, sum } from '../../../platform/money/money.js';
import { addMonthsClamped, daysBetween, type LocalDate } from '../../../platform/dates/local-date.js';
import { InvalidLoanTermsError } from './loan-errors.js';
import { type LoanTerms, monthsPerPeriod, validateLoanTerms } from './loan-terms.js';
import { type DueDateMoveFields, moveFields } from './due-date-moves.js';

/**
 * The repayment schedule (domain.md "Interest and schedule rules"): due dates, the principal
 * plan per method, and the projected interest of each installment by ACT/365.
 */

/** domain.md ACT/365 fixed: interest = principal × rate × days ÷ 365. */
export const DAYS_IN_YEAR = 365;

/** A due date of the loan and what falls due on it (the date moved to a working day, with where from: docs/working-days.md). */
export interface PlannedInstallment extends DueDateMoveFields {
  readonly seq: number;
  readonly dueDate: LocalDate;
  /** Carries planned principal: a principal due date after the grace periods (BULLET: maturity only). */
  readonly principalDate: boolean;
  /** Bills the interest accrued since the previous interest date (always true for the last installment). */
  readonly interestDate: boolean;
  readonly principal: Money;
}

export interface ScheduleInstallment extends PlannedInstallment {
  /** Projected interest billed on dueDate, rounded half-up to the unit (0 when not an interest date). */
  readonly interest: Money;
  /** The row's span [periodStart, dueDate): previous due date (or the from date) to this one. */
  readonly periodStart: LocalDate;
  readonly days: number;
  /** Principal still scheduled after this installment. */
  readonly balanceAfter: Money;
}

export function assertValidTerms(terms: LoanTerms): void {
  const violations = validateLoanTerms(terms);
  if (violations.length > 0) throw new InvalidLoanTermsError(violations);
}

/**
 * domain.md: due dates = union of principal and interest due dates; the k-th is startDate + k
 * periods with the day clamped to the month's end, always from the start date. The first g
 * principal dates are grace (interest only). BULLET's only principal date is maturity.
 * docs/working-days.md: each such date then moves as the terms' resolved moves say (never the
 * next from the moved one), so interest runs to the moved date.
 */
export function scheduleSlots(terms: LoanTerms): PlannedInstallment[] {
  const moves = new Map(terms.dueDateMoves.map((m) => [m.contractualDate, m]));
  const pMonths = monthsPerPeriod(terms.principalFrequency, terms.termMonths);
  const iMonths = monthsPerPeriod(terms.interestFrequency, terms.termMonths);
  const offsets = new Set<number>();
  for (let m = pMonths; m <= terms.termMonths; m += pMonths) offsets.add(m);
  for (let m = iMonths; m <= terms.termMonths; m += iMonths) offsets.add(m);
  return [...offsets]
    .sort((a, b) => a - b)
    .map((offset, index) => {
      const contractual = addMonthsClamped(terms.startDate, offset);
      const move = moves.get(contractual);
      return {
        seq: index + 1,
        dueDate: move?.dueDate ?? contractual,
        principalDate: offset % pMonths === 0 && offset / pMonths > terms.gracePeriods,
        interestDate: offset % iMonths === 0 || offset === terms.termMonths,
        principal: ZERO,
        ...moveFields(contractual, move?.dueDate ?? contractual, move?.reason),
      };
    });
}

/**
 * domain.md ANNUITY: A = round(P × i ÷ (1 − (1 + i)^−m)), i = annual rate × months per period ÷ 12.
 * A zero rate is the limit P ÷ m.
 */
export function annuityPayment(terms: LoanTerms, principal: Money, periods: number): Money {
  const i = terms.annualRate.mul(monthsPerPeriod(terms.principalFrequency, terms.termMonths)).div(12);
  if (i.isZero()) return roundToUnit(principal.div(periods), terms.roundingUnit);
  const factor = ONE.minus(ONE.plus(i).pow(-periods));
  return roundToUnit(principal.mul(i).div(factor), terms.roundingUnit);
}

/** One step of the period-interest walk; `principalOf` decides the principal once the interest is known. */
type PrincipalRule = (slot: PlannedInstallment, interest: Money, balance: Money, isLastPrincipal: boolean) => Money;

/**
 * Walks the slots from `from` with the current period numerator and the scheduled balance,
 * exactly as the daily accrual does: numerator += balance × rate × days (first day in, last
 * out); an interest date bills round(numerator ÷ 365) and starts the next period at zero
 * (the sub-unit remainder is dropped, domain.md).
 */
function walk(
  terms: LoanTerms,
  slots: readonly PlannedInstallment[],
  from: LocalDate,
  numerator: Money,
  balance: Money,
  principalOf: PrincipalRule,
): ScheduleInstallment[] {
  const lastPrincipalIndex = slots.map((s) => s.principalDate).lastIndexOf(true);
  let cursor = from;
  let n = numerator;
  let b = balance;
  return slots.map((slot, index) => {
    const days = daysBetween(cursor, slot.dueDate);
    if (days < 0) throw new RangeError(`installment ${slot.seq} due ${slot.dueDate} is before ${cursor}`);
    n = n.plus(b.mul(terms.annualRate).mul(days));
    let interest = ZERO;
    if (slot.interestDate) {
      interest = roundToUnit(n.div(DAYS_IN_YEAR), terms.roundingUnit);
      n = ZERO;
    }
    const principal = principalOf(slot, interest, b, index === lastPrincipalIndex);
    b = b.minus(principal);
    const row: ScheduleInstallment = { ...slot, principal, interest, periodStart: cursor, days, balanceAfter: b };
    cursor = slot.dueDate;
    return row;
  });
}

/**
 * The principal plan of a method over the principal slots:
 * - EQUAL_PRINCIPAL (and BULLET, whose only principal slot is maturity): m equal parts rounded to
 *   the unit, the last absorbs the remainder so the parts sum exactly (domain.md). A part never
 *   exceeds what is left, so no part is negative even for tiny amounts.
 * - ANNUITY: principal = A − that period's day-count interest, the last clears the balance;
 *   clamped to [0, balance] so a long, high-rate loan never schedules negative principal.
 */
function spread(terms: LoanTerms, slots: readonly PlannedInstallment[], amount: Money, from: LocalDate, numerator: Money): PlannedInstallment[] {
  const m = slots.filter((s) => s.principalDate).length;
  if (m === 0) {
    if (!amount.isZero()) throw new RangeError('no principal due date is left to carry the principal');
    return slots.map((s) => ({ ...s, principal: ZERO }));
  }
  if (terms.method === 'ANNUITY') {
    const a = annuityPayment(terms, amount, m);
    return walk(terms, slots, from, numerator, amount, (slot, interest, balance, isLast) => {
      if (!slot.principalDate) return ZERO;
      if (isLast) return balance;
      return minMoney(maxMoney(a.minus(interest), ZERO), balance);
    }).map(toPlanned);
  }
  const part = roundToUnit(amount.div(m), terms.roundingUnit);
  let left = amount;
  let seen = 0;
  return slots.map((slot) => {
    if (!slot.principalDate) return { ...slot, principal: ZERO };
    seen += 1;
    const principal = seen === m ? left : minMoney(part, left);
    left = left.minus(principal);
    return { ...slot, principal };
  });
}

function toPlanned(row: ScheduleInstallment): PlannedInstallment {
  return {
    seq: row.seq,
    dueDate: row.dueDate,
    principalDate: row.principalDate,
    interestDate: row.interestDate,
    principal: row.principal,
    ...moveFields(row.contractualDate ?? row.dueDate, row.dueDate, row.moveReason),
  };
}

/**
 * Projected interest of planned installments: the balance is what they carry, accruing from
 * `from` on top of `numerator` (the current period's interest numerator accrued before `from`).
 */
export function projectInterest(terms: LoanTerms, planned: readonly PlannedInstallment[], from: LocalDate, numerator: Money = ZERO): ScheduleInstallment[] {
  const balance = sum(planned.map((p) => p.principal));
  return walk(terms, planned, from, numerator, balance, (slot) => slot.principal);
}

/**
 * The schedule of `principal` outstanding from `fromDate` (default the start date) to maturity:
 * every due date after fromDate, principal per method, projected interest per period.
 */
export function buildSchedule(terms: LoanTerms, principal: Money, fromDate: LocalDate = terms.startDate): ScheduleInstallment[] {
  assertValidTerms(terms);
  const slots = scheduleSlots(terms).filter((s) => s.dueDate > fromDate);
  return projectInterest(terms, spread(terms, slots, principal, fromDate, ZERO), fromDate, ZERO);
}

export type RebuildMode = 'RESPREAD' | 'SHORTEN_TERM';

export interface RebuildRequest {
  readonly terms: LoanTerms;
  /** The event date: the new balance accrues from this day on. */
  readonly from: LocalDate;
  /** Current period's interest numerator accrued before `from` (ANNUITY needs it for A − interest). */
  readonly numerator: Money;
  /** Installments not yet due, in order, with the principal they carry now. */
  readonly slots: readonly PlannedInstallment[];
  /** Principal they must carry after the event. */
  readonly remainingPrincipal: Money;
  readonly mode: RebuildMode;
}

/**
 * Rebuild of the installments not yet due (domain.md "Tranches" and "prepayment"):
 * - RESPREAD (after a tranche, or a prepayment with REDUCE_INSTALLMENT): same dates, maturity
 *   kept, the remaining principal planned again by the loan's method.
 * - SHORTEN_TERM (prepayment option): each installment keeps its principal; the prepaid amount
 *   comes off the last ones, the last remaining one absorbs the remainder; installments left
 *   with nothing are dropped and the new last one bills the interest (it is the new maturity).
 */
export function rebuildRemaining(request: RebuildRequest): PlannedInstallment[] {
  const { terms, slots, remainingPrincipal } = request;
  if (request.mode === 'RESPREAD') return spread(terms, slots, remainingPrincipal, request.from, request.numerator);

  const current = sum(slots.map((s) => s.principal));
  let reduction = current.minus(remainingPrincipal);
  if (reduction.isNegative()) throw new RangeError('SHORTEN_TERM only takes principal off the schedule');
  const reduced = [...slots];
  for (let k = reduced.length - 1; k >= 0 && reduction.gt(ZERO); k -= 1) {
    const take = minMoney(reduced[k].principal, reduction);
    reduced[k] = { ...reduced[k], principal: reduced[k].principal.minus(take) };
    reduction = reduction.minus(take);
  }
  const lastCarrying = reduced.map((s) => s.principal.gt(ZERO)).lastIndexOf(true);
  if (lastCarrying < 0) return reduced;
  const kept = reduced.slice(0, lastCarrying + 1);
  kept[lastCarrying] = { ...kept[lastCarrying], interestDate: true };
  return kept;
}
