import { createHash } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Statement names by text: at most a few texts per hot path (variants such as "with an accrual"), bounded anyway. */
const names = new Map<string, string>();
const NAMES_MAX = 500;

function nameOf(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= NAMES_MAX) names.clear();
    name = `lms_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` as a named prepared statement of the pg client: the server parses and plans it once
 * per connection instead of on every call (TypeORM sends unnamed statements, planned each time),
 * and the rows come back without TypeORM's per-query logging and subscriber events. For the hot
 * paths whose planning costs as much as their execution: a repayment's lock and write, the
 * status read's loan with its installments as JSON.
 * Inside a transaction of TransactionRunner it runs on the transaction's own connection; with the
 * data source's own manager, on the primary's pool; any other manager falls back to `m.query`.
 * A failure is thrown as TypeORM's QueryFailedError, as `m.query` throws it, so callers map
 * SQLSTATEs (lock timeout, trigger refusals) the same way.
 */
export async function preparedQuery<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const runner = m.queryRunner;
  let target: PgQueryable;
  if (runner === undefined) target = (m.connection.driver as unknown as { master: PgQueryable }).master;
  else if (runner.isTransactionActive && !runner.isReleased) target = (await runner.connect()) as PgQueryable;
  else return (await m.query(sql, params)) as T[];
  try {
    return (await target.query({ name: nameOf(sql), text: sql, values: params })).rows as T[];
  } catch (e) {
    throw new QueryFailedError(sql, params, e as Error);
  }
}
