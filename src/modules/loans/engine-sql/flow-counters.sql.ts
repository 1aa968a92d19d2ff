import { FLOW_ACCOUNTS_SQL, flowSumsSql } from '../../ledger/index.js';

/**
 * The loans' cumulative flow counters (migration 1763800000007; ledger loan-flow-sql.ts defines
 * which journal lines are flows): the loans module owns the columns, and LedgerService adds this
 * CTE to every flow posting's own statement (registered by LoanPostings), so every path that moves
 * them (repayment, reversal, disbursement, import…) keeps them and the report's period flows never
 * drift from the journal.
 *
 * A data-modifying CTE body adding the flow lines of one posting to their loans' counters.
 * `lines` yields (loan_id, account, amount); `kind` and `valueDate` are SQL expressions.
 */
export function addToFlowCountersSql(lines: string, kind: string, valueDate: string): string {
  return `UPDATE loans lo SET ${flowCounterAssignments('lo', 'g', valueDate)}
          FROM (SELECT f.loan_id, ${flowSumsSql(kind, 'f.account', 'f.amount')}
                FROM (${lines}) f WHERE f.loan_id IS NOT NULL AND f.account IN ${FLOW_ACCOUNTS_SQL} GROUP BY f.loan_id) g
          WHERE lo.id = g.loan_id`;
}

/** The SET list adding the sums `g` (flowSumsSql) to the counters of the loan row `lo`. */
function flowCounterAssignments(lo: string, g: string, valueDate: string): string {
  return `flow_disbursed = ${lo}.flow_disbursed + ${g}.flow_disbursed,
            flow_principal_collected = ${lo}.flow_principal_collected + ${g}.flow_principal_collected,
            flow_interest_collected = ${lo}.flow_interest_collected + ${g}.flow_interest_collected,
            flow_entries = ${lo}.flow_entries + ${g}.flow_entries,
            flow_first_value_date = CASE WHEN ${g}.flow_entries > 0 THEN least(${lo}.flow_first_value_date, ${valueDate}) ELSE ${lo}.flow_first_value_date END,
            flow_last_value_date = CASE WHEN ${g}.flow_entries > 0 THEN greatest(${lo}.flow_last_value_date, ${valueDate}) ELSE ${lo}.flow_last_value_date END`;
}

/**
 * The same counters for one loan as part of an UPDATE of that loan's row that the caller writes
 * anyway (a money movement's state, LedgerService.postIn with `flows: 'merged'`): a SET list for
 * the row `lo` and the FROM item `g` it reads, the sums of `lines` (loan_id, account, amount) that
 * belong to the loan `loanId` (an SQL expression). `g` has one row even without flow lines (count 0).
 */
export function mergedFlowCountersSql(lines: string, kind: string, valueDate: string, loanId: string): { set: string; from: string } {
  return {
    set: flowCounterAssignments('l', 'g', valueDate),
    from: `(SELECT ${flowSumsSql(kind, 'f.account', 'f.amount')}
            FROM (${lines}) f WHERE f.loan_id = ${loanId} AND f.account IN ${FLOW_ACCOUNTS_SQL}) g`,
  };
}
