import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlStatement } from '../../../platform/database/index.js';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { idempotencyContext, idempotencyStore } from '../../../platform/idempotency/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CalendarService } from '../../calendar/index.js';
import {
  type LoanEvent,
  type LoanState,
  type LoanTerms,
  type RepaymentAllocation,
  type ReplayResult,
  applyEvent,
  calendarYearsFor,
  loanSummary,
  withDueDateMoves,
  replayToOpenDay,
} from '../domain/index.js';
import { LoanPostings } from './loan-postings.service.js';
import { type LoanRow, loanStore, termsOf } from './loan-store.repository.js';

/** The id the engine gives the event being recorded (or previewed) among the replayed ones. */
export const NEW_EVENT_ID = 'new';

export interface NewEvent {
  kind: 'DISBURSEMENT' | 'REPAYMENT';
  amount: Money;
  valueDate: LocalDate;
  reference: string;
  channel: string;
}

export interface RecordedEvent {
  eventId: string;
  journalTransactionId: string;
  state: LoanState;
  allocation: RepaymentAllocation | null;
  status: LoanRow['status'];
  /** The loan row as saved (for the response: no re-read). */
  row: LoanRow;
}

export interface LockedContext {
  business: LocalDate;
  lastClosed: LocalDate;
  state: LoanState | null;
}

/**
 * The one path every money event takes on a locked loan: compute the new state with the
 * engine (incrementally on the open day, by replaying the events when backdated into
 * closed days), write the state cache, the event and its allocation, the journal
 * transactions (income catch-up, then the movement), all in the caller's transaction.
 */
@Injectable()
export class LoanEventRecorder {
  constructor(
    private readonly postings: LoanPostings,
    private readonly businessDate: BusinessDateService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
  ) {}

  async businessDay(m: EntityManager): Promise<{ business: LocalDate; lastClosed: LocalDate }> {
    const business = await this.businessDate.current(m);
    return { business, lastClosed: addDays(business, -1) };
  }

  /**
   * The state with `event` added: the engine's answer, whichever way it is reached. A replay
   * also returns the other repayments' allocations, which may have changed.
   */
  async nextState(
    m: EntityManager,
    row: LoanRow,
    event: LoanEvent,
    lastClosed: LocalDate,
    loaded?: { state: LoanState | null },
  ): Promise<{ state: LoanState; allocation: RepaymentAllocation | null; others: ReplayResult['repayments'] }> {
    const current = loaded ? loaded.state : await loanStore.state(m, row);
    const terms = row.start_date ? (termsOf(row) as LoanTerms) : await this.firstTerms(m, row, event.date);
    if (current && event.date > current.lastClosedDate && current.lastClosedDate === lastClosed) {
      const applied = applyEvent(current, event);
      return { state: applied.state, allocation: applied.allocation ?? null, others: [] };
    }
    const events = current ? await loanStore.events(m, row.id) : [];
    const replayed = replayToOpenDay(terms, [...events, event], lastClosed);
    return {
      state: replayed.state,
      allocation: replayed.repayments.find((r) => r.id === NEW_EVENT_ID)?.allocation ?? null,
      others: replayed.repayments.filter((r) => r.id !== NEW_EVENT_ID),
    };
  }

  /**
   * The terms at the first disbursement, which fixes the start date (docs/working-days.md): under a
   * moving rule the due dates that fall on days off are moved on the fund's calendar now and kept
   * with the loan (saved with the state), so every later replay gives the same dates.
   */
  async firstTerms(m: EntityManager, row: LoanRow, startDate: LocalDate): Promise<LoanTerms> {
    const terms = termsOf(row, startDate) as LoanTerms;
    if (terms.businessDayRule === 'NONE') return terms;
    const { fromYear, toYear } = calendarYearsFor(terms);
    return withDueDateMoves(terms, await this.calendar.workingCalendar(m, fromYear, toYear));
  }

  /**
   * After a replay, a repayment whose split changed gets its journal transaction reversed
   * and re-posted with the new split, and its old allocation lines superseded (kept).
   */
  async reallocate(m: EntityManager, actor: Actor, row: LoanRow, repayments: ReplayResult['repayments'], bookingDate: LocalDate): Promise<void> {
    for (const r of repayments) {
      const stored: Array<{ step: string; component: string; installment_seq: number | null; amount: string }> = await m.query(
        `SELECT step, component, installment_seq, amount FROM loan_event_allocations WHERE event_id = $1 AND superseded_at IS NULL ORDER BY line_no`,
        [r.id],
      );
      const next = r.allocation.lines.filter((l) => l.amount.gt(0));
      const same =
        stored.length === next.length &&
        stored.every(
          (s, i) => s.step === next[i].step && s.component === next[i].component && s.installment_seq === next[i].seq && next[i].amount.eq(s.amount),
        );
      if (same) continue;
      const [ev] = (await m.query(`SELECT value_date::text AS value_date, amount, reference, journal_transaction_id FROM loan_events WHERE id = $1`, [
        r.id,
      ])) as Array<{
        value_date: string;
        amount: string;
        reference: string;
        journal_transaction_id: string;
      }>;
      await this.postings.reverse(m, actor, ev.journal_transaction_id, row, ev.value_date, bookingDate, `phân bổ lại thu nợ ${r.id}`);
      const reposted = await this.postings.repayment(m, actor, row, r.allocation.totals, new Money(ev.amount), ev.value_date, bookingDate, ev.reference);
      await m.query(`UPDATE loan_events SET journal_transaction_id = $2 WHERE id = $1`, [r.id, reposted]);
      await m.query(`UPDATE loan_event_allocations SET superseded_at = now() WHERE event_id = $1 AND superseded_at IS NULL`, [r.id]);
      await this.saveAllocation(m, r.id, r.allocation);
    }
  }

  /**
   * Right after the row lock: resets lock_timeout and reads the business date and the state in
   * one round trip; `record` then uses them instead of reading them again.
   */
  async lockedContext(m: EntityManager, row: LoanRow): Promise<LockedContext> {
    const { openDate, state } = await loanStore.lockedContext(m, row);
    const business = openDate ?? (await this.businessDate.current(m));
    return { business, lastClosed: addDays(business, -1), state };
  }

  /**
   * Records the event. Round trips after the engine: one statement writes the state and takes
   * the audit chain's lock (reserving the event's and journal transactions' ids), one writes
   * the income catch-up and the movement (balanced journal transactions), the event, its
   * allocation, the audit event and, when `respond` is given and the request carries an
   * Idempotency-Key, the stored response (so it commits with the money, as TransactionRunner's).
   */
  async record<R = undefined>(
    m: EntityManager,
    actor: Actor,
    row: LoanRow,
    e: NewEvent,
    ctx?: LockedContext,
    respond?: (recorded: RecordedEvent) => R,
  ): Promise<RecordedEvent & { response: R | undefined }> {
    const { business, lastClosed } = ctx ?? (await this.businessDay(m));
    const event: LoanEvent =
      e.kind === 'DISBURSEMENT'
        ? { kind: 'DISBURSEMENT', date: e.valueDate, amount: e.amount }
        : { kind: 'REPAYMENT', id: NEW_EVENT_ID, date: e.valueDate, amount: e.amount };
    const { state, allocation, others } = await this.nextState(m, row, event, lastClosed, ctx);
    const settled = loanSummary(state, state.lastClosedDate).settled || (allocation?.settled ?? false);
    const status: LoanRow['status'] = settled ? 'CLOSED' : 'ACTIVE';
    // The catch-up posts against `row`'s marks (before); the new marks go with the state (one UPDATE).
    const accrual = this.postings.accrualPosting(row, state, e.valueDate, business);
    const movement =
      e.kind === 'DISBURSEMENT'
        ? this.postings.disbursementPosting(row, e.amount, e.valueDate, business, e.reference)
        : this.postings.repaymentPosting(row, (allocation as RepaymentAllocation).totals, e.amount, e.valueDate, business, e.reference);
    // The audit chain's lock is taken with the state write, so the audit insert (the next statement) sees the chain's latest event.
    const saved = await loanStore.saveStateReserving(
      m,
      row.id,
      state,
      {
        status,
        closedOn: settled ? e.valueDate : null,
        trancheCount: e.kind === 'DISBURSEMENT' ? row.tranche_count + 1 : undefined,
        earnedPosted: this.postings.pendingIncome(row, state) ?? undefined,
      },
      { chainLock: this.audit.chainLockKey('loan', row.id), journalTransactions: accrual ? 2 : 1 },
    );
    const fresh = saved.row;
    const eventId = saved.eventId as string;
    const journalTransactionId = saved.journalTransactionIds[accrual ? 1 : 0];
    const recorded: RecordedEvent = { eventId, journalTransactionId, state, allocation, status, row: fresh };

    const stmt = new SqlStatement();
    if (accrual) this.postings.postIn(stmt, 'accrual', actor, accrual, saved.journalTransactionIds[0]);
    this.postings.postIn(stmt, 'movement', actor, movement, journalTransactionId);
    const ev = stmt.add(eventId);
    stmt.cte(
      'event',
      `INSERT INTO loan_events (id, loan_id, kind, value_date, booking_date, amount, reference, channel, journal_transaction_id, created_by)
       OVERRIDING SYSTEM VALUE
       VALUES (${ev}::bigint, ${stmt.add(row.id)}::bigint, ${stmt.add(e.kind)}, ${stmt.add(e.valueDate)}::date, ${stmt.add(business)}::date,
               ${stmt.add(e.amount.toFixed())}::numeric, ${stmt.add(e.reference)}, ${stmt.add(e.channel)}, ${stmt.add(journalTransactionId)}::bigint,
               ${stmt.add(actor.userId)}::bigint)`,
    );
    if (allocation) allocationIn(stmt, ev, allocation);
    this.audit.recordIn(stmt, 'audit', actor, {
      action: e.kind === 'DISBURSEMENT' ? 'loan.disburse' : 'loan.repay',
      entityType: 'loan',
      entityId: row.id,
      before: { status: row.status, outstandingPrincipal: row.outstanding_principal },
      after: { status, outstandingPrincipal: state.outstandingPrincipal.toFixed(), eventId, amount: e.amount.toFixed(), valueDate: e.valueDate },
    });
    const response = respond ? respond(recorded) : undefined;
    const claim = respond ? idempotencyContext.getStore() : undefined;
    const storing = claim !== undefined && !claim.completedInTransaction && !claim.storedInTransaction;
    if (claim && storing) idempotencyStore.completeIn(stmt, 'response', claim, response);
    const { sql, params } = stmt.build('SELECT 1');
    await m.query(sql, params);
    if (claim && storing) claim.storedInTransaction = true;
    await this.reallocate(m, actor, fresh, others, business);
    return { ...recorded, response };
  }

  async saveAllocation(m: EntityManager, eventId: string, allocation: RepaymentAllocation): Promise<void> {
    const stmt = new SqlStatement();
    if (!allocationIn(stmt, stmt.add(eventId), allocation)) return;
    const { sql, params } = stmt.build('SELECT 1');
    await m.query(sql, params);
  }
}

/** The allocation's lines with an amount, as an `allocation` CTE of `stmt` for the event `ev` (a placeholder); false when there are none. */
function allocationIn(stmt: SqlStatement, ev: string, allocation: RepaymentAllocation): boolean {
  const lines = allocation.lines.filter((l) => l.amount.gt(0));
  if (lines.length === 0) return false;
  stmt.cte(
    'allocation',
    `INSERT INTO loan_event_allocations (event_id, line_no, step, component, installment_seq, amount)
     SELECT ${ev}::bigint, n, s, c, q, a
     FROM unnest(${stmt.add(lines.map((_, i) => i + 1))}::int[], ${stmt.add(lines.map((l) => l.step))}::text[], ${stmt.add(lines.map((l) => l.component))}::text[],
                 ${stmt.add(lines.map((l) => l.seq))}::int[], ${stmt.add(lines.map((l) => l.amount.toFixed()))}::numeric[]) AS t(n, s, c, q, a)`,
  );
  return true;
}
