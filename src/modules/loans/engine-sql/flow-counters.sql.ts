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
  return `UPDATE loans lo SET flow_disbursed = lo.flow_disbursed + g.flow_disbursed,
            flow_principal_collected = lo.flow_principal_collected + g.flow_principal_collected,
            flow_interest_collected = lo.flow_interest_collected + g.flow_interest_collected,
            flow_entries = lo.flow_entries + g.flow_entries,
            flow_first_value_date = least(lo.flow_first_value_date, ${valueDate}),
            flow_last_value_date = greatest(lo.flow_last_value_date, ${valueDate})
          FROM (SELECT f.loan_id, ${flowSumsSql(kind, 'f.account', 'f.amount')}
                FROM (${lines}) f WHERE f.loan_id IS NOT NULL AND f.account IN ${FLOW_ACCOUNTS_SQL} GROUP BY f.loan_id) g
          WHERE lo.id = g.loan_id`;
}
