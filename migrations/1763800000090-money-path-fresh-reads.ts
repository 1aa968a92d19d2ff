import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two functions that let a money movement read, inside one statement, what a lock it takes in
 * that same statement protects. A VOLATILE PL/pgSQL function takes a new snapshot for each
 * query it runs (READ COMMITTED), so a query it runs after the lock sees every commit of the
 * lock's previous holder, where the calling statement's own snapshot was taken before the wait.
 *
 * - fresh_json(query, arg): runs `query` (one json value, `$1` = arg) with such a snapshot. The
 *   loans module calls it above the loan's FOR UPDATE to read the open installments and the
 *   business date in the statement that locks the row (the queries stay in the module's code).
 * - audit_chain_head(namespace, chain): takes the chain's advisory lock (until the transaction
 *   ends) and returns the hash of the chain's newest event (or GENESIS), read after the lock, so
 *   the audit event's insert can go in the statement that takes the lock (design.md: the audit
 *   trail is a hash chain; each event links to the one before it in its chain).
 */
export class MoneyPathFreshReads1763800000090 implements MigrationInterface {
  name = 'MoneyPathFreshReads1763800000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION fresh_json(p_query text, p_arg bigint) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        result json;
      BEGIN
        EXECUTE p_query INTO result USING p_arg;
        RETURN result;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION audit_chain_head(p_namespace integer, p_chain smallint) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(p_namespace, p_chain);
        RETURN coalesce((SELECT hash FROM audit_events WHERE chain_id = p_chain ORDER BY id DESC LIMIT 1), 'GENESIS');
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_chain_head(integer, smallint)`);
    await q.query(`DROP FUNCTION fresh_json(text, bigint)`);
  }
}
