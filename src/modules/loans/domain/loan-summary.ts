// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/loans/engine-sql/close-snapshot.sql.ts, src/modules/loans/engine-sql/loan-positions.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { Money, ZERO, sum } from '../../../platform/money/money.js';
import { addDays, daysBetween, type LocalDate } from '../../../platform/dates/local-date.js';
import { closeThrough } from './accrual.js';
import { LoanDomainError } from './loan-errors.js';
import { type LoanState, accruedInterestOwed, lateInterestOwed, overdueInterestOwed, toPlanned, unpaidInterest, unpaidPrincipal } from './loan-state.js';
import { projectInterest } from './schedule.js';
import { type DueDateMoveFields, moveFields } from './due-date-moves.js';

/** Read models of a loan state: DPD, the schedule as it stands, the summary the API shows. */

/**
 * domain.md: DPD on business date X = X − D for the oldest unpaid due amount (principal or
 * interest, not penalties); 0 when nothing is overdue. An installment due on X gives 0 on X.
 */
export function daysPastDue(state: LoanState, date: LocalDate): number {
  for (const inst of state.installments) {
    if (inst.dueDate > date) break;
    const interestUnpaid = inst.billed ? unpaidInterest(inst).gt(ZERO) : inst.interestDate && state.periodInterestNumerator.gt(ZERO);
    if (unpaidPrincipal(inst).gt(ZERO) || interestUnpaid) return daysBetween(inst.dueDate, date);
  }
  return 0;
}

/** An installment as shown; a moved due date carries its contractual date and reason (docs/working-days.md). */
export interface InstallmentView extends DueDateMoveFields {
  readonly seq: number;
  readonly dueDate: LocalDate;
  readonly principal: Money;
  /** Billed interest, or the projection from the current state when not billed yet. */
  readonly interest: Money;
  readonly billed: boolean;
  readonly principalPaid: Money;
  readonly interestPaid: Money;
}

/**
 * The schedule as it stands: billed installments as billed, the others projected from the
 * current period numerator and the scheduled balance (what they bill if nothing else happens).
 */
export function projectInstallments(state: LoanState): InstallmentView[] {
  const notDue = state.installments.filter((i) => !i.billed);
  const projected = projectInterest(state.terms, notDue.map(toPlanned), addDays(state.lastClosedDate, 1), state.periodInterestNumerator);
  const interestBySeq = new Map(projected.map((p) => [p.seq, p.interest]));
  return state.installments.map((i) => ({
    seq: i.seq,
    dueDate: i.dueDate,
    principal: i.principalDue,
    interest: i.interestDue ?? interestBySeq.get(i.seq) ?? ZERO,
    billed: i.billed,
    principalPaid: i.principalPaid,
    interestPaid: i.interestPaid,
    ...moveFields(i.contractualDate ?? i.dueDate, i.dueDate, i.moveReason),
  }));
}

export interface LoanSummary {
  /** The figures at the end of this day (after its close). */
  readonly asOf: LocalDate;
  readonly disbursedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  /** Interest accrued through asOf and not billed yet, rounded, less what settlement took early. */
  readonly accruedInterest: Money;
  readonly billedUnpaidInterest: Money;
  /** Unpaid principal of installments due on or before asOf (unpaid at the end of its due date). */
  readonly overduePrincipal: Money;
  /** Interest on overdue principal owed, rounded. */
  readonly overdueInterest: Money;
  readonly lateInterest: Money;
  readonly nextDueDate: LocalDate | null;
  /** Principal plus projected interest of the next installment, less interest already collected for it. */
  readonly nextDueAmount: Money | null;
  readonly daysPastDue: number;
  /** Disbursed and nothing at all is owed any more. */
  readonly settled: boolean;
}

/** The loan summary at the end of `asOf` (closes the days up to it). */
export function loanSummary(state: LoanState, asOf: LocalDate): LoanSummary {
  if (asOf < state.lastClosedDate) {
    throw new LoanDomainError('LOAN.EVENT_BEFORE_CLOSED_DATE', `${asOf} is before the last closed day ${state.lastClosedDate}: replay the events`, {
      date: asOf,
      lastClosedDate: state.lastClosedDate,
    });
  }
  const s = closeThrough(state, asOf);
  const billed = s.installments.filter((i) => i.billed);
  const next = projectInstallments(s).find((i) => !i.billed);
  const nextIsInterestDate = s.installments.find((i) => i.seq === next?.seq)?.interestDate ?? false;
  const owed = {
    accruedInterest: accruedInterestOwed(s),
    billedUnpaidInterest: sum(billed.map(unpaidInterest)),
    overduePrincipal: sum(billed.map(unpaidPrincipal)),
    overdueInterest: sum(billed.map((i) => overdueInterestOwed(s.terms, i))),
    lateInterest: sum(billed.map((i) => lateInterestOwed(s.terms, i))),
  };
  return {
    asOf,
    disbursedPrincipal: s.disbursedPrincipal,
    outstandingPrincipal: s.outstandingPrincipal,
    ...owed,
    nextDueDate: next?.dueDate ?? null,
    nextDueAmount: next ? next.principal.plus(next.interest).minus(nextIsInterestDate ? s.periodInterestPaid : ZERO) : null,
    daysPastDue: daysPastDue(s, asOf),
    settled: s.disbursedPrincipal.gt(ZERO) && s.outstandingPrincipal.isZero() && sum(Object.values(owed)).isZero(),
  };
}
