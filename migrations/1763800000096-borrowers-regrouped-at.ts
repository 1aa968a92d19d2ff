import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * borrowers.regrouped_at (owner: borrowers): when a borrower's type, province or commune last
 * changed, the only borrower columns the portfolio report groups by (the sector is the loan's).
 * The report's kept totals hold each borrower's type and commune as of when they were written and
 * used to be refused after any borrower edit since (updated_at, migration 1763800000082), so a new
 * phone number sent every report back to the per-loan query until the next close. A trigger sets
 * it, so every writer of the row is covered; a new borrower starts at -infinity (a borrower
 * created later has no loan in figures kept before it; a backdated book import is caught by the
 * journal's booking dates). Existing rows take their updated_at: kept totals written before this
 * migration are judged as before.
 */
export class BorrowersRegroupedAt1763800000096 implements MigrationInterface {
  name = 'BorrowersRegroupedAt1763800000096';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE borrowers ADD COLUMN regrouped_at timestamptz NOT NULL DEFAULT '-infinity'`);
    await q.query(`UPDATE borrowers SET regrouped_at = updated_at`);
    await q.query(`
      CREATE FUNCTION borrowers_regrouped() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.regrouped_at := clock_timestamp();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER borrowers_regrouped BEFORE UPDATE OF type, province_code, commune_code ON borrowers FOR EACH ROW
      WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.province_code IS DISTINCT FROM NEW.province_code OR OLD.commune_code IS DISTINCT FROM NEW.commune_code)
      EXECUTE FUNCTION borrowers_regrouped()`);
    await q.query(`CREATE INDEX borrowers_regrouped_at_idx ON borrowers (regrouped_at)`);
    // Its only reader was the kept totals' validity check, which now reads regrouped_at.
    await q.query(`DROP INDEX borrowers_updated_at_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX borrowers_updated_at_idx ON borrowers (updated_at)`);
    await q.query(`DROP INDEX borrowers_regrouped_at_idx`);
    await q.query(`DROP TRIGGER borrowers_regrouped ON borrowers`);
    await q.query(`DROP FUNCTION borrowers_regrouped()`);
    await q.query(`ALTER TABLE borrowers DROP COLUMN regrouped_at`);
  }
}
