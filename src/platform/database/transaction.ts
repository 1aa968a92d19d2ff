import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs fn in one database transaction. Everything that belongs together (state change,
 * ledger transaction, audit event, idempotency record) goes through the same manager.
 */
export async function inTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', fn);
}

/** True when a PostgreSQL error is a unique violation (23505), optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
