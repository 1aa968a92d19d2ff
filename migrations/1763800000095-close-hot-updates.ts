import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HOT updates for the close's daily writes of loan_installments, and a narrower account index on the journal.
 *
 * PostgreSQL updates a row in place on its page (HOT: no new index entry) only when no column an
 * index covers changes, predicate columns of partial indexes included. The close bills and accrues
 * installments every day (domain.md "Close of business", "Overdue"): `billed`, `interest_due`,
 * `interest_paid` and the overdue/late interest numerators change, and repayments change the paid
 * columns. Two partial indexes named them in their predicates, so not one of these updates was HOT
 * (0 % of 37,241 at a 20,000-loan month-end), each writing new entries in every index:
 *
 * - loan_installments_open_idx (billed, owing or penalised installments): only the reports' per-loan
 *   lateral read could use it, one loan at a time, which the primary key (loan_id, seq) serves as
 *   well (at most a loan's schedule, ≈ 18 rows). Dropped.
 * - loan_installments_due_idx (due_date) WHERE NOT billed AND NOT superseded: the lookups by due
 *   date (installments due on a day, the working-day moves of future due dates) keep an index on
 *   due_date without `billed` in the predicate; `billed` is checked on the row.
 *
 * journal_entries_account_idx (account, value_date) becomes journal_entries_principal_date_idx
 * (value_date) over the loans' principal receivable lines only: the trial balance reads whole
 * accounts over the whole journal (a sequential scan with or without the index: 7.5–8.1 s at 100,000
 * loans either way); only the monthly series' outstanding principal by value date used it (0.90 s
 * without, 0.59 s with it, 0.65–0.84 s with the narrow one), and the close's month-end lines
 * (interest, penalty, income, provisions) are not principal lines, so it writes nothing in the
 * narrow index (4.6 MB against 41 MB at 100,000 loans).
 */
export class CloseHotUpdates1763800000095 implements MigrationInterface {
  name = 'CloseHotUpdates1763800000095';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX loan_installments_open_idx`);
    await q.query(`DROP INDEX loan_installments_due_idx`);
    await q.query(`CREATE INDEX loan_installments_due_date_idx ON loan_installments (due_date) WHERE NOT superseded`);
    await q.query(`DROP INDEX journal_entries_account_idx`);
    await q.query(
      `CREATE INDEX journal_entries_principal_date_idx ON journal_entries (value_date) WHERE account = 'PRINCIPAL_RECEIVABLE' AND loan_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journal_entries_principal_date_idx`);
    await q.query(`CREATE INDEX journal_entries_account_idx ON journal_entries (account, value_date)`);
    await q.query(`DROP INDEX loan_installments_due_date_idx`);
    await q.query(`CREATE INDEX loan_installments_due_idx ON loan_installments (due_date) WHERE NOT billed AND NOT superseded`);
    await q.query(`
      CREATE INDEX loan_installments_open_idx ON loan_installments (loan_id)
      WHERE billed AND NOT superseded
        AND (principal_due > principal_paid OR interest_due > interest_paid OR overdue_interest_numerator > 0 OR late_interest_numerator > 0)`);
  }
}
