import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio report's kept totals (docs/architecture.md, owner: reports): for a closed day D,
 * every loan's position as of D and its flows of the year to date [1 January, D] summed once per
 * group of every grouping the report can ask for (the total, each dimension alone, each pair of
 * two), with the exact distinct borrower counts of the group, so the report as of D reads the few
 * rows of its grouping instead of every loan (domain.md "Reports the fund files and auditors ask
 * for"). Derived data, not business records: the latest closed day and every month-end are kept,
 * older days are pruned, and the per-loan query stays the check.
 *
 * `grouping` is PostgreSQL's GROUPING() bitmask over the eight dimensions (a set bit: not grouped
 * by it); a dimension's key columns are null outside its groupings. The borrower's type and
 * commune are stored as of when the rows were written (written_at; a borrower edited since makes
 * the report read per loan again); labels are joined at read time from the keys. Sums are
 * unconstrained numeric so a sum keeps the per-loan sum's scale.
 */
export class PortfolioTotals1763800000081 implements MigrationInterface {
  name = 'PortfolioTotals1763800000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE portfolio_totals_days (
        kept_date date PRIMARY KEY,
        written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        rows_kept int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE TABLE portfolio_totals (
        kept_date date NOT NULL REFERENCES portfolio_totals_days (kept_date) ON DELETE CASCADE,
        grouping int NOT NULL,
        sector_version text,
        sector_code text,
        borrower_type text,
        commune_code text,
        province_code text,
        capital_source_id bigint,
        term_class text,
        debt_group int,
        product_id bigint,
        product_name text,
        origin text,
        loans int NOT NULL,
        loan_count int NOT NULL,
        borrower_count int NOT NULL,
        outstanding_loan_count int NOT NULL,
        outstanding_borrower_count int NOT NULL,
        turnover numeric NOT NULL,
        principal_collected numeric NOT NULL,
        interest_collected numeric NOT NULL,
        outstanding numeric NOT NULL,
        overdue_principal numeric NOT NULL,
        overdue_interest numeric NOT NULL,
        penalty_interest numeric NOT NULL,
        bad_debt numeric NOT NULL,
        par30_amount numeric NOT NULL,
        par90_amount numeric NOT NULL,
        specific_provision numeric NOT NULL,
        general_provision numeric NOT NULL
      )`);
    await q.query(`CREATE INDEX portfolio_totals_grouping_idx ON portfolio_totals (kept_date, grouping)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portfolio_totals`);
    await q.query(`DROP TABLE portfolio_totals_days`);
  }
}
