import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * borrowers.updated_at indexed (owner: borrowers): the portfolio report's kept totals hold each
 * borrower's type and commune as of when they were written, and ask on every read whether any
 * borrower was edited since (an index probe, not a scan of every borrower).
 */
export class BorrowersUpdatedAtIndex1763800000082 implements MigrationInterface {
  name = 'BorrowersUpdatedAtIndex1763800000082';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX borrowers_updated_at_idx ON borrowers (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX borrowers_updated_at_idx`);
  }
}
