import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-loan cumulative flow counters (issue 7, the portfolio report at 1M loans). The report's
 * turnover and collections in a period (domain.md "Reports the fund files and auditors ask for")
 * are sums of the loan's receivable entries of DISBURSEMENT / REPAYMENT / REPAYMENT_REVERSAL
 * transactions by value date; summing them from the journal reads every transaction of the year.
 *
 * - loans.flow_*: everything ever posted (any value date), maintained by LedgerService in the same
 *   statement as the entries; flow_first/last_value_date bound the value dates of those entries.
 * - loan_snapshots.flow_*: the loan's counters when the month-end close wrote the snapshot, i.e.
 *   everything booked on or before the snapshot date.
 *
 * Flows over [from, to] = cum(to) − cum(from − 1), where cum(X) by value date is derived exactly
 * from these and the few entries booked after X with a value date ≤ X (reports/services/loan-flows.ts).
 * Existing rows are backfilled from the journal here (same definitions).
 */
export class LoanFlowCounters1763800000007 implements MigrationInterface {
  name = 'LoanFlowCounters1763800000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loans
        ADD COLUMN flow_disbursed numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_principal_collected numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_interest_collected numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_entries integer NOT NULL DEFAULT 0,
        ADD COLUMN flow_first_value_date date,
        ADD COLUMN flow_last_value_date date`);
    await q.query(`
      UPDATE loans l SET flow_disbursed = f.d, flow_principal_collected = f.p, flow_interest_collected = f.i, flow_entries = f.n,
             flow_first_value_date = f.first, flow_last_value_date = f.last
      FROM (
        SELECT je.loan_id,
               coalesce(sum(je.amount) FILTER (WHERE jt.kind = 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0) AS d,
               coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0) AS p,
               coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account IN ('INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')), 0) AS i,
               count(*)::int AS n, min(je.value_date) AS first, max(je.value_date) AS last
        FROM journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id
        WHERE je.loan_id IS NOT NULL AND je.account IN ('PRINCIPAL_RECEIVABLE', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')
          AND jt.kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL')
        GROUP BY je.loan_id) f
      WHERE l.id = f.loan_id`);
    // The snapshot columns get no default once backfilled: a writer that forgets them fails loudly.
    await q.query(`
      ALTER TABLE loan_snapshots
        ADD COLUMN flow_disbursed numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_principal_collected numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_interest_collected numeric NOT NULL DEFAULT 0,
        ADD COLUMN flow_entries integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE loan_snapshots s SET flow_disbursed = f.d, flow_principal_collected = f.p, flow_interest_collected = f.i, flow_entries = f.n
      FROM (
        SELECT s.snapshot_date, s.loan_id,
               coalesce(sum(je.amount) FILTER (WHERE jt.kind = 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0) AS d,
               coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0) AS p,
               coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account IN ('INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')), 0) AS i,
               count(*)::int AS n
        FROM loan_snapshots s
        JOIN journal_entries je ON je.loan_id = s.loan_id AND je.account IN ('PRINCIPAL_RECEIVABLE', 'INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')
        JOIN journal_transactions jt ON jt.id = je.transaction_id AND jt.booking_date <= s.snapshot_date
          AND jt.kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL')
        GROUP BY 1, 2) f
      WHERE s.snapshot_date = f.snapshot_date AND s.loan_id = f.loan_id`);
    await q.query(`
      ALTER TABLE loan_snapshots
        ALTER COLUMN flow_disbursed DROP DEFAULT, ALTER COLUMN flow_principal_collected DROP DEFAULT,
        ALTER COLUMN flow_interest_collected DROP DEFAULT, ALTER COLUMN flow_entries DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE loan_snapshots DROP COLUMN flow_disbursed, DROP COLUMN flow_principal_collected, DROP COLUMN flow_interest_collected, DROP COLUMN flow_entries`);
    await q.query(`
      ALTER TABLE loans DROP COLUMN flow_disbursed, DROP COLUMN flow_principal_collected, DROP COLUMN flow_interest_collected, DROP COLUMN flow_entries,
        DROP COLUMN flow_first_value_date, DROP COLUMN flow_last_value_date`);
  }
}
