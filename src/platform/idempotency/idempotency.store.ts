import type { EntityManager } from 'typeorm';
import type { SqlStatement } from '../database/sql-statement.js';
import type { IdempotencyClaim } from './idempotency-context.js';

export interface StoredKey {
  request_hash: string;
  status: 'IN_FLIGHT' | 'COMPLETED';
  response_status: number | null;
  response_body: unknown;
  stale: boolean;
}

/** SQL of idempotency_keys. Technical records, not business data. */
export const idempotencyStore = {
  async claim(m: EntityManager, userId: string, route: string, key: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, status)
       VALUES ($1, $2, $3, $4, 'IN_FLIGHT') ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, route, key, requestHash],
    );
    return rows.length === 1;
  },

  async read(m: EntityManager, userId: string, route: string, key: string, staleAfterSeconds: number): Promise<StoredKey | undefined> {
    const rows: StoredKey[] = await m.query(
      `SELECT request_hash, status, response_status, response_body,
              (status = 'IN_FLIGHT' AND locked_at < now() - make_interval(secs => $4)) AS stale
       FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [userId, route, key, staleAfterSeconds],
    );
    return rows[0];
  },

  /** Takes over an abandoned in-flight key (its process died before committing anything). */
  async takeOver(m: EntityManager, userId: string, route: string, key: string, staleAfterSeconds: number): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count], not the rows: the count says whether this request took the key.
    const [, taken] = (await m.query(
      `UPDATE idempotency_keys SET locked_at = now()
       WHERE user_id = $1 AND route = $2 AND key = $3 AND status = 'IN_FLIGHT' AND locked_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [userId, route, key, staleAfterSeconds],
    )) as [unknown[], number];
    return taken === 1;
  },

  async complete(m: EntityManager, claim: IdempotencyClaim, body: unknown): Promise<void> {
    await m.query(
      `UPDATE idempotency_keys SET status = 'COMPLETED', response_status = $4, response_body = $5::jsonb, completed_at = now()
       WHERE user_id = $1 AND route = $2 AND key = $3`,
      [claim.userId, claim.route, claim.key, claim.responseStatus, JSON.stringify(body ?? null)],
    );
  },

  /**
   * `complete` as a CTE of the caller's statement inside its money transaction; marks the
   * claim so the transaction runner does not write the response a second time.
   */
  completeIn(stmt: SqlStatement, name: string, claim: IdempotencyClaim, body: unknown): void {
    stmt.cte(
      name,
      `UPDATE idempotency_keys SET status = 'COMPLETED', response_status = ${stmt.add(claim.responseStatus)}::int, response_body = ${stmt.add(JSON.stringify(body ?? null))}::jsonb,
              completed_at = now()
       WHERE user_id = ${stmt.add(claim.userId)}::bigint AND route = ${stmt.add(claim.route)}::text AND key = ${stmt.add(claim.key)}::text`,
    );
  },

  /** The request failed and committed nothing: free the key so a retry can run. */
  async release(m: EntityManager, claim: IdempotencyClaim): Promise<void> {
    await m.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 AND status = 'IN_FLIGHT'`, [
      claim.userId,
      claim.route,
      claim.key,
    ]);
  },
};
