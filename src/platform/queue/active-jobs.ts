import type { EntityManager } from 'typeorm';

/** What a user may have waiting in a queue at once (README "Limits and metrics"). */
export interface ActiveJobLimit {
  /** The work's table, with a `status` column (QUEUED, RUNNING, DONE, FAILED). */
  table: 'report_exports' | 'repayment_imports';
  /** The column naming the user who asked for the work. */
  userColumn: 'requested_by' | 'created_by';
  userId: string | null;
  max: number;
}

/** Seconds a client is told to wait when over the limit: a typical export or import takes about this long. */
export const ACTIVE_JOBS_RETRY_AFTER_SECONDS = 30;

/**
 * How many of the user's jobs are QUEUED or RUNNING, counted under a per-user, per-table
 * transaction lock, so two requests in two API processes cannot both take the last place.
 * Call inside the transaction that inserts the new work; refuse when the answer is ≥ max.
 */
export async function countActiveJobs(m: EntityManager, limit: ActiveJobLimit): Promise<number> {
  if (limit.userId === null) return 0;
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [limit.table, limit.userId]);
  const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM ${limit.table} WHERE ${limit.userColumn} = $1 AND status IN ('QUEUED', 'RUNNING')`, [
    limit.userId,
  ])) as Array<{ n: number }>;
  return n;
}
