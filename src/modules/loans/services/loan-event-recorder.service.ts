import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlStatement, preparedQuery } from '../../../platform/database/index.js';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { idempotencyContext, idempotencyStore } from '../../../platform/idempotency/index.js';
import { Money } from '../../../platform/money/index.js';
import { AuditService } from '../../audit/index.js';
import { FLOW_KINDS } from '../../ledger/index.js';
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
  currentMaturity,
  loanSummary,
  withDueDateMoves,
  replayToOpenDay,
} from '../domain/index.js';
import { LoanPostings } from './loan-postings.service.js';
import { type LoanRow, type SaveStateExtra, loanStore, termsOf } from './loan-store.repository.js';
import { saveStateIn } from './loan-state-write.js';

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
  /** The ids reserved for the write (loanStore.lockForMoney); reserved by `record` when absent. */
  eventId?: string;
  journalTransactionIds?: readonly [string, string];
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
   * Locks the loan for a money movement and reads what `record` needs, in one round trip
   * (loanStore.lockForMoney): the row, the business date and the state read after the lock,
   * and the ids the write will use.
   */
  async lockForMoney(m: EntityManager, actor: Actor, loanId: string, lockTimeoutMs: number): Promise<{ row: LoanRow; ctx: LockedContext }> {
    const locked = await loanStore.lockForMoney(m, actor, loanId, lockTimeoutMs);
    const business = locked.openDate ?? (await this.businessDate.current(m));
    return {
      row: locked.row,
      ctx: { business, lastClosed: addDays(business, -1), state: locked.state, eventId: locked.eventId, journalTransactionIds: locked.journalTransactionIds },
    };
  }

  /**
   * Records the event in one statement after the engine (a prepared one: the repayment's hot
   * path): the state (loan row with the flow counters of the movement, installments), the
   * income catch-up and the movement (balanced journal transactions), the event, its
   * allocation, the audit event (which takes its chain's lock in that statement, see
   * AuditService.recordIn) and, when `respond` is given and the request carries an
   * Idempotency-Key, the stored response (so it commits with the money, as TransactionRunner's).
   * The saved row and the response are built from what is written, not read back.
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
    const ids = ctx?.eventId && ctx.journalTransactionIds ? { eventId: ctx.eventId, journal: ctx.journalTransactionIds } : await reserveIds(m);
    const eventId = ids.eventId;
    // Two journal ids are reserved (in sequence order): the catch-up takes the first when there is one, the movement the second.
    const journalTransactionId = ids.journal[1];
    const extra: SaveStateExtra = {
      status,
      closedOn: settled ? e.valueDate : null,
      trancheCount: e.kind === 'DISBURSEMENT' ? row.tranche_count + 1 : undefined,
      earnedPosted: this.postings.pendingIncome(row, state) ?? undefined,
    };
    const fresh = savedRow(row, state, extra);
    const recorded: RecordedEvent = { eventId, journalTransactionId, state, allocation, status, row: fresh };

    const stmt = new SqlStatement();
    if (accrual) this.postings.postIn(stmt, 'accrual', actor, accrual, ids.journal[0]);
    this.postings.postIn(stmt, 'movement', actor, movement, journalTransactionId, 'merged');
    // The movement's flow counters go in the state's UPDATE of the loan row (one update of a row per statement).
    const flows = FLOW_KINDS.includes(movement.header.kind) ? { entries: 'movement_entries', kind: movement.header.kind, valueDate: e.valueDate } : undefined;
    saveStateIn(stmt, row.id, state, extra, 'l.id', flows);
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
    const { sql, params } = stmt.build('SELECT count(*)::int AS n FROM upd');
    const [{ n }] = await preparedQuery<{ n: number }>(m, sql, params);
    if (n !== 1) throw new Error(`loan ${row.id}: the state write updated ${n} rows`);
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

/** Ids for `record` when the lock did not reserve them (a disbursement): the event's and two journal transactions' in sequence order. */
async function reserveIds(m: EntityManager): Promise<{ eventId: string; journal: readonly [string, string] }> {
  const [r] = (await m.query(
    `SELECT nextval(pg_get_serial_sequence('loan_events', 'id'))::text AS event,
            ARRAY(SELECT n FROM (SELECT nextval(pg_get_serial_sequence('journal_transactions', 'id')) AS n FROM generate_series(1, 2)) s ORDER BY n)::text[] AS journal`,
  )) as Array<{ event: string; journal: string[] }>;
  return { eventId: r.event, journal: [r.journal[0], r.journal[1]] };
}

/** The loan row as the state write leaves it (the columns it sets; the rest as read under the lock). */
function savedRow(row: LoanRow, state: LoanState, extra: SaveStateExtra): LoanRow {
  return {
    ...row,
    status: extra.status,
    start_date: state.terms.startDate,
    maturity_date: currentMaturity(state),
    disbursed_principal: state.disbursedPrincipal.toFixed(),
    outstanding_principal: state.outstandingPrincipal.toFixed(),
    prepaid_principal: state.prepaidPrincipal.toFixed(),
    period_interest_numerator: state.periodInterestNumerator.toFixed(),
    period_interest_paid: state.periodInterestPaid.toFixed(),
    last_closed_date: state.lastClosedDate,
    closed_on: extra.closedOn,
    tranche_count: extra.trancheCount ?? row.tranche_count,
    interest_earned_posted: extra.earnedPosted?.interest ?? row.interest_earned_posted,
    overdue_interest_earned_posted: extra.earnedPosted?.overdue ?? row.overdue_interest_earned_posted,
    late_interest_earned_posted: extra.earnedPosted?.late ?? row.late_interest_earned_posted,
    due_date_moves: state.terms.dueDateMoves as LoanRow['due_date_moves'],
  };
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
