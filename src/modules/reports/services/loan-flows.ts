import { FLOW_ENTRIES_SQL as ENTRIES, FLOW_SCOPE_SQL as IN_SCOPE, flowSumsSql } from '../../ledger/index.js';
import type { SqlParams } from '../../../platform/database/index.js';

/**
 * A loan's flows in [from, to] (turnover, principal collected, interest + penalties collected;
 * ledger/services/loan-flow-sql.ts) as the CTE `flows` (loan_id, turnover, principal_collected,
 * interest_collected): one row per loan with a flow entry valued in the period.
 *
 * JOURNAL sums the entries valued in the period (every transaction of the year at 1M loans).
 * COUNTERS gives the same figures as cum(to) − cum(from − 1), cumulative by value date, from:
 *  - AFTER (to): the loan's counters (everything posted) minus the entries valued after `to` —
 *    cheap when `to` is the last closed day (only the open day's postings are valued later);
 *  - SNAPSHOT (X): the month-end snapshot's counters (everything booked by X) plus the entries
 *    booked after X with a value date ≤ X (backdated repayments, reversals; the backdated index);
 *    a loan without a snapshot row at X has no flow entry valued ≤ X (0) or none after (its
 *    counters), known from flow_first/last_value_date; any other loan is summed from its own
 *    entries (index by loan);
 *  - NONE (from − 1): nothing is valued on or before it.
 * Both are exact; tests/reports compare them on backdated repayments, reversals, tranches and
 * open-day repayments.
 */
export type FlowEnd = 'AFTER' | 'SNAPSHOT' | 'NONE';

export interface FlowPlan {
  readonly from: string;
  readonly to: string;
  /** undefined: JOURNAL. */
  readonly counters?: { readonly to: Exclude<FlowEnd, 'NONE'>; readonly before: Exclude<FlowEnd, 'AFTER'>; readonly beforeDate: string };
}

const COMPONENTS = ['flow_disbursed', 'flow_principal_collected', 'flow_interest_collected', 'flow_entries'] as const;

export function flowsCte(plan: FlowPlan, p: SqlParams): string {
  const [f, t] = [p.add(plan.from), p.add(plan.to)];
  const c = plan.counters;
  if (!c) {
    return `flows_j AS (
      SELECT je.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')}
      FROM ${ENTRIES} WHERE ${IN_SCOPE} AND je.value_date BETWEEN ${f}::date AND ${t}::date GROUP BY 1
    ), ${renamed('flows_j')}`;
  }
  // Entries booked after X with a value date ≤ X; the predicate repeats the backdated index's.
  const backdated = (name: string, x: string): string => `${name} AS (
      SELECT je.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')} FROM ${ENTRIES}
      WHERE jt.booking_date > ${x}::date AND jt.value_date < jt.booking_date AND jt.value_date <= ${x}::date AND ${IN_SCOPE} GROUP BY 1)`;
  const ctes: string[] = [];
  const joins: string[] = [];
  const snapshotExpr = (s: string, adj: string, x: string, col: string): string =>
    `CASE WHEN ${s}.loan_id IS NOT NULL THEN ${s}.${col} + coalesce(${adj}.${col}, 0)
          WHEN l.flow_first_value_date > ${x}::date THEN 0 WHEN l.flow_last_value_date <= ${x}::date THEN l.${col} END`;
  let toExpr: (col: string) => string;
  if (c.to === 'AFTER') {
    ctes.push(`fl_after AS (
      SELECT je.loan_id, ${flowSumsSql('jt.kind', 'je.account', 'je.amount')} FROM ${ENTRIES}
      WHERE jt.value_date > ${t}::date AND ${IN_SCOPE} GROUP BY 1)`);
    joins.push('LEFT JOIN fl_after a1 ON a1.loan_id = l.id');
    toExpr = (col) => `l.${col} - coalesce(a1.${col}, 0)`;
  } else {
    ctes.push(backdated('fl_bd_to', t));
    joins.push(`LEFT JOIN loan_snapshots s1 ON s1.snapshot_date = ${t}::date AND s1.loan_id = l.id LEFT JOIN fl_bd_to a1 ON a1.loan_id = l.id`);
    toExpr = (col) => snapshotExpr('s1', 'a1', t, col);
  }
  let beforeExpr: (col: string) => string = () => '0';
  if (c.before === 'SNAPSHOT') {
    const b = p.add(c.beforeDate);
    ctes.push(backdated('fl_bd_before', b));
    joins.push(`LEFT JOIN loan_snapshots s0 ON s0.snapshot_date = ${b}::date AND s0.loan_id = l.id LEFT JOIN fl_bd_before a0 ON a0.loan_id = l.id`);
    beforeExpr = (col) => snapshotExpr('s0', 'a0', b, col);
  }
  // Only loans with a flow entry valued in [from, to] can have one (first ≤ to, last ≥ from).
  ctes.push(`fl_cum AS (
      SELECT l.id AS loan_id, ${COMPONENTS.map((col) => `${toExpr(col)} AS t_${col}, ${beforeExpr(col)} AS b_${col}`).join(', ')}
      FROM loans l ${joins.join(' ')}
      WHERE l.flow_entries > 0 AND l.flow_first_value_date <= ${t}::date AND l.flow_last_value_date >= ${f}::date)`);
  // A loan whose cumulative figure at an end is not known from the counters (NULL) sums its own entries.
  ctes.push(`flows_c AS (
      SELECT loan_id, t_flow_disbursed - b_flow_disbursed AS flow_disbursed, t_flow_principal_collected - b_flow_principal_collected AS flow_principal_collected,
             t_flow_interest_collected - b_flow_interest_collected AS flow_interest_collected
      FROM fl_cum WHERE t_flow_entries - b_flow_entries > 0
      UNION ALL
      SELECT fc.loan_id, x.flow_disbursed, x.flow_principal_collected, x.flow_interest_collected
      FROM fl_cum fc CROSS JOIN LATERAL (
        SELECT ${flowSumsSql('jt.kind', 'je.account', 'je.amount')} FROM ${ENTRIES}
        WHERE je.loan_id = fc.loan_id AND ${IN_SCOPE} AND je.value_date BETWEEN ${f}::date AND ${t}::date HAVING count(*) > 0) x
      WHERE fc.t_flow_entries IS NULL OR fc.b_flow_entries IS NULL)`);
  return `${ctes.join(', ')}, ${renamed('flows_c')}`;
}

function renamed(source: string): string {
  return `flows AS (
      SELECT loan_id, flow_disbursed AS turnover, flow_principal_collected AS principal_collected, flow_interest_collected AS interest_collected FROM ${source})`;
}
