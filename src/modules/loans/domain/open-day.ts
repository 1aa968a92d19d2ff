import type { LocalDate } from '../../../platform/dates/local-date.js';
import { addDays } from '../../../platform/dates/local-date.js';
import type { LoanState } from './loan-state.js';
import type { LoanTerms } from './loan-terms.js';
import { type LoanEvent, type ReplayResult, applyEvent, replay } from './replay.js';

/**
 * The state a service works on during an open business day: every day through
 * lastClosedDate closed, and the events valued on the open day (lastClosedDate + 1)
 * applied without closing it. Used to recompute a loan from its events after a backdated
 * repayment or a reversal; the result equals what recording the events in order gives.
 */
export function replayToOpenDay(terms: LoanTerms, events: readonly LoanEvent[], lastClosedDate: LocalDate): ReplayResult {
  const closed = replay(terms, events, lastClosedDate);
  const openDate = addDays(lastClosedDate, 1);
  let state: LoanState = closed.state;
  const repayments = [...closed.repayments];
  for (const event of events) {
    if (event.date !== openDate) continue;
    const applied = applyEvent(state, event);
    state = applied.state;
    if (event.kind === 'REPAYMENT' && applied.allocation) repayments.push({ id: event.id, allocation: applied.allocation });
  }
  return { state, repayments };
}
