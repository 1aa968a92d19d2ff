import { SqlParams } from './sql-params.js';

/**
 * Collects the parts of one multi-CTE statement written by several services (a repayment's
 * postings, event, audit event and stored response), so a money transaction costs one round
 * trip instead of one per part. Each part adds its parameters with `add` (SqlParams) and its CTEs with `cte`.
 */
export class SqlStatement extends SqlParams {
  private readonly ctes: string[] = [];
  private readonly claimed = new Set<string>();

  cte(name: string, sql: string): void {
    this.ctes.push(`${name} AS (${sql})`);
  }

  /**
   * Claims a part that may appear once per statement, e.g. an UPDATE of rows another part could
   * update too: PostgreSQL applies only one of two updates of the same row in one statement.
   */
  once(part: string): void {
    if (this.claimed.has(part)) throw new Error(`${part} may appear once per statement`);
    this.claimed.add(part);
  }

  /** The statement: every CTE (data-modifying ones run even when not referenced), then `select`. */
  build(select: string): { sql: string; params: unknown[] } {
    return { sql: `WITH ${this.ctes.join(',\n')}\n${select}`, params: this.values };
  }
}
