/** TypeORM's PostgreSQL driver answers UPDATE … RETURNING with [rows, affected]; INSERT with rows. */
export function updatedRows(result: unknown): unknown[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as unknown[]) : (result as unknown[]);
}
