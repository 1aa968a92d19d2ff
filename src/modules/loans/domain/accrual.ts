// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { addDays, daysBetween, type LocalDate } from '../../../platform/dates/local-date.js';
import { LoanDomainError } from './loan-errors.js';
import { accrueDays, billDueOn, draftOf, type LoanState, type LoanStateDraft } from './loan-state.js';

/**
 * Close of business for one loan (domain.md "Close of business"): for day D, bill what is due
 * on D (if not yet), then accrue day D. A repayment valued X sees the accruals of days < X.
 */

/**
 * Closes day D. Idempotent: a day already closed returns the state unchanged. Missed days are
 * closed one by one in order (domain.md), so D must be the day after lastClosedDate.
 */
export function closeDay(state: LoanState, date: LocalDate): LoanState {
  if (date <= state.lastClosedDate) return state;
  if (addDays(state.lastClosedDate, 1) !== date) {
    throw new LoanDomainError('LOAN.DAY_CLOSED_OUT_OF_ORDER', `day ${date} cannot be closed before ${addDays(state.lastClosedDate, 1)}`, {
      date,
      lastClosedDate: state.lastClosedDate,
    });
  }
  const draft = draftOf(state);
  billDueOn(draft, date);
  accrueDays(draft, 1);
  return draft;
}

/**
 * Closes every day through `through` in spans: between two due dates nothing changes the
 * balances, so the span's accrual is one multiplication by its length. Gives exactly the state
 * that closeDay called day by day gives.
 */
export function closeThrough(state: LoanState, through: LocalDate): LoanState {
  if (through <= state.lastClosedDate) return state;
  const draft = draftOf(state);
  closeDraftThrough(draft, through);
  return draft;
}

export function closeDraftThrough(draft: LoanStateDraft, through: LocalDate): void {
  while (draft.lastClosedDate < through) {
    const day = addDays(draft.lastClosedDate, 1);
    billDueOn(draft, day);
    const nextDue = draft.installments.find((i) => !i.billed && i.dueDate > day)?.dueDate;
    const end = nextDue !== undefined && nextDue <= through ? nextDue : addDays(through, 1);
    accrueDays(draft, daysBetween(day, end));
  }
}

/**
 * The state every event valued X sees (domain.md day model): all days before X closed, the
 * installments due on X billed. Events are applied in date order; one valued before the last
 * closed day needs a replay from the events instead.
 */
export function openDay(state: LoanState, date: LocalDate): LoanStateDraft {
  if (date < state.terms.startDate) {
    throw new LoanDomainError('LOAN.EVENT_BEFORE_START_DATE', `${date} is before the start date ${state.terms.startDate}`, { date });
  }
  if (date <= state.lastClosedDate) {
    throw new LoanDomainError('LOAN.EVENT_BEFORE_CLOSED_DATE', `${date} is already closed (through ${state.lastClosedDate}): replay the events`, {
      date,
      lastClosedDate: state.lastClosedDate,
    });
  }
  const draft = draftOf(state);
  closeDraftThrough(draft, addDays(date, -1));
  billDueOn(draft, date);
  return draft;
}
