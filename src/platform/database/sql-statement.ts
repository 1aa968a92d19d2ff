/**
 * Collects the parts of one multi-CTE statement written by several services (a repayment's
 * postings, event, audit event and stored response), so a money transaction costs one round
 * trip instead of one per part. Each part adds its parameters with `param` and its CTEs with `cte`.
 */
export class SqlStatement {
  private readonly params: unknown[] = [];
  private readonly ctes: string[] = [];

  /** The placeholder of a new parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  cte(name: string, sql: string): void {
    this.ctes.push(`${name} AS (${sql})`);
  }

  /** The statement: every CTE (data-modifying ones run even when not referenced), then `select`. */
  build(select: string): { sql: string; params: unknown[] } {
    return { sql: `WITH ${this.ctes.join(',\n')}\n${select}`, params: this.params };
  }
}
