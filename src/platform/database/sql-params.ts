/**
 * The one collector of positional parameters for hand-built SQL (a report's CTEs, a money
 * transaction's multi-CTE statement): `add(value)` returns the placeholder `$n` of the new value.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
