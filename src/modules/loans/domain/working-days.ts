import { addDays, addMonthsClamped, type LocalDate } from '../../../platform/dates/local-date.js';
import { type DayOffReason, type WorkingCalendar, yearOf } from '../../../platform/dates/working-calendar.js';
import { openDay } from './accrual.js';
import type { InstallmentState, LoanState } from './loan-state.js';
import { type DueDateMove, type LoanTerms, monthsPerPeriod } from './loan-terms.js';
import { contractualDateOf, moveFields } from './due-date-moves.js';

/**
 * Due dates on working days (docs/working-days.md). Under a moving rule the k-th due date is
 * computed from the start date exactly as domain.md "Due dates" says and then moved to the working
 * day the rule names; the next one is computed from the start date again, never from the moved
 * one, so a shift never accumulates. The engine gets the calendar as a value (WorkingCalendar),
 * never a service.
 */

/** Every contractual due date of the terms (principal and interest dates), in order. */
export function contractualDueDates(terms: LoanTerms): LocalDate[] {
  const p = monthsPerPeriod(terms.principalFrequency, terms.termMonths);
  const i = monthsPerPeriod(terms.interestFrequency, terms.termMonths);
  const offsets = new Set<number>();
  for (let m = p; m <= terms.termMonths; m += p) offsets.add(m);
  for (let m = i; m <= terms.termMonths; m += i) offsets.add(m);
  return [...offsets].sort((a, b) => a - b).map((m) => addMonthsClamped(terms.startDate, m));
}

/** The Gregorian years a calendar must cover to move every due date of the terms (a move may cross 31 December). */
export function calendarYearsFor(terms: LoanTerms): { fromYear: number; toYear: number } {
  return { fromYear: yearOf(terms.startDate), toYear: yearOf(terms.maturityDate) + 1 };
}

/**
 * The moves the loan's rule makes on `calendar`: only the contractual dates that are days off.
 * Moved dates stay strictly after the start date and in the order of the contractual dates; a
 * move that would break that (a break of days off longer than a period) is refused.
 */
export function resolveDueDateMoves(terms: LoanTerms, calendar: WorkingCalendar): DueDateMove[] {
  if (terms.businessDayRule === 'NONE') return [];
  const out: DueDateMove[] = [];
  let previous = terms.startDate;
  for (const contractual of contractualDueDates(terms)) {
    const moved = calendar.move(contractual, terms.businessDayRule);
    if (moved.date <= previous) {
      throw new RangeError(`due date ${contractual} moves to ${moved.date}, not after the previous due date ${previous}`);
    }
    previous = moved.date;
    if (moved.reason && moved.date !== contractual) out.push({ contractualDate: contractual, dueDate: moved.date, reason: moved.reason });
  }
  return out;
}

/** The terms with their due-date moves resolved on `calendar` (what a loan keeps when its schedule is first built). */
export function withDueDateMoves(terms: LoanTerms, calendar: WorkingCalendar): LoanTerms {
  return { ...terms, dueDateMoves: resolveDueDateMoves(terms, calendar) };
}

/** One installment's new date in a DUE_DATE_CHANGE (reason null: back on its contractual date). */
export interface DueDateChangeMove {
  readonly contractualDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly reason: DayOffReason | null;
}

/**
 * A change of the fund's calendar reaching a loan (docs/working-days.md): valued on the open
 * business date X, it re-dates the installments not yet billed (due after X); billed ones never
 * move. Replayed in date order like every other event, so a replay gives the stored dates.
 */
export interface DueDateChange {
  readonly kind: 'DUE_DATE_CHANGE';
  readonly date: LocalDate;
  readonly moves: readonly DueDateChangeMove[];
}

/**
 * The moves a new calendar makes on a loan on business date X: each installment due after X goes
 * to its contractual date moved by the loan's rule on `calendar`, but never on or before X (the
 * open day's due amounts are already being billed; a day already closed cannot bill again): a
 * move that would land there goes to the first working day after X instead.
 */
export function dueDateChangeFor(state: LoanState, date: LocalDate, calendar: WorkingCalendar): DueDateChangeMove[] {
  if (state.terms.businessDayRule === 'NONE') return [];
  const out: DueDateChangeMove[] = [];
  const earliest = addDays(date, 1);
  for (const inst of state.installments) {
    if (inst.billed || inst.dueDate <= date) continue;
    const contractual = contractualDateOf(inst);
    const moved = calendar.move(contractual, state.terms.businessDayRule);
    const target = moved.date < earliest ? calendar.move(earliest, 'NEXT_WORKING_DAY').date : moved.date;
    const reason = target === contractual ? null : (moved.reason ?? calendar.reasonOff(contractual));
    if (target !== inst.dueDate || (reason?.vi ?? null) !== (inst.moveReason?.vi ?? null)) out.push({ contractualDate: contractual, dueDate: target, reason });
  }
  return out;
}

function redate(inst: InstallmentState, move: DueDateChangeMove): InstallmentState {
  const { contractualDate: _c, moveReason: _r, ...rest } = inst;
  return { ...rest, dueDate: move.dueDate, ...moveFields(move.contractualDate, move.dueDate, move.reason) };
}

/** Applies a DUE_DATE_CHANGE valued X to a state closed before X: only installments due after X move. */
export function applyDueDateChange(state: LoanState, change: DueDateChange): LoanState {
  const draft = openDay(state, change.date);
  const byContractual = new Map(change.moves.map((m) => [m.contractualDate, m]));
  draft.installments = draft.installments.map((inst) => {
    const move = byContractual.get(contractualDateOf(inst));
    return !move || inst.billed || inst.dueDate <= change.date ? inst : { ...redate(inst, move) };
  });
  return draft;
}
