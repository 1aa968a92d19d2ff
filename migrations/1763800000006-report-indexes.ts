import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report indexes (issue 7, the portfolio report at 1M loans). As of the last closed date the
 * reports read the cached engine state: the billed installments that still owe something or ever
 * accrued a penalty are found through a partial index (the predicate is repeated verbatim in
 * reports/services/loan-positions.ts, so the planner can prove it), and the loans with an event
 * valued after that date (read by reconstruction instead) through an index on value_date; and
 * what was booked after a month-end (it voids the snapshot) through indexes on booking_date.
 */
export class ReportIndexes1763800000006 implements MigrationInterface {
  name = 'ReportIndexes1763800000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX loan_installments_open_idx ON loan_installments (loan_id)
      WHERE billed AND NOT superseded
        AND (principal_due > principal_paid OR interest_due > interest_paid OR overdue_interest_numerator > 0 OR late_interest_numerator > 0)`);
    await q.query(`CREATE INDEX loan_events_value_date_idx ON loan_events (value_date)`);
    // Whether a month-end snapshot still holds: anything booked after D with a value date ≤ D
    // (backdated transactions are few; the report repeats the predicate so the planner proves it).
    await q.query(`CREATE INDEX journal_transactions_backdated_idx ON journal_transactions (booking_date) WHERE value_date < booking_date`);
    await q.query(`CREATE INDEX loan_events_schedule_change_booking_idx ON loan_events (booking_date) WHERE kind = 'SCHEDULE_CHANGE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX loan_events_schedule_change_booking_idx`);
    await q.query(`DROP INDEX journal_transactions_backdated_idx`);
    await q.query(`DROP INDEX loan_events_value_date_idx`);
    await q.query(`DROP INDEX loan_installments_open_idx`);
  }
}
