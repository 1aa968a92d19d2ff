import { createHash } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';

interface PgClient {
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
 * Runs `sql` as a named prepared statement on the transaction's own pg connection: the server
 * parses and plans it once per connection instead of on every call, and the rows come back
 * without TypeORM's per-query logging and subscriber events. For the statements of a hot
 * money path (a repayment's lock and its write), which run inside a transaction of
 * TransactionRunner (`m.queryRunner` set); any other manager falls back to `m.query`. A
 * failure is thrown as TypeORM's QueryFailedError, as `m.query` throws it, so callers map
 * SQLSTATEs (lock timeout, trigger refusals) the same way.
 */
export async function preparedQuery<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) return (await m.query(sql, params)) as T[];
  // The transaction's connection (already taken: connect() hands back the same pg client).
  const client = (await runner.connect()) as PgClient;
  try {
    const result = await client.query({ name: nameOf(sql), text: sql, values: params });
    return result.rows as T[];
  } catch (e) {
    throw new QueryFailedError(sql, params, e as Error);
  }
}
