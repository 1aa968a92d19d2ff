import type { Money } from '../../../platform/money/money.js';
import type { LocalDate } from '../../../platform/dates/local-date.js';
import { openDay } from './accrual.js';
import { LoanDomainError, assertPositiveWholeVnd } from './loan-errors.js';
import { type LoanState, newInstallment, notDuePrincipal, replaceNotDue, toPlanned } from './loan-state.js';
import { assertValidTerms, buildSchedule, rebuildRemaining } from './schedule.js';

/**
 * A disbursement valued X (domain.md "Tranches"): it accrues interest from day X included (it is
 * applied before the close of X). The first one creates the schedule; a later tranche rebuilds the
 * installments not yet due (due after X; those due on X are already billed) so the scheduled
 * principal equals everything disbursed, keeping the maturity date.
 */
export function disburse(state: LoanState, date: LocalDate, amount: Money): LoanState {
  assertValidTerms(state.terms);
  assertPositiveWholeVnd(amount, 'a disbursement');
  const draft = openDay(state, date);
  const first = draft.installments.length === 0;

  if (first) {
    if (date !== draft.terms.startDate) {
      throw new LoanDomainError(
        'LOAN.FIRST_DISBURSEMENT_NOT_ON_START_DATE',
        `the first disbursement must be valued on the start date ${draft.terms.startDate}, got ${date}`,
        { date, startDate: draft.terms.startDate },
      );
    }
    draft.installments = buildSchedule(draft.terms, amount, date).map(newInstallment);
  } else {
    const notDue = draft.installments.filter((i) => !i.billed);
    if (!notDue.some((i) => i.principalDate)) {
      throw new LoanDomainError('LOAN.DISBURSEMENT_AFTER_LAST_DUE_DATE', `no principal due date is left after ${date}`, { date });
    }
    const rebuilt = rebuildRemaining({
      terms: draft.terms,
      from: date,
      numerator: draft.periodInterestNumerator,
      slots: notDue.map(toPlanned),
      remainingPrincipal: notDuePrincipal(draft).plus(amount),
      mode: 'RESPREAD',
    });
    replaceNotDue(draft, rebuilt);
  }
  draft.disbursedPrincipal = draft.disbursedPrincipal.plus(amount);
  draft.outstandingPrincipal = draft.outstandingPrincipal.plus(amount);
  return draft;
}
