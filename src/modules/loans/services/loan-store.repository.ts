import type { EntityManager } from 'typeorm';
import { SqlStatement, preparedQuery } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import {
  type DueDateChangeMove,
  type InstallmentState,
  type LoanEvent,
  type LoanState,
  type LoanTerms,
  initialLoanState,
  makeLoanTerms,
  moveFields,
} from '../domain/index.js';
import { type SaveStateExtra, saveStateIn } from './loan-state-write.js';
import { LOAN_COLUMNS, type InstallmentRow, type LoanRow } from './loan-row.js';

export type { SaveStateExtra } from './loan-state-write.js';
export { LOAN_COLUMNS, type LoanRow } from './loan-row.js';

/** The loan's copied contract terms; null before the first disbursement fixes the start date. */
export function termsOf(row: LoanRow, startDate: LocalDate | null = row.start_date): LoanTerms | null {
  if (!startDate) return null;
  return makeLoanTerms({
    annualRate: new Money(row.annual_rate),
    overdueMultiplier: new Money(row.overdue_multiplier),
    lateInterestRate: new Money(row.late_interest_rate),
    method: row.amortization_method,
    principalFrequency: row.principal_frequency,
    interestFrequency: row.interest_frequency,
    termMonths: row.term_months,
    gracePeriods: row.grace_periods,
    roundingUnit: new Money(row.rounding_unit),
    allocationOrder: row.allocation_order,
    prepaymentMode: row.prepayment_mode,
    startDate,
    businessDayRule: row.business_day_rule,
    dueDateMoves: row.due_date_moves,
  });
}

/** A COOPERATIVE user reaches only its own borrower's loans; others get the same 404 as a missing id. */
export function assertMayRead(actor: Actor, row: { borrower_id: string } | undefined, id: string): asserts row {
  if (!row || (isCooperativeOnly(actor) && String(row.borrower_id) !== actor.borrowerId)) throw notFound('loan', id);
}

const INSTALLMENTS_JSON = `SELECT coalesce(json_agg(json_build_object(
    'seq', i.seq, 'due_date', i.due_date::text, 'principal_date', i.principal_date, 'interest_date', i.interest_date,
    'principal_due', i.principal_due::text, 'interest_due', i.interest_due::text, 'billed', i.billed, 'principal_paid', i.principal_paid::text,
    'interest_paid', i.interest_paid::text, 'overdue_interest_numerator', i.overdue_interest_numerator::text,
    'late_interest_numerator', i.late_interest_numerator::text, 'overdue_interest_paid', i.overdue_interest_paid::text,
    'late_interest_paid', i.late_interest_paid::text, 'contractual_date', i.contractual_date::text, 'move_reason_vi', i.move_reason_vi,
    'move_reason_en', i.move_reason_en) ORDER BY i.seq), '[]'::json)
  FROM loan_installments i WHERE i.loan_id = l.id AND NOT i.superseded`;

/**
 * The installments a loan's summary reads (loan-summary.ts), ordered by seq: every one not billed
 * yet (the next due amount projects them) and the billed ones that still owe anything or carry a
 * penalty numerator (what the owed sums and DPD read). A billed installment paid in full with no
 * penalty adds zero to every sum of loanSummary and, due dates following seq, never decides DPD,
 * so leaving it out gives the same summary; most of a loan's billed installments are such.
 * Rows as json_agg of a row (keys are the column names), which PostgreSQL builds faster than
 * json_build_object.
 */
const SUMMARY_INSTALLMENTS_JSON = `SELECT json_agg(x) FROM (
    SELECT i.seq, i.due_date::text AS due_date, i.principal_date, i.interest_date, i.principal_due::text AS principal_due,
           i.interest_due::text AS interest_due, i.billed, i.principal_paid::text AS principal_paid, i.interest_paid::text AS interest_paid,
           i.overdue_interest_numerator::text AS overdue_interest_numerator, i.late_interest_numerator::text AS late_interest_numerator,
           i.overdue_interest_paid::text AS overdue_interest_paid, i.late_interest_paid::text AS late_interest_paid,
           i.contractual_date::text AS contractual_date, i.move_reason_vi, i.move_reason_en
    FROM loan_installments i
    WHERE i.loan_id = l.id AND NOT i.superseded
      AND (NOT i.billed OR i.principal_due <> i.principal_paid OR i.interest_due <> i.interest_paid OR i.interest_due IS NULL
           OR i.overdue_interest_numerator <> 0 OR i.late_interest_numerator <> 0 OR i.overdue_interest_paid <> 0 OR i.late_interest_paid <> 0)
    ORDER BY i.seq) x`;

/** The status read's one statement (prepared: see preparedQuery). */
const SUMMARY_READ = `SELECT ${LOAN_COLUMNS}, (${SUMMARY_INSTALLMENTS_JSON}) AS installments_json FROM loans l WHERE l.id = $1`;

/** The engine state from the row and its (not superseded) installments, ordered by seq. */
function stateOf(row: LoanRow, rows: readonly InstallmentRow[]): LoanState | null {
  const terms = termsOf(row);
  if (!terms || !row.last_closed_date) return null;
  const installments: InstallmentState[] = rows.map((r) => ({
    seq: r.seq,
    dueDate: r.due_date,
    principalDate: r.principal_date,
    interestDate: r.interest_date,
    principalDue: new Money(r.principal_due),
    interestDue: r.interest_due === null ? null : new Money(r.interest_due),
    billed: r.billed,
    principalPaid: new Money(r.principal_paid),
    interestPaid: new Money(r.interest_paid),
    overdueInterestNumerator: new Money(r.overdue_interest_numerator),
    lateInterestNumerator: new Money(r.late_interest_numerator),
    overdueInterestPaid: new Money(r.overdue_interest_paid),
    lateInterestPaid: new Money(r.late_interest_paid),
    ...moveFields(
      r.contractual_date ?? r.due_date,
      r.due_date,
      r.move_reason_vi === null ? null : { vi: r.move_reason_vi, en: r.move_reason_en ?? r.move_reason_vi },
    ),
  }));
  return {
    ...initialLoanState(terms),
    disbursedPrincipal: new Money(row.disbursed_principal),
    outstandingPrincipal: new Money(row.outstanding_principal),
    prepaidPrincipal: new Money(row.prepaid_principal),
    periodInterestNumerator: new Money(row.period_interest_numerator),
    periodInterestPaid: new Money(row.period_interest_paid),
    lastClosedDate: row.last_closed_date,
    installments,
  };
}

/**
 * What a money movement reads in the statement that locks its loan (loanStore.lockForMoney): the
 * open business date, the engine state, and the ids of the event and of two journal
 * transactions (an income catch-up and the movement, in sequence order) reserved for its write.
 */
export interface LockedForMoney {
  row: LoanRow;
  openDate: LocalDate | null;
  state: LoanState | null;
  eventId: string;
  journalTransactionIds: [string, string];
}

/** The open business date and the open installments, read by fresh_json after the lock (one json value; $1 = the loan). */
const LOCKED_CONTEXT_JSON = `SELECT json_build_object('open_date', (SELECT open_date::text FROM business_date), 'installments', (${INSTALLMENTS_JSON.replace('= l.id', '= $1')}))`;

export const loanStore = {
  /**
   * With `lockTimeoutMs`, the row is locked FOR UPDATE waiting at most that long: lock_timeout
   * is set (transaction-local) by the same statement, in a FROM item evaluated before the
   * LockRows step above the join tries the lock, so it is in force for the wait (one round trip).
   */
  async find(m: EntityManager, actor: Actor, id: string, lock: boolean, lockTimeoutMs?: number): Promise<LoanRow> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('loan', id);
    const rows: LoanRow[] =
      lock && lockTimeoutMs !== undefined
        ? await m.query(`SELECT ${LOAN_COLUMNS} FROM (SELECT set_config('lock_timeout', $2, true)) AS t, loans l WHERE l.id = $1 FOR UPDATE OF l`, [
            id,
            String(Math.trunc(lockTimeoutMs)),
          ])
        : await m.query(`SELECT ${LOAN_COLUMNS} FROM loans l WHERE l.id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`, [id]);
    assertMayRead(actor, rows[0], id);
    return rows[0];
  },

  /** The row and its engine state in one round trip (no lock: one snapshot for both). */
  async findWithState(m: EntityManager, actor: Actor, id: string): Promise<{ row: LoanRow; state: LoanState | null }> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('loan', id);
    const rows: Array<LoanRow & { installments_json?: InstallmentRow[] }> = await m.query(
      `SELECT ${LOAN_COLUMNS}, (${INSTALLMENTS_JSON}) AS installments_json FROM loans l WHERE l.id = $1`,
      [id],
    );
    const found = rows[0];
    assertMayRead(actor, found, id);
    const installments = found.installments_json ?? [];
    delete found.installments_json;
    return { row: found, state: stateOf(found, installments) };
  },

  /**
   * The row and the part of its engine state the loan's summary reads (SUMMARY_INSTALLMENTS_JSON):
   * for toLoanDto only, never for a schedule, a posting or a write. One prepared statement.
   */
  async findForSummary(m: EntityManager, actor: Actor, id: string): Promise<{ row: LoanRow; summaryState: LoanState | null }> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('loan', id);
    const rows = await preparedQuery<LoanRow & { installments_json?: InstallmentRow[] | null }>(m, SUMMARY_READ, [id]);
    const found = rows[0];
    assertMayRead(actor, found, id);
    const installments = found.installments_json ?? [];
    delete found.installments_json;
    return { row: found, summaryState: stateOf(found, installments) };
  },

  /** The cached engine state (installments not superseded). */
  async state(m: EntityManager, row: LoanRow): Promise<LoanState | null> {
    if (!termsOf(row) || !row.last_closed_date) return null;
    const rows: InstallmentRow[] = await m.query(
      `SELECT seq, due_date::text AS due_date, principal_date, interest_date, principal_due, interest_due, billed, principal_paid, interest_paid,
              overdue_interest_numerator, late_interest_numerator, overdue_interest_paid, late_interest_paid, contractual_date::text AS contractual_date,
              move_reason_vi, move_reason_en
       FROM loan_installments WHERE loan_id = $1 AND NOT superseded ORDER BY seq`,
      [row.id],
    );
    return stateOf(row, rows);
  },

  /**
   * Writes the state back in one statement: the loan row's cache (and, when given, the income
   * posted so far) and every installment (dropped ones superseded). Returns the updated row.
   */
  async saveState(m: EntityManager, loanId: string, state: LoanState, extra: SaveStateExtra): Promise<LoanRow> {
    const stmt = new SqlStatement();
    saveStateIn(stmt, loanId, state, extra, LOAN_COLUMNS);
    const { sql, params } = stmt.build('SELECT * FROM upd');
    const rows: LoanRow[] = await m.query(sql, params);
    return rows[0];
  },

  /**
   * The row FOR UPDATE, waiting at most `lockTimeoutMs` (lock_timeout set by the same statement,
   * in a FROM item evaluated before the LockRows step), and above the lock, in the same round
   * trip: lock_timeout reset to 0, the business date and the installments read by fresh_json
   * (migration 1763800000090) with a snapshot taken after the lock, so they include every commit
   * of the lock's previous holder (the statement's own snapshot predates the wait), and the ids
   * the write will use reserved. A prepared statement (the repayment's hot path).
   */
  async lockForMoney(m: EntityManager, actor: Actor, id: string, lockTimeoutMs: number): Promise<LockedForMoney> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('loan', id);
    const rows = await preparedQuery<
      LoanRow & { r_reset?: unknown; r_context?: { open_date: string | null; installments: InstallmentRow[] }; r_event?: string; r_journal?: string[] }
    >(
      m,
      `SELECT x.*, set_config('lock_timeout', '0', true) AS r_reset, fresh_json($3, x.id) AS r_context,
              nextval(pg_get_serial_sequence('loan_events', 'id'))::text AS r_event,
              ARRAY(SELECT n FROM (SELECT nextval(pg_get_serial_sequence('journal_transactions', 'id')) AS n FROM generate_series(1, 2)) s ORDER BY n)::text[] AS r_journal
       FROM (SELECT ${LOAN_COLUMNS} FROM (SELECT set_config('lock_timeout', $2, true)) AS t, loans l WHERE l.id = $1 FOR UPDATE OF l) x`,
      [id, String(Math.trunc(lockTimeoutMs)), LOCKED_CONTEXT_JSON],
    );
    const found = rows[0];
    assertMayRead(actor, found, id);
    const { r_reset: _reset, r_context: context, r_event: eventId, r_journal: journal, ...row } = found;
    const [accrual, movement] = journal ?? [];
    return {
      row,
      openDate: context?.open_date ?? null,
      state: stateOf(row, context?.installments ?? []),
      eventId: String(eventId),
      journalTransactionIds: [String(accrual), String(movement)],
    };
  },

  /** The loan's events in recording order (reversed repayments excluded): the input of a replay. */
  async events(m: EntityManager, loanId: string): Promise<LoanEvent[]> {
    // An approved restructuring is a SCHEDULE_CHANGE event carrying the schedule it applied. A calendar change that
    // reached the loan is a DUE_DATE_CHANGE (loan_due_date_changes, numbered from loan_events' sequence: one recording order).
    type PlanRow = { dueDate: string; principal: string; interestDate?: boolean; contractualDate?: string; moveReason?: { vi: string; en: string } };
    // A loan brought in at a cut-over date starts from its OPENING_POSITION event, whose figures are in loan_opening_positions.
    type OpeningRow = { disbursed: string; outstanding: string; overduePrincipal: string; overdueInterest: string; accrued: string; dpd: number };
    const rows: Array<{
      id: string;
      kind: LoanEvent['kind'];
      value_date: string;
      amount: string;
      plan: PlanRow[] | null;
      moves: DueDateChangeMove[] | null;
      opening: OpeningRow | null;
    }> = await m.query(
      `SELECT e.id, e.kind, e.value_date::text AS value_date, e.amount, r.applied_installments AS plan, NULL::jsonb AS moves,
              CASE WHEN o.event_id IS NULL THEN NULL ELSE jsonb_build_object('disbursed', o.disbursed_principal::text, 'outstanding', o.outstanding_principal::text,
                'overduePrincipal', o.overdue_principal::text, 'overdueInterest', o.overdue_interest::text, 'accrued', o.accrued_interest::text,
                'dpd', o.days_past_due) END AS opening
       FROM loan_events e LEFT JOIN loan_restructurings r ON r.id = e.restructuring_id LEFT JOIN loan_opening_positions o ON o.event_id = e.id
       WHERE e.loan_id = $1 AND e.reversed_at IS NULL
       UNION ALL
       SELECT c.id, 'DUE_DATE_CHANGE', c.value_date::text, NULL, NULL, c.moves, NULL FROM loan_due_date_changes c WHERE c.loan_id = $1
       ORDER BY 1`,
      [loanId],
    );
    return rows.map((r): LoanEvent => {
      if (r.kind === 'DISBURSEMENT') return { kind: 'DISBURSEMENT', date: r.value_date, amount: new Money(r.amount) };
      if (r.kind === 'DUE_DATE_CHANGE') return { kind: 'DUE_DATE_CHANGE', date: r.value_date, moves: r.moves ?? [] };
      if (r.kind === 'OPENING_POSITION') {
        const o = r.opening as OpeningRow;
        return {
          kind: 'OPENING_POSITION',
          date: r.value_date,
          disbursedPrincipal: new Money(o.disbursed),
          outstandingPrincipal: new Money(o.outstanding),
          overduePrincipal: new Money(o.overduePrincipal),
          overdueInterest: new Money(o.overdueInterest),
          accruedInterest: new Money(o.accrued),
          daysPastDue: o.dpd,
        };
      }
      if (r.kind === 'SCHEDULE_CHANGE') {
        const installments = (r.plan ?? []).map((p) => ({
          dueDate: p.dueDate,
          principal: new Money(p.principal),
          interestDate: p.interestDate,
          ...moveFields(p.contractualDate ?? p.dueDate, p.dueDate, p.moveReason),
        }));
        return { kind: 'SCHEDULE_CHANGE', date: r.value_date, installments };
      }
      return { kind: 'REPAYMENT', id: String(r.id), date: r.value_date, amount: new Money(r.amount) };
    });
  },
};
