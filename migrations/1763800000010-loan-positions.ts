import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The close's per-loan position as of its last close (issue 7, the live portfolio report at 1M
 * loans): summing every loan's billed unpaid installments on each report read (domain.md "Reports
 * the fund files and auditors ask for") was the report's largest cost. The close writes, in its one
 * loan-row write (close-chunk.sql.ts CLOSE_APPLY), the figures the report's cachedPositionsCte sums
 * from the installments (billed, not superseded, due ≤ D, owing anything):
 *  - position_overdue_principal: Σ (principal_due − principal_paid);
 *  - position_overdue_interest: billed unpaid interest, Σ (interest_due − interest_paid);
 *  - position_penalty: overdue + late interest owed, Σ round(numerator) − paid per installment;
 *  - position_date: the D they hold for; NULL = not valid (every other writer of the loan's
 *    installments or state sets it NULL in the same statement), the report then sums the installments.
 * Backfill: ACTIVE loans closed through the business date − 1 get the same sums as of that date when
 * their stored days_past_due equals D − the oldest unpaid due date of those sums (the report reads
 * DPD from days_past_due for a cached loan); every other loan stays NULL.
 */
export class LoanPositions1763800000010 implements MigrationInterface {
  name = 'LoanPositions1763800000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loans
        ADD COLUMN position_date date,
        ADD COLUMN position_overdue_principal numeric,
        ADD COLUMN position_overdue_interest numeric,
        ADD COLUMN position_penalty numeric`);
    await q.query(`
      WITH d AS (SELECT open_date - 1 AS d FROM business_date),
      s AS (
        SELECT l.id,
               coalesce(sum(i.principal_due - i.principal_paid), 0) AS overdue_principal,
               coalesce(sum(coalesce(i.interest_due, 0) - i.interest_paid), 0) AS overdue_interest,
               coalesce(sum(CASE WHEN i.overdue_interest_numerator > 0 THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END
                 + CASE WHEN i.late_interest_numerator > 0 THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END), 0) AS penalty,
               min(i.due_date) FILTER (WHERE i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid) AS oldest
        FROM loans l CROSS JOIN d
        LEFT JOIN loan_installments i ON i.loan_id = l.id AND i.billed AND NOT i.superseded AND i.due_date <= d.d
          AND (i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid OR i.overdue_interest_numerator > 0 OR i.late_interest_numerator > 0)
        WHERE l.status = 'ACTIVE' AND l.last_closed_date = d.d
        GROUP BY l.id
      )
      UPDATE loans l SET position_date = d.d, position_overdue_principal = s.overdue_principal,
             position_overdue_interest = s.overdue_interest, position_penalty = s.penalty
      FROM s CROSS JOIN d
      WHERE l.id = s.id AND l.days_past_due = coalesce(d.d - s.oldest, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loans DROP COLUMN position_date, DROP COLUMN position_overdue_principal,
        DROP COLUMN position_overdue_interest, DROP COLUMN position_penalty`);
  }
}
