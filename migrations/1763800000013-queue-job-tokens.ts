import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which BullMQ job carries each piece of queued work (design.md: PostgreSQL is the truth, Redis only
 * queues). Job ids were derived from business data (a close's date and attempt, an import's id), so
 * a restored or re-created database met a Redis that remembered an earlier deployment's job with the
 * same id, and the new work never ran. Each enqueue now takes a fresh token, stored here with the
 * time it was enqueued, so a sweep can tell a row whose job is live from one whose job is gone,
 * finished for someone else, or never added, and enqueue it again.
 */
export class QueueJobTokens1763800000013 implements MigrationInterface {
  name = 'QueueJobTokens1763800000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE close_runs ADD COLUMN job_token text, ADD COLUMN enqueued_at timestamptz`);
    await q.query(`ALTER TABLE repayment_imports ADD COLUMN job_id text, ADD COLUMN enqueued_at timestamptz`);
    await q.query(`ALTER TABLE report_exports ADD COLUMN job_id text, ADD COLUMN enqueued_at timestamptz`);
    // The sweep reads only the unfinished rows.
    await q.query(`CREATE INDEX repayment_imports_unfinished_idx ON repayment_imports (id) WHERE status IN ('QUEUED', 'RUNNING')`);
    await q.query(`CREATE INDEX report_exports_unfinished_idx ON report_exports (id) WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_exports_unfinished_idx`);
    await q.query(`DROP INDEX repayment_imports_unfinished_idx`);
    await q.query(`ALTER TABLE report_exports DROP COLUMN job_id, DROP COLUMN enqueued_at`);
    await q.query(`ALTER TABLE repayment_imports DROP COLUMN job_id, DROP COLUMN enqueued_at`);
    await q.query(`ALTER TABLE close_runs DROP COLUMN job_token, DROP COLUMN enqueued_at`);
  }
}
