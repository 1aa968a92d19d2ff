// Renditions (change together): src/modules/loans/engine-sql/loan-positions.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { type Money, ZERO } from '../../../platform/money/money.js';
import { addDays, type LocalDate } from '../../../platform/dates/local-date.js';
import { LoanDomainError } from './loan-errors.js';
import { type InstallmentDraft, type LoanState, newInstallment } from './loan-state.js';
import { DAYS_IN_YEAR, assertValidTerms, rebuildRemaining, scheduleSlots } from './schedule.js';
import { moveFields } from './due-date-moves.js';

/**
 * A loan brought in at a cut-over date without its history (docs/book-import.md "Opening
 * positions"): the old book's figures as of the END of `date` (the cut-over day is closed). The
 * loan continues from them as from any state: the next close accrues from date + 1, bills the
 * remaining schedule, ages the overdue amounts and classifies the loan.
 *
 * How the figures become an engine state (so every read model gives them back on `date`):
 *  - the overdue principal and overdue interest are one billed, unpaid installment due on
 *    date − daysPastDue, so DPD on `date` is the stated one and grows from there (domain.md
 *    "Overdue": DPD runs from the oldest unpaid due date); the overdue interest is billed unpaid
 *    interest on it (late interest accrues on it from date + 1). Penalties accrued before the
 *    cut-over are not in the sheet: they start at zero;
 *  - the principal not yet due (outstanding − overdue) is spread over the contract's due dates
 *    after `date` by the loan's method, as a rebuild after a tranche does (RESPREAD);
 *  - the accrued, unbilled interest is the current period's numerator (× 365), billed with the
 *    rest of the period on the next interest date;
 *  - the principal repaid before the cut-over (disbursed − outstanding) is off the schedule, as a
 *    prepayment is (the invariant disbursed = Σ principal due + prepaid holds).
 */
export interface OpeningPosition {
  readonly kind: 'OPENING_POSITION';
  /** The cut-over date: the position is at the end of this day. */
  readonly date: LocalDate;
  readonly disbursedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  readonly overduePrincipal: Money;
  /** Interest billed and not paid at the cut-over (the old book's overdue interest). */
  readonly overdueInterest: Money;
  /** Interest accrued in the current period and not billed yet. */
  readonly accruedInterest: Money;
  readonly daysPastDue: number;
}

function inconsistent(rule: string, p: OpeningPosition): never {
  throw new LoanDomainError('LOAN.OPENING_POSITION_INCONSISTENT', `opening position on ${p.date}: ${rule}`, { rule, date: p.date });
}

/** Every rule a position breaks against the terms (first one thrown): whole VND, order of the amounts, dates. */
function check(state: LoanState, p: OpeningPosition): void {
  const amounts: Array<[string, Money]> = [
    ['disbursedPrincipal', p.disbursedPrincipal],
    ['outstandingPrincipal', p.outstandingPrincipal],
    ['overduePrincipal', p.overduePrincipal],
    ['overdueInterest', p.overdueInterest],
    ['accruedInterest', p.accruedInterest],
  ];
  for (const [name, a] of amounts) if (!a.isInteger() || a.isNegative()) inconsistent(`${name} must be whole VND, not negative`, p);
  if (!p.disbursedPrincipal.gt(ZERO)) inconsistent('disbursedPrincipal must be above zero', p);
  if (p.outstandingPrincipal.gt(p.disbursedPrincipal)) inconsistent('outstanding > disbursed', p);
  if (p.overduePrincipal.gt(p.outstandingPrincipal)) inconsistent('overdue > outstanding', p);
  if (!Number.isInteger(p.daysPastDue) || p.daysPastDue < 0) inconsistent('daysPastDue must be a whole number ≥ 0', p);
  if (p.date < state.terms.startDate) inconsistent(`the cut-over date is before the first disbursement ${state.terms.startDate}`, p);
  const overdue = p.overduePrincipal.gt(ZERO) || p.overdueInterest.gt(ZERO);
  if (overdue && addDays(p.date, -p.daysPastDue) <= state.terms.startDate) inconsistent('days past due reach back to the first disbursement', p);
  if (!overdue && p.daysPastDue > 0) inconsistent('days past due without anything overdue', p);
}

/** The state at the end of the cut-over date; `state` must be a loan with no event yet (initialLoanState). */
export function applyOpeningPosition(state: LoanState, p: OpeningPosition): LoanState {
  assertValidTerms(state.terms);
  if (state.installments.length > 0 || state.disbursedPrincipal.gt(ZERO)) {
    throw new LoanDomainError('LOAN.OPENING_POSITION_NOT_FIRST', `an opening position must be the loan's first event (${p.date})`, { date: p.date });
  }
  check(state, p);
  const terms = state.terms;
  const installments: InstallmentDraft[] = [];
  if (p.overduePrincipal.gt(ZERO) || p.overdueInterest.gt(ZERO)) {
    const due = addDays(p.date, -p.daysPastDue);
    installments.push({
      ...newInstallment({
        seq: 1,
        dueDate: due,
        principalDate: p.overduePrincipal.gt(ZERO),
        interestDate: p.overdueInterest.gt(ZERO),
        principal: p.overduePrincipal,
        ...moveFields(due, due, undefined),
      }),
      billed: true,
      interestDue: p.overdueInterest,
    });
  }
  const notDue = p.outstandingPrincipal.minus(p.overduePrincipal);
  const slots = scheduleSlots(terms).filter((s) => s.dueDate > p.date);
  const numerator = p.accruedInterest.mul(DAYS_IN_YEAR);
  if (notDue.gt(ZERO) && !slots.some((s) => s.principalDate))
    inconsistent('principal not yet due but no due date of the contract is left after the cut-over', p);
  if (p.accruedInterest.gt(ZERO) && slots.length === 0) inconsistent('accrued interest but no due date of the contract is left after the cut-over', p);
  // Slots left only when something is still to be billed on them (a loan repaid before the cut-over has none).
  if (notDue.gt(ZERO) || p.accruedInterest.gt(ZERO)) {
    const planned = rebuildRemaining({ terms, from: addDays(p.date, 1), numerator, slots, remainingPrincipal: notDue, mode: 'RESPREAD' });
    const first = installments.length + 1;
    for (const [k, slot] of planned.entries()) installments.push(newInstallment({ ...slot, seq: first + k }));
  }
  return {
    terms,
    disbursedPrincipal: p.disbursedPrincipal,
    outstandingPrincipal: p.outstandingPrincipal,
    prepaidPrincipal: p.disbursedPrincipal.minus(p.outstandingPrincipal),
    periodInterestNumerator: numerator,
    periodInterestPaid: ZERO,
    lastClosedDate: p.date,
    installments,
  };
}
