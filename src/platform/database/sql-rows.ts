import type { EntityManager } from 'typeorm';

/**
 * TypeORM's PostgreSQL driver answers UPDATE and DELETE with [rows, affected] but SELECT and INSERT
 * with the rows alone; this gives the rows of a statement's result either way.
 */
export function resultRows<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Runs a statement with RETURNING and gives its rows (see resultRows). */
export async function returning<T>(m: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  return resultRows<T>(await m.query(sql, params));
}
