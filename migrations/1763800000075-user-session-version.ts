import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's session version: every access token carries the version it was issued under, and
 * the guard refuses a token whose version is no longer the user's. A password change or reset
 * raises it, so the sessions opened with the old password end (README "Limits and metrics").
 */
export class UserSessionVersion1763800000075 implements MigrationInterface {
  name = 'UserSessionVersion1763800000075';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
