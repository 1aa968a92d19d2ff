import type pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `test` holds or the bound passes (then throws with `what`). */
export async function until<T>(what: string, timeoutMs: number, test: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await test().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

export async function openDate(db: pg.Pool): Promise<string> {
  return (await db.query<{ d: string }>(`SELECT open_date::text AS d FROM business_date`)).rows[0].d;
}

export async function runStatus(db: pg.Pool, date: string): Promise<{ status: string; attempt: number; running: number; done: number; total: number } | null> {
  const r = await db.query<{ status: string; attempt: number; running: number; done: number; total: number }>(
    `SELECT r.status, r.attempt, count(c.*) FILTER (WHERE c.status = 'RUNNING')::int AS running, count(c.*) FILTER (WHERE c.status = 'DONE')::int AS done, count(c.*)::int AS total
     FROM close_runs r LEFT JOIN close_chunks c ON c.business_date = r.business_date WHERE r.business_date = $1 GROUP BY r.status, r.attempt`,
    [date],
  );
  return r.rows[0] ?? null;
}

/**
 * "Completes once": the run SUCCEEDED, the business date moved exactly one day, every chunk of
 * the day wrote its one audit event, the day's own event is there once, and no ACTIVE loan is
 * left behind or closed twice (last_closed_date is the day for each).
 */
export async function checkClosedOnce(db: pg.Pool, date: string): Promise<string[]> {
  const problems: string[] = [];
  const run = await runStatus(db, date);
  if (run?.status !== 'SUCCEEDED') problems.push(`run ${date} is ${run?.status ?? 'absent'}`);
  const next = await openDate(db);
  const [{ expected }] = (await db.query<{ expected: string }>(`SELECT ($1::date + 1)::text AS expected`, [date])).rows;
  if (next !== expected) problems.push(`business date is ${next}, expected ${expected}`);
  const chunks = (
    await db.query<{ chunk: string; n: number }>(
      `SELECT c.chunk_no::text AS chunk, (SELECT count(*)::int FROM audit_events e WHERE e.action = 'close-of-business.chunk' AND e.entity_id = c.business_date::text || '#' || c.chunk_no) AS n
       FROM close_chunks c WHERE c.business_date = $1`,
      [date],
    )
  ).rows.filter((c) => c.n !== 1);
  if (chunks.length > 0) problems.push(`chunks without exactly one audit event: ${JSON.stringify(chunks.slice(0, 5))}`);
  const [{ days }] = (
    await db.query<{ days: number }>(`SELECT count(*)::int AS days FROM audit_events WHERE action = 'close-of-business.day' AND entity_id = $1`, [date])
  ).rows;
  if (days !== 1) problems.push(`${days} close-of-business.day events for ${date}`);
  const [{ behind }] = (
    await db.query<{ behind: number }>(`SELECT count(*)::int AS behind FROM loans WHERE status = 'ACTIVE' AND last_closed_date <> $1`, [date])
  ).rows;
  if (behind > 0) problems.push(`${behind} ACTIVE loan(s) not closed through ${date}`);
  return problems;
}
