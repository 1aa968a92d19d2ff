import type { EntityManager } from 'typeorm';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * One statement as a named prepared statement of the pg client: PostgreSQL parses and plans it
 * once per connection instead of on every call (TypeORM's query sends an unnamed statement,
 * parsed and planned each time). For a hot read whose planning costs as much as its execution,
 * e.g. a loan with its installments as JSON, that halves the server's work per call.
 * Outside a transaction it runs on the primary's pool (as `m.query` does); inside one, on the
 * transaction's connection. `name` must be unique per statement text.
 */
export async function preparedQuery<T>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner as { connect?: () => Promise<PgQueryable> } | undefined;
  const target: PgQueryable = runner?.connect ? await runner.connect() : (m.connection.driver as unknown as { master: PgQueryable }).master;
  return (await target.query({ name, text, values })).rows as T[];
}
