import type { ClassificationPolicy } from '../../close-of-business/domain/index.js';
import { badDebtSql, dpdGroupSql, generalRateSql, restructuringGroupSql, specificRateSql } from './classification-sql.js';
import type { SqlParams } from './sql-params.js';

/**
 * Where a report's per-loan figures for date D come from (domain.md "Reports the fund files and
 * auditors ask for": as of any date, reproducible from the ledger):
 *  - SNAPSHOT: the month-end close wrote loan_snapshots for D and nothing was booked later with a
 *    value date ≤ D (no backdated event or reversal since) — read the rows as they are.
 *  - LIVE: D is the last closed business date — principal from the ledger, schedule figures from
 *    the installments with the repayments valued ≤ D, penalties from the stored numerators, group
 *    and provisions as the close stored them (report_loan_risk) when its run for D succeeded.
 *  - RECONSTRUCTED: any other past date — the same set-based SQL as LIVE (principal from the
 *    ledger by value date, overdue from the installments and the allocations valued ≤ D, DPD from
 *    the oldest unpaid due date), classification with the policy in force on D; penalty interest,
 *    the only figure that needs the day-by-day history, comes from an engine replay of the loans
 *    that were ever late by D (few; the caller passes them as `replayed`), as do all schedule
 *    figures of loans restructured after D (their installment rows are the new schedule).
 */
export type PositionSource = 'SNAPSHOT' | 'LIVE' | 'RECONSTRUCTED';

/** What the loan engine gives for a loan at the end of D (loans/domain loanSummary). */
export interface ReplayedPosition {
  readonly overduePrincipal: string;
  /** Billed interest unpaid. */
  readonly overdueInterest: string;
  /** Interest on overdue principal + late interest. */
  readonly penalty: string;
  readonly dpd: number;
}

export interface PositionPlan {
  readonly asOf: string;
  readonly source: PositionSource;
  readonly policy: ClassificationPolicy;
  /** LIVE only: the close run of asOf succeeded, so its stored groups and provisions are used. */
  readonly useStoredRisk: boolean;
  /** Engine-replayed figures of the loans the SQL cannot reconstruct alone (late or restructured), by loan id. */
  readonly replayed: ReadonlyMap<string, ReplayedPosition>;
  /** Restrict to these loans (a page of the loan list); undefined = every loan. */
  readonly loanIds?: readonly string[];
}

/** Columns of `pos`: loan_id, disbursed, outstanding, overdue_principal, overdue_interest, penalty_interest, dpd, debt_group, specific_provision, general_provision, bad. */
export function positionsCte(plan: PositionPlan, p: SqlParams): string {
  const d = p.add(plan.asOf);
  const only = plan.loanIds ? p.add(plan.loanIds) : null;
  const onlyLoan = (col: string): string => (only ? `AND ${col} = ANY(${only}::bigint[])` : '');
  if (plan.source === 'SNAPSHOT') {
    return `pos AS (
      SELECT s.loan_id, s.disbursed_principal AS disbursed, s.outstanding_principal AS outstanding, s.overdue_principal,
             s.billed_unpaid_interest AS overdue_interest, s.overdue_interest + s.late_interest AS penalty_interest,
             s.days_past_due AS dpd, s.debt_group, s.specific_provision, s.general_provision,
             ${badDebtSql(plan.policy, 's.debt_group')} AS bad
      FROM loan_snapshots s WHERE s.snapshot_date = ${d}::date ${onlyLoan('s.loan_id')})`;
  }
  const rp = [...plan.replayed.entries()];
  const ids = p.add(rp.map(([id]) => id));
  const rOverdue = p.add(rp.map(([, r]) => r.overduePrincipal));
  const rInterest = p.add(rp.map(([, r]) => r.overdueInterest));
  const rPenalty = p.add(rp.map(([, r]) => r.penalty));
  const rDpd = p.add(rp.map(([, r]) => r.dpd));
  const stored = p.add(plan.source === 'LIVE' && plan.useStoredRisk);
  const live = p.add(plan.source === 'LIVE');
  const deduct = plan.policy.deductCollateral;
  return `disb AS (
      SELECT loan_id, sum(amount) AS disbursed FROM loan_events
      WHERE kind = 'DISBURSEMENT' AND reversed_at IS NULL AND value_date <= ${d}::date ${onlyLoan('loan_id')} GROUP BY loan_id
    ), led AS (
      SELECT loan_id, sum(amount) AS outstanding FROM journal_entries
      WHERE account = 'PRINCIPAL_RECEIVABLE' AND loan_id IS NOT NULL AND value_date <= ${d}::date ${onlyLoan('loan_id')} GROUP BY loan_id
    ), written_off AS (
      SELECT DISTINCT loan_id FROM journal_transactions WHERE kind = 'WRITE_OFF' AND value_date <= ${d}::date AND loan_id IS NOT NULL
    ), paid AS (
      SELECT e.loan_id, a.installment_seq AS seq,
             coalesce(sum(a.amount) FILTER (WHERE a.component = 'PRINCIPAL'), 0) AS principal,
             coalesce(sum(a.amount) FILTER (WHERE a.component = 'INTEREST'), 0) AS interest
      FROM loan_events e JOIN loan_event_allocations a ON a.event_id = e.id AND a.superseded_at IS NULL
      WHERE e.kind = 'REPAYMENT' AND e.reversed_at IS NULL AND e.value_date <= ${d}::date AND a.installment_seq IS NOT NULL ${onlyLoan('e.loan_id')}
      GROUP BY 1, 2
    ), due AS (
      SELECT i.loan_id,
             sum(i.principal_due - coalesce(pd.principal, 0)) AS overdue_principal,
             sum(coalesce(i.interest_due, 0) - coalesce(pd.interest, 0)) AS overdue_interest,
             min(i.due_date) FILTER (WHERE i.principal_due > coalesce(pd.principal, 0) OR coalesce(i.interest_due, 0) > coalesce(pd.interest, 0)) AS oldest
      FROM loan_installments i LEFT JOIN paid pd ON pd.loan_id = i.loan_id AND pd.seq = i.seq
      WHERE NOT i.superseded AND i.due_date <= ${d}::date ${onlyLoan('i.loan_id')}
      GROUP BY 1
    ), replayed AS (
      SELECT * FROM unnest(${ids}::bigint[], ${rOverdue}::numeric[], ${rInterest}::numeric[], ${rPenalty}::numeric[], ${rDpd}::int[])
        AS t(loan_id, overdue_principal, overdue_interest, penalty, dpd)
    ), restructured AS (
      SELECT loan_id, count(*)::int AS n FROM loan_events
      WHERE kind = 'SCHEDULE_CHANGE' AND reversed_at IS NULL AND value_date <= ${d}::date ${onlyLoan('loan_id')} GROUP BY 1
    ), stored_pen AS (
      SELECT i.loan_id,
             sum(CASE WHEN i.overdue_interest_numerator > 0 THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END
               + CASE WHEN i.late_interest_numerator > 0 THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END) AS amount
      FROM loan_installments i JOIN loans l ON l.id = i.loan_id
      WHERE ${live} AND NOT i.superseded AND i.billed AND l.last_closed_date = ${d}::date ${onlyLoan('i.loan_id')}
      GROUP BY 1
    ), coll AS (
      SELECT c.loan_id, sum(c.value * r.rate) AS deduction FROM loan_collateral c JOIN collateral_discount_rates r ON r.type = c.type
      WHERE ${deduct ? 'true' : 'false'} GROUP BY 1
    ), raw AS (
      SELECT disb.loan_id, l.borrower_id, coalesce(rs.n, 0) AS restructuring_count, cs.bears_credit_risk, disb.disbursed,
             coalesce(led.outstanding, 0) AS outstanding,
             CASE WHEN wo.loan_id IS NULL THEN coalesce(rp.overdue_principal, due.overdue_principal, 0) ELSE 0 END AS overdue_principal,
             CASE WHEN wo.loan_id IS NULL THEN coalesce(rp.overdue_interest, due.overdue_interest, 0) ELSE 0 END AS overdue_interest,
             CASE WHEN wo.loan_id IS NOT NULL THEN 0 ELSE coalesce(rp.penalty, sp.amount, 0) END AS penalty_interest,
             CASE WHEN wo.loan_id IS NOT NULL THEN 0 WHEN rp.loan_id IS NOT NULL THEN rp.dpd WHEN due.oldest IS NOT NULL THEN ${d}::date - due.oldest ELSE 0 END AS dpd,
             coalesce(coll.deduction, 0) AS deduction
      FROM disb JOIN loans l ON l.id = disb.loan_id JOIN capital_sources cs ON cs.id = l.capital_source_id
      LEFT JOIN led ON led.loan_id = disb.loan_id LEFT JOIN due ON due.loan_id = disb.loan_id
      LEFT JOIN written_off wo ON wo.loan_id = disb.loan_id LEFT JOIN replayed rp ON rp.loan_id = disb.loan_id
      LEFT JOIN stored_pen sp ON sp.loan_id = disb.loan_id LEFT JOIN coll ON coll.loan_id = disb.loan_id
      LEFT JOIN restructured rs ON rs.loan_id = disb.loan_id
    ), own AS (
      SELECT raw.*, greatest(${dpdGroupSql(plan.policy, 'raw.dpd')}, ${restructuringGroupSql(plan.policy, 'raw.restructuring_count', 'raw.dpd')}) AS own_group FROM raw
    ), cls AS (
      SELECT own.*, CASE WHEN own.outstanding > 0 THEN max(own.own_group) FILTER (WHERE own.outstanding > 0) OVER (PARTITION BY own.borrower_id) ELSE own.own_group END AS computed_group
      FROM own
    ), pos AS (
      SELECT cls.loan_id, cls.disbursed, cls.outstanding, cls.overdue_principal, cls.overdue_interest, cls.penalty_interest, cls.dpd,
             g.debt_group,
             CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.specific_provision
                  WHEN cls.bears_credit_risk AND cls.outstanding > 0 THEN round(${specificRateSql(plan.policy, 'g.debt_group')} * greatest(cls.outstanding - cls.deduction, 0))
                  ELSE 0 END AS specific_provision,
             CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.general_provision
                  WHEN cls.bears_credit_risk AND cls.outstanding > 0 THEN round(${generalRateSql(plan.policy, 'g.debt_group')} * cls.outstanding)
                  ELSE 0 END AS general_provision,
             ${badDebtSql(plan.policy, 'g.debt_group')} AS bad
      FROM cls LEFT JOIN report_loan_risk rk ON ${stored} AND rk.loan_id = cls.loan_id AND rk.last_closed_date >= ${d}::date
      CROSS JOIN LATERAL (SELECT CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.debt_group::int ELSE cls.computed_group END AS debt_group) g
    )`;
}
