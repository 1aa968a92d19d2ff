import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio report's kept totals (docs/architecture.md, owner: reports): at the end of each
 * closed day D the close's finishing step sums every loan's position as of D and its flows of the
 * year to date [1 January, D] per combination of the report's dimensions and borrower, so the
 * report as of D reads these rows instead of every loan (domain.md "Reports the fund files and
 * auditors ask for"). Derived data, not business records: the latest closed day and every
 * month-end are kept, older days are pruned, and the per-loan query stays the check.
 *
 * Keys are the loan's own attributes (never changed once contracted) and its debt group as of D;
 * the borrower's type and commune, and every label, are joined at read time, as the per-loan query
 * does. Sums are unconstrained numeric so a regrouped sum keeps the per-loan sum's scale.
 */
export class PortfolioTotals1763800000081 implements MigrationInterface {
  name = 'PortfolioTotals1763800000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE portfolio_totals_days (
        kept_date date PRIMARY KEY,
        written_at timestamptz NOT NULL DEFAULT now(),
        rows_kept int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE TABLE portfolio_totals (
        kept_date date NOT NULL REFERENCES portfolio_totals_days (kept_date) ON DELETE CASCADE,
        borrower_id bigint NOT NULL,
        sector_version text NOT NULL,
        sector_code text NOT NULL,
        capital_source_id bigint NOT NULL,
        product_version_id bigint NOT NULL,
        term_class text NOT NULL,
        debt_group int NOT NULL,
        origin text,
        loans int NOT NULL,
        loan_count int NOT NULL,
        outstanding_loan_count int NOT NULL,
        turnover numeric,
        principal_collected numeric,
        interest_collected numeric,
        outstanding numeric,
        overdue_principal numeric,
        overdue_interest numeric,
        penalty_interest numeric,
        bad_debt numeric,
        par30_amount numeric,
        par90_amount numeric,
        specific_provision numeric,
        general_provision numeric
      )`);
    await q.query(`CREATE INDEX portfolio_totals_day_idx ON portfolio_totals (kept_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portfolio_totals`);
    await q.query(`DROP TABLE portfolio_totals_days`);
  }
}
