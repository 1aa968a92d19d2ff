import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo load's progress, one row (id = 1). A quick start loads the demo portfolio in the
 * background while the API serves; the row is what every process sharing the database reads to
 * answer the demo's data with 503 while it loads, and what a restarted quick start reads to find a
 * load that a crash interrupted (state LOADING with no heartbeat). Progress only, never money.
 */
export class DemoLoad1763800000020 implements MigrationInterface {
  name = 'DemoLoad1763800000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demo_load (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        state text NOT NULL CHECK (state IN ('LOADING', 'READY', 'FAILED')),
        phase text NOT NULL,
        done integer NOT NULL DEFAULT 0,
        total integer,
        progress jsonb NOT NULL DEFAULT '{}'::jsonb,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        error text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE demo_load`);
  }
}
