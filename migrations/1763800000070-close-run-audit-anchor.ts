import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chains' heads at the end of each close of business. Deleting the newest events of a
 * chain (tip truncation) leaves a chain whose every link still verifies; the heads kept in the
 * close's run record, a row the truncation does not touch, show the events that are gone.
 */
export class CloseRunAuditAnchor1763800000070 implements MigrationInterface {
  name = 'CloseRunAuditAnchor1763800000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE close_runs ADD COLUMN audit_anchor jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE close_runs DROP COLUMN audit_anchor`);
  }
}
