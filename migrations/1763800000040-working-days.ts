import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working days and public holidays (docs/working-days.md):
 * - the fund's calendar: the working week (one row), the years the admin confirmed or edited with
 *   their days (a year without a row uses the days Labour Code 2019 Art. 112 gives, computed by the
 *   code), and every change with the business date it took effect and how many loans and
 *   installments it moved;
 * - a business-day rule per product version and per loan (copied at contract time like every
 *   term); existing products and loans get NONE so nothing contracted changes;
 * - a loan's due-date moves as resolved when its schedule was first built, and per installment
 *   its contractual date and the reason of a move; a calendar change reaching a loan is a dated
 *   event in loan_due_date_changes, numbered from loan_events' sequence so a replay orders it
 *   among the loan's other events as they were recorded.
 */
export class WorkingDays1763800000040 implements MigrationInterface {
  name = 'WorkingDays1763800000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        working_weekdays integer[] NOT NULL DEFAULT '{1,2,3,4,5}' CHECK (cardinality(working_weekdays) >= 1 AND working_weekdays <@ '{1,2,3,4,5,6,7}'),
        updated_by bigint REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO calendar_settings (id) VALUES (true)`);
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
        confirmed_by bigint REFERENCES users(id),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        note text
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        year integer NOT NULL REFERENCES calendar_years(year),
        kind text NOT NULL CHECK (kind IN ('PUBLIC_HOLIDAY', 'COMPENSATORY', 'ANNOUNCED_DAY_OFF', 'WORKING_DAY')),
        name_vi text NOT NULL,
        name_en text NOT NULL,
        basis text NOT NULL,
        CHECK (extract(year FROM date) = year)
      )`);
    await q.query(`CREATE INDEX calendar_days_year_idx ON calendar_days (year)`);
    await q.query(`
      CREATE TABLE calendar_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        business_date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('YEAR', 'WORKING_WEEK')),
        year integer,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        loans_moved integer NOT NULL,
        installments_moved integer NOT NULL,
        created_by bigint REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rule = `text NOT NULL DEFAULT 'NONE' CHECK (business_day_rule IN ('NONE', 'NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'))`;
    await q.query(`ALTER TABLE loan_product_versions ADD COLUMN business_day_rule ${rule}`);
    await q.query(`ALTER TABLE loans ADD COLUMN business_day_rule ${rule}, ADD COLUMN due_date_moves jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE loan_installments ADD COLUMN contractual_date date, ADD COLUMN move_reason_vi text, ADD COLUMN move_reason_en text`);
    await q.query(`
      CREATE TABLE loan_due_date_changes (
        id bigint PRIMARY KEY,
        loan_id bigint NOT NULL REFERENCES loans(id),
        calendar_change_id bigint NOT NULL REFERENCES calendar_changes(id),
        value_date date NOT NULL,
        moves jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX loan_due_date_changes_loan_idx ON loan_due_date_changes (loan_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loan_due_date_changes`);
    await q.query(`ALTER TABLE loan_installments DROP COLUMN contractual_date, DROP COLUMN move_reason_vi, DROP COLUMN move_reason_en`);
    await q.query(`ALTER TABLE loans DROP COLUMN business_day_rule, DROP COLUMN due_date_moves`);
    await q.query(`ALTER TABLE loan_product_versions DROP COLUMN business_day_rule`);
    for (const t of ['calendar_changes', 'calendar_days', 'calendar_years', 'calendar_settings']) await q.query(`DROP TABLE ${t}`);
  }
}
