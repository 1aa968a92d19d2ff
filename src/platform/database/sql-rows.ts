import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement with RETURNING. TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * [rows, affected] but SELECT and INSERT with the rows alone; this gives the rows either way.
 */
export async function returning<T>(m: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  const result = (await m.query(sql, params)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
