import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planner's count of distinct loans in the per-loan tables (issue 7, 1,000,000 loans).
 *
 * ANALYZE samples whole pages, and a loan's rows sit together on the same pages (they are written
 * together: a schedule, a posting, a close chunk), so the sample sees few distinct loan ids and
 * estimates 54 k loans in journal_entries at 1 M loans (131 k in loan_installments). Per-loan
 * aggregates planned for 54 k groups then spill: the reconciliation's flow-counter check, a hash
 * aggregate over 13 M journal rows, ran for more than 22 minutes, and took 19 s once the estimate
 * was right.
 *
 * The fix PostgreSQL documents for such columns: a fixed n_distinct as a fraction of the rows
 * (negative value), here 1 / the rows a loan has in each table at the bench's portfolio (1 M loans
 * with 1–5 years of history: 54 journal entries, 19 journal transactions, 18 installments, 7 month-end
 * snapshots, 6.5 events). A loan's count grows with its age, so these are orders of magnitude, which
 * is all the planner needs; ANALYZE keeps the override.
 */
const ROWS_PER_LOAN: ReadonlyArray<readonly [table: string, fraction: string]> = [
  ['journal_entries', '-0.02'],
  ['journal_transactions', '-0.05'],
  ['loan_installments', '-0.05'],
  ['loan_snapshots', '-0.14'],
  ['loan_events', '-0.15'],
];

export class LoanIdStatistics1763800000011 implements MigrationInterface {
  name = 'LoanIdStatistics1763800000011';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, fraction] of ROWS_PER_LOAN) await q.query(`ALTER TABLE ${table} ALTER COLUMN loan_id SET (n_distinct = ${fraction})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of ROWS_PER_LOAN) await q.query(`ALTER TABLE ${table} ALTER COLUMN loan_id RESET (n_distinct)`);
  }
}
