import type { SqlStatement } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { type InstallmentState, type LoanState, currentMaturity } from '../domain/index.js';
import { mergedFlowCountersSql } from '../engine-sql/flow-counters.sql.js';

export interface SaveStateExtra {
  status: 'PENDING_DISBURSEMENT' | 'ACTIVE' | 'CLOSED' | 'WRITTEN_OFF';
  closedOn: LocalDate | null;
  trancheCount?: number;
  earnedPosted?: { interest: string; overdue: string; late: string };
}

/** A flow posting of the same statement whose counters go in the state's UPDATE (LedgerService.postIn `flows: 'merged'`). */
export interface MergedFlows {
  /** The posting's entries CTE (loan_id, account, amount). */
  entries: string;
  kind: string;
  valueDate: LocalDate;
}

/**
 * The state write as CTEs of `stmt`: `upd` updates the loan row's cache (and, when given, the
 * income posted so far and the flow counters of a posting of the same statement) RETURNING
 * `returning`; `ins` upserts every installment and `sup` supersedes the dropped ones.
 */
export function saveStateIn(stmt: SqlStatement, loanId: string, state: LoanState, extra: SaveStateExtra, returning: string, flows?: MergedFlows): void {
  const i = state.installments;
  const col = (f: (x: InstallmentState) => string | number | boolean | null): string => stmt.add(i.map(f));
  const id = `${stmt.add(loanId)}::bigint`;
  const merged = flows
    ? mergedFlowCountersSql(`SELECT loan_id, account, amount FROM ${flows.entries}`, `${stmt.add(flows.kind)}::text`, `${stmt.add(flows.valueDate)}::date`, id)
    : null;
  stmt.cte(
    'upd',
    `UPDATE loans AS l SET status = ${stmt.add(extra.status)}, start_date = ${stmt.add(state.terms.startDate)}::date,
          maturity_date = ${stmt.add(currentMaturity(state))}::date, disbursed_principal = ${stmt.add(state.disbursedPrincipal.toFixed())}::numeric,
          outstanding_principal = ${stmt.add(state.outstandingPrincipal.toFixed())}::numeric, prepaid_principal = ${stmt.add(state.prepaidPrincipal.toFixed())}::numeric,
          period_interest_numerator = ${stmt.add(state.periodInterestNumerator.toFixed())}::numeric,
          period_interest_paid = ${stmt.add(state.periodInterestPaid.toFixed())}::numeric, last_closed_date = ${stmt.add(state.lastClosedDate)}::date,
          closed_on = ${stmt.add(extra.closedOn)}::date, tranche_count = coalesce(${stmt.add(extra.trancheCount ?? null)}::int, l.tranche_count),
          interest_earned_posted = coalesce(${stmt.add(extra.earnedPosted?.interest ?? null)}::numeric, l.interest_earned_posted),
          overdue_interest_earned_posted = coalesce(${stmt.add(extra.earnedPosted?.overdue ?? null)}::numeric, l.overdue_interest_earned_posted),
          late_interest_earned_posted = coalesce(${stmt.add(extra.earnedPosted?.late ?? null)}::numeric, l.late_interest_earned_posted),
          due_date_moves = ${stmt.add(JSON.stringify(state.terms.dueDateMoves))}::jsonb, updated_at = now(), position_date = NULL${merged ? `,\n          ${merged.set}` : ''}
     ${merged ? `FROM ${merged.from}` : ''}
     WHERE l.id = ${id}
     RETURNING ${returning}`,
  );
  const seqs = col((x) => x.seq);
  stmt.cte(
    'ins',
    `INSERT INTO loan_installments (loan_id, seq, due_date, principal_date, interest_date, principal_due, interest_due, billed, principal_paid,
          interest_paid, overdue_interest_numerator, late_interest_numerator, overdue_interest_paid, late_interest_paid, contractual_date,
          move_reason_vi, move_reason_en, superseded)
     SELECT ${id}, *, false FROM unnest(${seqs}::int[], ${col((x) => x.dueDate)}::date[], ${col((x) => x.principalDate)}::bool[],
          ${col((x) => x.interestDate)}::bool[], ${col((x) => x.principalDue.toFixed())}::numeric[],
          ${col((x) => (x.interestDue === null ? null : x.interestDue.toFixed()))}::numeric[], ${col((x) => x.billed)}::bool[],
          ${col((x) => x.principalPaid.toFixed())}::numeric[], ${col((x) => x.interestPaid.toFixed())}::numeric[],
          ${col((x) => x.overdueInterestNumerator.toFixed())}::numeric[], ${col((x) => x.lateInterestNumerator.toFixed())}::numeric[],
          ${col((x) => x.overdueInterestPaid.toFixed())}::numeric[], ${col((x) => x.lateInterestPaid.toFixed())}::numeric[],
          ${col((x) => x.contractualDate ?? null)}::date[], ${col((x) => x.moveReason?.vi ?? null)}::text[], ${col((x) => x.moveReason?.en ?? null)}::text[])
     ON CONFLICT (loan_id, seq) DO UPDATE SET due_date = EXCLUDED.due_date, principal_date = EXCLUDED.principal_date,
          interest_date = EXCLUDED.interest_date, principal_due = EXCLUDED.principal_due, interest_due = EXCLUDED.interest_due,
          billed = EXCLUDED.billed, principal_paid = EXCLUDED.principal_paid, interest_paid = EXCLUDED.interest_paid,
          overdue_interest_numerator = EXCLUDED.overdue_interest_numerator, late_interest_numerator = EXCLUDED.late_interest_numerator,
          overdue_interest_paid = EXCLUDED.overdue_interest_paid, late_interest_paid = EXCLUDED.late_interest_paid,
          contractual_date = EXCLUDED.contractual_date, move_reason_vi = EXCLUDED.move_reason_vi, move_reason_en = EXCLUDED.move_reason_en, superseded = false`,
  );
  stmt.cte('sup', `UPDATE loan_installments SET superseded = true WHERE loan_id = ${id} AND NOT superseded AND NOT (seq = ANY(${seqs}::int[]))`);
}
