// Mirrors (change together): src/modules/loans/domain/loan-state.ts, src/modules/loans/domain/loan-summary.ts, src/modules/loans/domain/opening-position.ts, src/modules/risk/domain/classification.ts, src/modules/risk/domain/provisioning.ts
import type { SqlParams } from '../../../platform/database/index.js';
import { type ClassificationPolicy, badDebtSql, dpdGroupSql, generalRateSql, restructuringGroupSql, specificRateSql } from '../../risk/index.js';

/**
 * Where a report's per-loan figures for date D come from (domain.md "Reports the fund files and
 * auditors ask for": as of any date, reproducible from the ledger):
 *  - SNAPSHOT: the month-end close wrote loan_snapshots for D and nothing was booked later with a
 *    value date ≤ D (no backdated event or reversal since) — read the rows as they are.
 *  - LIVE: D is the last closed business date — every loan closed through D with nothing valued
 *    after D is read from its cached engine state in one aggregate (cachedPositionsCte); the few
 *    others as before: principal from the ledger, schedule figures from the installments with the
 *    repayments valued ≤ D, penalties from the stored numerators. Group and provisions as the close
 *    stored them (report_loan_risk) when its run for D succeeded.
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
  /**
   * LIVE only, set when asOf is the last closed date: every loan closed through asOf is read from
   * its cached engine state (loans + loan_installments, see cachedPositionsCte); these loans alone
   * (an event valued after asOf, written off, or not closed through asOf) take the SQL
   * reconstruction above, with `replayed` computed for them only.
   */
  readonly cachedExcept?: readonly string[];
}

/** Columns of `pos`: loan_id, disbursed, outstanding, overdue_principal, overdue_interest, penalty_interest, dpd, debt_group, specific_provision, general_provision, bad. */
export function positionsCte(plan: PositionPlan, p: SqlParams): string {
  if (plan.source === 'LIVE' && plan.cachedExcept) return cachedPositionsCte(plan, plan.cachedExcept, p);
  if (plan.source === 'SNAPSHOT') return rawCtes(plan, p, plan.loanIds);
  return `${rawCtes(plan, p, plan.loanIds)}, ${classifiedCtes(plan, p, 'raw')}`;
}

/** The reconstruction up to `raw` (one row per disbursed loan), restricted to `loanIds` when given; SNAPSHOT gives `pos` itself. */
function rawCtes(plan: PositionPlan, p: SqlParams, loanIds: readonly string[] | undefined): string {
  const d = p.add(plan.asOf);
  const only = loanIds ? p.add(loanIds) : null;
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
  const live = p.add(plan.source === 'LIVE');
  const deduct = plan.policy.deductCollateral;
  // A loan brought in at a cut-over date (opening-position.ts) counts from its OPENING_POSITION event, whose amount is what was disbursed before it.
  return `disb AS (
      SELECT loan_id, sum(amount) AS disbursed FROM loan_events
      WHERE kind IN ('DISBURSEMENT', 'OPENING_POSITION') AND reversed_at IS NULL AND value_date <= ${d}::date ${onlyLoan('loan_id')} GROUP BY loan_id
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
    )`;
}

/** own → cls → pos over a CTE with the columns of `raw`: classification, stored risk when the close run succeeded, provisions. */
function classifiedCtes(plan: PositionPlan, p: SqlParams, src: string, rkFromColumns = false, prefix = '', crossLoan = true): string {
  const stored = p.add(plan.source === 'LIVE' && plan.useStoredRisk);
  // rkFromColumns: `src` already carries the stored risk (rk_loan_id… NULL when not to be used).
  const rkJoin = rkFromColumns
    ? `LEFT JOIN LATERAL (SELECT cls.rk_loan_id AS loan_id, cls.rk_debt_group AS debt_group, cls.rk_specific_provision AS specific_provision,
                                cls.rk_general_provision AS general_provision) rk ON cls.rk_loan_id IS NOT NULL`
    : `LEFT JOIN report_loan_risk rk ON ${stored} AND rk.loan_id = cls.loan_id AND rk.last_closed_date >= ${p.add(plan.asOf)}::date`;
  // crossLoan = false: every row of `src` either takes the stored risk or has nothing outstanding, so the
  // cross-loan maximum (a sort of every row by borrower) would be read by no row (cachedPositionsCte).
  const computed = crossLoan
    ? `CASE WHEN own.outstanding > 0 THEN max(own.own_group) FILTER (WHERE own.outstanding > 0) OVER (PARTITION BY own.borrower_id) ELSE own.own_group END`
    : 'own.own_group';
  return `${prefix}own AS (
      SELECT raw.*, greatest(${dpdGroupSql(plan.policy, 'raw.dpd')}, ${restructuringGroupSql(plan.policy, 'raw.restructuring_count', 'raw.dpd')}) AS own_group FROM ${src} raw
    ), ${prefix}cls AS (
      SELECT own.*, ${computed} AS computed_group
      FROM ${prefix}own own
    ), ${prefix}pos AS (
      SELECT cls.loan_id, cls.disbursed, cls.outstanding, cls.overdue_principal, cls.overdue_interest, cls.penalty_interest, cls.dpd,
             g.debt_group,
             CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.specific_provision
                  WHEN cls.bears_credit_risk AND cls.outstanding > 0 THEN round(${specificRateSql(plan.policy, 'g.debt_group')} * greatest(cls.outstanding - cls.deduction, 0))
                  ELSE 0 END AS specific_provision,
             CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.general_provision
                  WHEN cls.bears_credit_risk AND cls.outstanding > 0 THEN round(${generalRateSql(plan.policy, 'g.debt_group')} * cls.outstanding)
                  ELSE 0 END AS general_provision,
             ${badDebtSql(plan.policy, 'g.debt_group')} AS bad
      FROM ${prefix}cls cls ${rkJoin}
      CROSS JOIN LATERAL (SELECT CASE WHEN ${stored} AND rk.loan_id IS NOT NULL THEN rk.debt_group::int ELSE cls.computed_group END AS debt_group) g
    )`;
}

/**
 * LIVE as of the last closed date D: the close keeps every figure of a loan closed through D in its
 * cached engine state (loans-module loan-store.repository.ts, loan-summary.ts), so one set-based pass reads
 * them: outstanding and disbursed from the loans row; overdue principal, billed unpaid interest and
 * penalties (lms_round_numerator per installment, as overdueInterestOwed/lateInterestOwed) as the
 * close of D wrote them with DPD (loans.position_*, days_past_due; migration 1763800000010) when
 * position_date = D, i.e. nothing wrote the loan's state since; otherwise (few: a repayment,
 * restructuring or replay since the close) the same sums and the oldest unpaid due date from the
 * billed, not superseded installments with anything owed, per loan; group and provisions as the close
 * stored them (the columns of report_loan_risk, read from loans directly to avoid a self-join).
 * CLOSED loans owe nothing and keep their final state. The loans in `except` (an event valued
 * after D, written off, not closed through D) take the reconstruction, restricted to them.
 */
function cachedPositionsCte(plan: PositionPlan, except: readonly string[], p: SqlParams): string {
  const d = p.add(plan.asOf);
  const stored = p.add(plan.useStoredRisk);
  const only = plan.loanIds ? p.add(plan.loanIds) : null;
  const onlyLoan = (col: string): string => (only ? `AND ${col} = ANY(${only}::bigint[])` : '');
  const ex = p.add(except);
  const deduct = plan.policy.deductCollateral;
  const fallback = except.length > 0;
  const fb = fallback
    ? `${rawCtes(plan, p, except)}, fb_raw AS (
      SELECT raw.*, rk.loan_id AS rk_loan_id, rk.debt_group::int AS rk_debt_group, rk.specific_provision AS rk_specific_provision, rk.general_provision AS rk_general_provision
      FROM raw LEFT JOIN report_loan_risk rk ON ${stored} AND rk.loan_id = raw.loan_id AND rk.last_closed_date >= ${d}::date
    ), `
    : '';
  const cRaw = (name: string, borrowers: string): string => `${name} AS (
      SELECT l.id AS loan_id, l.borrower_id, l.restructuring_count, cs.bears_credit_risk, l.disbursed_principal AS disbursed,
             l.outstanding_principal AS outstanding,
             CASE WHEN l.position_date = ${d}::date THEN l.position_overdue_principal ELSE coalesce(ci.overdue_principal, 0) END AS overdue_principal,
             CASE WHEN l.position_date = ${d}::date THEN l.position_overdue_interest ELSE coalesce(ci.overdue_interest, 0) END AS overdue_interest,
             CASE WHEN l.position_date = ${d}::date THEN l.position_penalty ELSE coalesce(ci.penalty, 0) END AS penalty_interest,
             CASE WHEN l.position_date = ${d}::date THEN l.days_past_due WHEN ci.oldest IS NOT NULL THEN ${d}::date - ci.oldest ELSE 0 END AS dpd,
             coalesce(cc.deduction, 0) AS deduction,
             CASE WHEN ${stored} AND l.last_closed_date >= ${d}::date THEN l.id END AS rk_loan_id,
             l.debt_group::int AS rk_debt_group, l.specific_provision AS rk_specific_provision, l.general_provision AS rk_general_provision
      FROM loans l JOIN capital_sources cs ON cs.id = l.capital_source_id
      LEFT JOIN LATERAL (
        -- Summed only where the close's position for D is not valid (the guard is a one-time filter per loan: no installment is read otherwise).
        SELECT sum(i.principal_due - i.principal_paid) AS overdue_principal,
               sum(coalesce(i.interest_due, 0) - i.interest_paid) AS overdue_interest,
               sum(CASE WHEN i.overdue_interest_numerator > 0 THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END
                 + CASE WHEN i.late_interest_numerator > 0 THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END) AS penalty,
               min(i.due_date) FILTER (WHERE i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid) AS oldest
        FROM loan_installments i
        WHERE l.position_date IS DISTINCT FROM ${d}::date AND i.loan_id = l.id AND i.billed AND NOT i.superseded
          AND (i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid OR i.overdue_interest_numerator > 0 OR i.late_interest_numerator > 0)
          AND i.due_date <= ${d}::date
      ) ci ON true
      LEFT JOIN c_coll cc ON cc.loan_id = l.id
      WHERE l.disbursed_principal > 0 AND l.start_date <= ${d}::date
        AND (l.last_closed_date = ${d}::date OR l.status = 'CLOSED') AND l.status <> 'WRITTEN_OFF'
        AND NOT (l.id = ANY(${ex}::bigint[])) ${onlyLoan('l.id')} ${borrowers}
    )`;
  let tail: string;
  if (!plan.useStoredRisk) {
    tail = `${cRaw('c_raw', '')}, c_all AS (
      SELECT * FROM c_raw${fallback ? ' UNION ALL SELECT * FROM fb_raw' : ''}
    ), ${classifiedCtes(plan, p, 'c_all', true)}`;
  } else {
    // Stored risk: a row of c_raw takes the close's group unless its loan is CLOSED (last closed
    // before D), and a CLOSED loan has nothing outstanding (loan-summary.ts settled), so only the
    // borrowers of the fallback loans need the cross-loan maximum (domain.md "Restructuring and
    // risk": a borrower's worst group): their loans are classified apart, with the window.
    const fbBorrowers = `(SELECT l2.borrower_id FROM loans l2 WHERE l2.id = ANY(${ex}::bigint[]))`;
    tail = fallback
      ? `${cRaw('c_raw', `AND l.borrower_id NOT IN ${fbBorrowers}`)}, ${cRaw('c_raw_w', `AND l.borrower_id IN ${fbBorrowers}`)}, c_w AS (
      SELECT * FROM c_raw_w UNION ALL SELECT * FROM fb_raw
    ), ${classifiedCtes(plan, p, 'c_raw', true, 'n_', false)}, ${classifiedCtes(plan, p, 'c_w', true, 'w_', true)}, pos AS (
      SELECT * FROM n_pos UNION ALL SELECT * FROM w_pos
    )`
      : `${cRaw('c_raw', '')}, ${classifiedCtes(plan, p, 'c_raw', true, 'n_', false)}, pos AS (SELECT * FROM n_pos)`;
  }
  return `${fb}c_coll AS (
      SELECT c.loan_id, sum(c.value * r.rate) AS deduction FROM loan_collateral c JOIN collateral_discount_rates r ON r.type = c.type
      WHERE ${deduct ? 'true' : 'false'} GROUP BY 1
    ), ${tail}`;
}
