import type { TransactionKind } from '../domain/accounts.js';

/**
 * The loan flows the portfolio report shows for a period (domain.md "Reports the fund files and
 * auditors ask for": turnover = principal disbursed, collections = principal and interest +
 * penalties collected, reversals netted): the loan's receivable entries of these transaction kinds.
 * One definition for the journal sums, the counters kept on the loan row in the posting's own
 * statement (migration 1763800000007; written by the loans module, flow-counters.sql.ts) and the
 * reconciliation that proves they agree.
 */
export const FLOW_KINDS: readonly TransactionKind[] = ['DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL'];
export const FLOW_ACCOUNTS = ['PRINCIPAL_RECEIVABLE', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE'] as const;

export const FLOW_KINDS_SQL = `(${FLOW_KINDS.map((k) => `'${k}'`).join(', ')})`;
export const FLOW_ACCOUNTS_SQL = `(${FLOW_ACCOUNTS.map((a) => `'${a}'`).join(', ')})`;

/** The journal rows flows are summed from: entries `je` with their transaction `jt` … */
export const FLOW_ENTRIES_SQL = `journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id`;
/** … kept when they are a loan's receivable entries of a flow kind. */
export const FLOW_SCOPE_SQL = `je.loan_id IS NOT NULL AND je.account IN ${FLOW_ACCOUNTS_SQL} AND jt.kind IN ${FLOW_KINDS_SQL}`;

/** The four flow sums of the entries in scope as `flow_disbursed, flow_principal_collected, flow_interest_collected, flow_entries`. */
export function flowSumsSql(kind: string, account: string, amount: string): string {
  return `coalesce(sum(${amount}) FILTER (WHERE ${kind} = 'DISBURSEMENT' AND ${account} = 'PRINCIPAL_RECEIVABLE'), 0) AS flow_disbursed,
          coalesce(-sum(${amount}) FILTER (WHERE ${kind} <> 'DISBURSEMENT' AND ${account} = 'PRINCIPAL_RECEIVABLE'), 0) AS flow_principal_collected,
          coalesce(-sum(${amount}) FILTER (WHERE ${kind} <> 'DISBURSEMENT' AND ${account} IN ('INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')), 0) AS flow_interest_collected,
          count(*)::int AS flow_entries`;
}

/**
 * Writes the flow lines of one posting to their loans' counters, as a data-modifying CTE body of the
 * posting's statement: `lines` yields (loan_id, account, amount); `kind` and `valueDate` are SQL
 * expressions. The counters are the loans module's columns, so it is the loans module that supplies
 * this (loans/engine-sql/flow-counters.sql.ts) through LedgerService.keepFlowCountersWith.
 */
export type FlowCountersSql = (lines: string, kind: string, valueDate: string) => string;
