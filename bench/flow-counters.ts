import type pg from 'pg';
import { FLOW_ENTRIES_SQL, FLOW_SCOPE_SQL, flowSumsSql } from '../src/modules/ledger/index.js';

/**
 * The seed loans' flow counters (migration 1763800000007) as LedgerService and the close would
 * have kept them, summed from the journal the seeds just wrote with the same definition
 * (ledger/services/loan-flow-sql.ts): the loan row holds everything posted, each month-end
 * snapshot what was booked by its date. The clone copies them with the rest of the rows, and the
 * reconciliation checks the loans' counters against the journal after every step.
 */
export async function seedFlowCounters(c: pg.PoolClient, loanIds: readonly string[]): Promise<void> {
  await c.query(
    `UPDATE loans l SET flow_disbursed = f.flow_disbursed, flow_principal_collected = f.flow_principal_collected,
            flow_interest_collected = f.flow_interest_collected, flow_entries = f.flow_entries,
            flow_first_value_date = f.first, flow_last_value_date = f.last
     FROM (SELECT je.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')}, min(je.value_date) AS first, max(je.value_date) AS last
           FROM ${FLOW_ENTRIES_SQL} WHERE ${FLOW_SCOPE_SQL} AND je.loan_id = ANY($1::bigint[]) GROUP BY 1) f
     WHERE l.id = f.loan_id`,
    [loanIds],
  );
  await c.query(
    `UPDATE loan_snapshots s SET flow_disbursed = f.flow_disbursed, flow_principal_collected = f.flow_principal_collected,
            flow_interest_collected = f.flow_interest_collected, flow_entries = f.flow_entries
     FROM (SELECT s.snapshot_date, s.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')}
           FROM loan_snapshots s JOIN (${FLOW_ENTRIES_SQL}) ON je.loan_id = s.loan_id AND jt.booking_date <= s.snapshot_date AND ${FLOW_SCOPE_SQL}
           WHERE s.loan_id = ANY($1::bigint[]) GROUP BY 1, 2) f
     WHERE s.snapshot_date = f.snapshot_date AND s.loan_id = f.loan_id`,
    [loanIds],
  );
}
