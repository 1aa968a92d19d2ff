import type { Money } from '../../../platform/money/money.js';
import type { LocalDate } from '../../../platform/dates/local-date.js';
import { closeThrough } from './accrual.js';
import { type RepaymentAllocation, allocateRepayment } from './allocation.js';
import { disburse } from './disbursement.js';
import { type LoanState, initialLoanState } from './loan-state.js';
import type { LoanTerms } from './loan-terms.js';
import { assertValidTerms } from './schedule.js';
import { type ScheduleChange, applyScheduleChange } from './schedule-change.js';
import { type DueDateChange, applyDueDateChange } from './working-days.js';
import { type OpeningPosition, applyOpeningPosition } from './opening-position.js';

/**
 * A loan's state on any date is a pure function of its terms and dated events. A reversed
 * repayment is simply absent (the caller filters it). An approved restructuring is a
 * `ScheduleChange { date, installments }` (schedule-change.ts), applied like the others.
 */
export interface Disbursement {
  readonly kind: 'DISBURSEMENT';
  readonly date: LocalDate;
  readonly amount: Money;
}

export interface Repayment {
  readonly kind: 'REPAYMENT';
  readonly id: string;
  readonly date: LocalDate;
  readonly amount: Money;
}

/**
 * A calendar change reaching the loan (DUE_DATE_CHANGE, working-days.ts) is an event like the others;
 * so is the position a loan brought in at a cut-over date starts from (OPENING_POSITION,
 * opening-position.ts: its first event, the state at the end of its date).
 */
export type LoanEvent = Disbursement | Repayment | ScheduleChange | DueDateChange | OpeningPosition;

export interface ReplayResult {
  readonly state: LoanState;
  /** Each repayment's allocation, in the order applied. */
  readonly repayments: readonly { readonly id: string; readonly allocation: RepaymentAllocation }[];
}

/** Applies one event valued X to a state closed before X (the event first bills what is due on X). */
export function applyEvent(state: LoanState, event: LoanEvent): { state: LoanState; allocation?: RepaymentAllocation } {
  switch (event.kind) {
    case 'DISBURSEMENT':
      return { state: disburse(state, event.date, event.amount) };
    case 'REPAYMENT': {
      const allocation = allocateRepayment(state, event.date, event.amount);
      return { state: allocation.state, allocation };
    }
    case 'SCHEDULE_CHANGE':
      return { state: applyScheduleChange(state, event) };
    case 'DUE_DATE_CHANGE':
      return { state: applyDueDateChange(state, event) };
    case 'OPENING_POSITION':
      return { state: applyOpeningPosition(state, event) };
  }
}

/**
 * The state after closing every day through asOf. Events valued after asOf are ignored; events
 * valued X are applied in date order (same date: in the order given, i.e. recording order) before
 * the close of X. Between events the days are closed in spans, giving exactly what closing day by
 * day gives.
 */
export function replay(terms: LoanTerms, events: readonly LoanEvent[], asOf: LocalDate): ReplayResult {
  assertValidTerms(terms);
  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.date <= asOf)
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  let state = initialLoanState(terms);
  const repayments: { id: string; allocation: RepaymentAllocation }[] = [];
  for (const { event } of ordered) {
    const applied = applyEvent(state, event);
    state = applied.state;
    if (event.kind === 'REPAYMENT' && applied.allocation) repayments.push({ id: event.id, allocation: applied.allocation });
  }
  return { state: closeThrough(state, asOf), repayments };
}
