import type { LocalDate } from '../../../platform/dates/local-date.js';
import type { DayOffReason } from '../../../platform/dates/working-calendar.js';
import type { LoanTerms } from './loan-terms.js';

/** Due-date move fields of installments (docs/working-days.md); no imports of the engine, so any engine file may use them. */

/** Where an installment's due date came from when it moved; absent when it did not move. */
export interface DueDateMoveFields {
  /** The due date before the move (start date + k periods, or the date a restructuring gave). */
  readonly contractualDate?: LocalDate;
  /** Why the contractual date is a day off (the holiday's name). */
  readonly moveReason?: DayOffReason;
}

/** The fields to put on an installment whose date moved from `contractual` to `due` (none when equal). */
export function moveFields(contractual: LocalDate, due: LocalDate, reason: DayOffReason | null | undefined): DueDateMoveFields {
  return contractual === due || !reason ? {} : { contractualDate: contractual, moveReason: reason };
}

/** The installment's date before any move. */
export function contractualDateOf(i: { readonly dueDate: LocalDate; readonly contractualDate?: LocalDate }): LocalDate {
  return i.contractualDate ?? i.dueDate;
}

/** The moved date of a contractual date under the terms' resolved moves. */
export function movedDueDate(terms: LoanTerms, contractual: LocalDate): { date: LocalDate; reason: DayOffReason | null } {
  const move = terms.dueDateMoves.find((m) => m.contractualDate === contractual);
  return move ? { date: move.dueDate, reason: move.reason } : { date: contractual, reason: null };
}
