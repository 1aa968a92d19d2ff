// Mirrors (change together): src/modules/loans/domain/accrual.ts, src/modules/loans/domain/loan-state.ts, src/modules/loans/domain/loan-summary.ts, src/modules/loans/domain/income.ts, src/modules/loans/domain/schedule.ts, src/modules/risk/domain/classification.ts, src/modules/risk/domain/provisioning.ts
// Renditions (change together): bench/simulate.ts
/**
 * The close of one day for one chunk, as set-based SQL over the chunk's locked ACTIVE loans
 * ($ids, bigint[]). Each statement mirrors one function of the loan engine column for column
 * (src/modules/loans/domain), and each is guarded by `last_closed_date = D − 1`, i.e. it touches
 * only loans not yet closed for D (domain.md "Close of business": idempotent per loan and date).
 */

import { RANGE } from './close-range.sql.js';

export * from './close-snapshot.sql.js';

/** Locks the chunk's ACTIVE loans (a repayment on one of them waits, or gets 409 after its lock_timeout). */
export const LOCK_LOANS = `
  SELECT l.id::text AS id, l.last_closed_date::text AS last_closed_date FROM loans l
  WHERE ${RANGE} AND l.status = 'ACTIVE' ORDER BY l.id FOR UPDATE`;

/**
 * billDueOn (loan-state.ts), part 1: the first interest-date installment due on D bills
 * round(period numerator ÷ 365), is credited the interest settlement took early, and the period
 * numerator restarts at zero. $1 ids, $2 D.
 */
const BILL_DUE_INTEREST_CTE = `
  WITH due AS (
    SELECT DISTINCT ON (i.loan_id) i.loan_id, i.seq
    FROM loan_installments i JOIN loans l ON l.id = i.loan_id
    WHERE i.loan_id = ANY($1::bigint[]) AND l.id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1
      AND i.due_date = $2::date AND i.interest_date AND NOT i.billed AND NOT i.superseded
    ORDER BY i.loan_id, i.seq
  ), billed AS (
    UPDATE loan_installments i
    SET billed = true, interest_due = lms_round_numerator(l.period_interest_numerator, l.rounding_unit),
        interest_paid = i.interest_paid + l.period_interest_paid
    FROM due JOIN loans l ON l.id = due.loan_id
    WHERE i.loan_id = due.loan_id AND i.seq = due.seq
    RETURNING i.loan_id
  )`;

export const BILL_INTEREST = `${BILL_DUE_INTEREST_CTE}
  UPDATE loans l SET period_interest_numerator = 0, period_interest_paid = 0 FROM billed b WHERE l.id = b.loan_id`;

/** The loans whose period numerator BILL_ACCRUE_LAST billed (CLOSE_CALC / CLOSE_APPLY restart it in the one loan write). */
export const CLOSE_BILLED_TABLE = `CREATE TEMP TABLE close_billed (loan_id bigint PRIMARY KEY) ON COMMIT DROP`;

/**
 * The last day's billDueOn then accrueDays(1) on installments in ONE write per installment (a row
 * billed and accrued by two statements would be written twice on every billing day): the
 * installments due on D are billed as BILL_INTEREST and BILL_REST bill them (the first
 * interest-date one takes round(period numerator ÷ 365) and the interest settlement took early,
 * the others 0), then every billed installment that still owes principal or interest accrues one
 * day as ACCRUE_INSTALLMENTS does, on the amounts after billing (engine order: bill, then accrue).
 * Installments with nothing to bill or accrue are not written. The loans billed are noted in
 * close_billed (CLOSE_CALC restarts their period numerator). The first interest-date installment
 * is picked from the same scan of the chunk's installments (a window), not through
 * loan_installments_due_date_idx, which holds every installment of the portfolio due on D. $1 ids, $2 D.
 */
export const BILL_ACCRUE_LAST = `
  WITH cand AS (
    SELECT i.loan_id, i.seq, i.billed, i.interest_due, i.interest_paid,
           i.due_date = $2::date AND NOT i.billed AND i.interest_date AS interest_candidate,
           l.period_interest_numerator, l.period_interest_paid, l.rounding_unit,
           l.annual_rate * l.overdue_multiplier AS overdue_rate, l.late_interest_rate
    FROM loan_installments i JOIN loans l ON l.id = i.loan_id
    WHERE i.loan_id = ANY($1::bigint[]) AND l.id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1 AND NOT i.superseded
      AND ((i.due_date = $2::date AND NOT i.billed)
           OR (i.billed AND (i.principal_paid <> i.principal_due OR i.interest_paid <> i.interest_due)))
  ), todo AS (
    SELECT w.loan_id, w.seq, w.bills_interest,
           CASE WHEN w.bills_interest THEN lms_round_numerator(w.period_interest_numerator, w.rounding_unit)
                WHEN NOT w.billed THEN 0 ELSE w.interest_due END AS interest_due,
           CASE WHEN w.bills_interest THEN w.interest_paid + w.period_interest_paid ELSE w.interest_paid END AS interest_paid,
           w.overdue_rate, w.late_interest_rate
    FROM (SELECT c.*, c.interest_candidate AND c.seq = min(c.seq) FILTER (WHERE c.interest_candidate) OVER (PARTITION BY c.loan_id) AS bills_interest
          FROM cand c) w
  ), written AS (
    UPDATE loan_installments i SET billed = true, interest_due = t.interest_due, interest_paid = t.interest_paid,
      overdue_interest_numerator = i.overdue_interest_numerator
        + CASE WHEN i.principal_paid <> i.principal_due THEN (i.principal_due - i.principal_paid) * t.overdue_rate ELSE 0 END,
      late_interest_numerator = i.late_interest_numerator
        + CASE WHEN t.interest_paid <> t.interest_due THEN (t.interest_due - t.interest_paid) * t.late_interest_rate ELSE 0 END
    FROM todo t
    WHERE i.loan_id = t.loan_id AND i.seq = t.seq
    RETURNING i.loan_id, t.bills_interest
  )
  INSERT INTO close_billed (loan_id) SELECT loan_id FROM written WHERE bills_interest`;

/** billDueOn, part 2: every other installment due on D is billed with zero interest. $1 ids, $2 D. */
export const BILL_REST = `
  UPDATE loan_installments i SET billed = true, interest_due = 0
  FROM loans l
  WHERE l.id = i.loan_id AND i.loan_id = ANY($1::bigint[]) AND l.id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1
    AND i.due_date = $2::date AND NOT i.billed AND NOT i.superseded`;

/**
 * accrueDays(1) on installments (domain.md "Overdue"): unpaid billed principal accrues at
 * rate × overdue multiplier, unpaid billed interest at the late rate, from the due date included.
 * The statements of a missed day name the chunk's loans on both sides of the join (l.id = ANY):
 * with the loans' last_closed_date alone the planner scanned every loan and probed its installments
 * (9.4 s for one chunk of 1,000 at 100,000 loans).
 */
export const ACCRUE_INSTALLMENTS = `
  UPDATE loan_installments i SET
    overdue_interest_numerator = i.overdue_interest_numerator
      + CASE WHEN i.principal_paid <> i.principal_due THEN (i.principal_due - i.principal_paid) * (l.annual_rate * l.overdue_multiplier) ELSE 0 END,
    late_interest_numerator = i.late_interest_numerator
      + CASE WHEN i.interest_paid <> i.interest_due THEN (i.interest_due - i.interest_paid) * l.late_interest_rate ELSE 0 END
  FROM loans l
  WHERE l.id = i.loan_id AND i.loan_id = ANY($1::bigint[]) AND l.id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1 AND i.billed AND NOT i.superseded
    AND (i.principal_paid <> i.principal_due OR i.interest_paid <> i.interest_due)`;

/**
 * accrueDays(1) on the loan: normal interest on performing principal (outstanding − unpaid billed
 * principal) at the annual rate; then day D is closed — the guard every statement above reads.
 */
export const ACCRUE_LOANS = `
  UPDATE loans l SET
    period_interest_numerator = l.period_interest_numerator + (l.outstanding_principal - coalesce((
      SELECT sum(i.principal_due - i.principal_paid) FROM loan_installments i WHERE i.loan_id = l.id AND i.billed AND NOT i.superseded), 0)) * l.annual_rate,
    last_closed_date = $2::date, updated_at = now()
  WHERE l.id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1`;

/**
 * The last day's loan-level close in ONE pass (after billing and installment accrual for D): the
 * installments of the chunk are aggregated once per loan, then accrueDays(1) on the loan (normal
 * interest on performing principal = outstanding − unpaid billed principal), daysPastDue
 * (loan-summary.ts: D − the due date of the oldest unpaid principal or interest; 0 if none),
 * classification (risk/domain/classification.ts: own group = worse of the DPD group and the
 * restructuring group under the policy in force, then the cross-loan rule — every ACTIVE loan of a
 * borrower takes the borrower's worst group; a chunk holds all of a borrower's loans), provisions
 * (risk/domain/provisioning.ts, Decree 86/2024: specific = min(round(rate(group) × max(0, outstanding −
 * Σ collateral × discount)), outstanding); general = round(general rate × outstanding) in the
 * general groups; both 0 where the capital source bears no credit risk) and, at a month-end, the
 * earned income (income.ts earnedIncome in whole units) — into a transaction-scoped temp table,
 * from which the ledger lines are selected and the loans are written once (CLOSE_APPLY).
 * Only loans with last_closed_date = D − 1 accrue; the others (a retry) are recomputed unchanged.
 * The loans joined for the rounding unit are the chunk's (l.id = ANY): without it the planner
 * hashed the whole loans table for every chunk. Zero numerators round to zero and are skipped.
 * $1 ids, $2 D, $3 dpdMin, $4 dpdGroup, $5 rsCount, $6 rsDpd, $7 rsGroup, $8 specific rates by
 * group, $9 general rate, $10 general groups, $11 deduct collateral, $12 month-end (earned income).
 */
/** The installments the report's c_inst sums (loan-positions.sql.ts): billed, due ≤ D, owing anything (NOT superseded is agg's WHERE). */
const POSITION_ROWS = `i.billed AND i.due_date <= $2::date
  AND (i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid OR i.overdue_interest_numerator > 0 OR i.late_interest_numerator > 0)`;

export const CLOSE_CALC = `
  CREATE TEMP TABLE close_calc ON COMMIT DROP AS
  WITH agg AS (
    SELECT i.loan_id,
           sum(i.principal_due - i.principal_paid) FILTER (WHERE i.billed) AS unpaid_billed,
           min(i.due_date) FILTER (WHERE i.due_date <= $2::date
             AND (i.principal_paid < i.principal_due OR (i.billed AND i.interest_due > i.interest_paid))) AS oldest_due,
           min(i.due_date) FILTER (WHERE i.due_date <= $2::date AND NOT i.billed AND i.interest_date) AS oldest_unbilled_interest,
           sum(coalesce(i.interest_due, 0)) FILTER (WHERE $12::boolean) AS billed,
           sum(lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit)) FILTER (WHERE $12::boolean AND i.overdue_interest_numerator <> 0) AS overdue,
           sum(lms_round_numerator(i.late_interest_numerator, l.rounding_unit)) FILTER (WHERE $12::boolean AND i.late_interest_numerator <> 0) AS late,
           sum(i.interest_due - i.interest_paid) FILTER (WHERE $12::boolean AND i.billed) AS billed_unpaid_interest,
           sum(i.overdue_interest_paid) FILTER (WHERE $12::boolean AND i.overdue_interest_numerator <> 0) AS overdue_paid,
           sum(i.late_interest_paid) FILTER (WHERE $12::boolean AND i.late_interest_numerator <> 0) AS late_paid,
           sum(i.interest_paid) FILTER (WHERE $12::boolean) AS interest_paid,
           -- The position the report reads for D (reports loan-positions.ts c_inst, migration 1763800000010), same filter and sums.
           sum(i.principal_due - i.principal_paid) FILTER (WHERE ${POSITION_ROWS}) AS pos_overdue_principal,
           sum(coalesce(i.interest_due, 0) - i.interest_paid) FILTER (WHERE ${POSITION_ROWS}) AS pos_overdue_interest,
           sum(CASE WHEN i.overdue_interest_numerator > 0 THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END
             + CASE WHEN i.late_interest_numerator > 0 THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END)
             FILTER (WHERE ${POSITION_ROWS}) AS pos_penalty,
           min(i.due_date) FILTER (WHERE ${POSITION_ROWS} AND (i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid)) AS pos_oldest
    FROM loan_installments i JOIN loans l ON l.id = i.loan_id
    WHERE i.loan_id = ANY($1::bigint[]) AND l.id = ANY($1::bigint[]) AND NOT i.superseded
    GROUP BY i.loan_id
  ), col AS (
    SELECT c.loan_id, sum(c.value * r.rate) AS value
    FROM loan_collateral c JOIN collateral_discount_rates r ON r.type = c.type
    WHERE $11::boolean AND c.loan_id = ANY($1::bigint[])
    GROUP BY c.loan_id
  ), acc AS (
    SELECT l.id, l.borrower_id, l.capital_source_id, l.rounding_unit, l.outstanding_principal, l.restructuring_count,
           l.debt_group AS old_group, cs.bears_credit_risk, coalesce(col.value, 0) AS collateral,
           CASE WHEN b.loan_id IS NOT NULL THEN 0 ELSE l.period_interest_paid END AS period_paid,
           coalesce(a.unpaid_billed, 0) AS overdue_principal, a.billed_unpaid_interest, a.overdue_paid, a.late_paid, a.interest_paid,
           l.last_closed_date = $2::date - 1 AS accrue, b.loan_id IS NOT NULL AS billed_today,
           CASE WHEN b.loan_id IS NOT NULL THEN 0 ELSE l.period_interest_numerator END
             + CASE WHEN l.last_closed_date = $2::date - 1
                    THEN (l.outstanding_principal - coalesce(a.unpaid_billed, 0)) * l.annual_rate ELSE 0 END AS num,
           a.oldest_due, a.oldest_unbilled_interest, a.billed, a.overdue, a.late,
           a.pos_overdue_principal, a.pos_overdue_interest, a.pos_penalty, a.pos_oldest, l.last_closed_date IN ($2::date - 1, $2::date) AS pos_closed,
           l.interest_earned_posted AS p_interest, l.overdue_interest_earned_posted AS p_overdue, l.late_interest_earned_posted AS p_late,
           l.specific_provision_posted AS p_specific, l.general_provision_posted AS p_general
    FROM loans l
    JOIN capital_sources cs ON cs.id = l.capital_source_id
    LEFT JOIN agg a ON a.loan_id = l.id
    LEFT JOIN col ON col.loan_id = l.id
    LEFT JOIN close_billed b ON b.loan_id = l.id
    WHERE l.id = ANY($1::bigint[])
  ), dpd AS (
    SELECT acc.*, coalesce($2::date - least(acc.oldest_due, CASE WHEN acc.num > 0 THEN acc.oldest_unbilled_interest END), 0) AS dpd
    FROM acc
  ), own AS (
    SELECT dpd.*, d.g AS dpd_group, coalesce(r.g, 1) AS rs_group
    FROM dpd
    CROSS JOIN LATERAL (SELECT max(t.g) AS g FROM unnest($3::int[], $4::int[]) AS t(m, g) WHERE dpd.dpd >= t.m) d
    CROSS JOIN LATERAL (SELECT max(t.g) AS g FROM unnest($5::int[], $6::int[], $7::int[]) AS t(c, m, g)
                        WHERE dpd.restructuring_count >= t.c AND dpd.dpd >= t.m) r
  ), fin AS (
    SELECT own.*, greatest(dpd_group, rs_group) AS own_group,
           CASE WHEN rs_group > dpd_group THEN 'RESTRUCTURING' ELSE 'DPD' END AS own_reason,
           max(greatest(dpd_group, rs_group)) OVER (PARTITION BY borrower_id) AS grp
    FROM own
  )
  SELECT f.id, f.capital_source_id, f.accrue, f.billed_today, f.num, f.dpd, f.old_group, f.own_group, f.grp,
         CASE WHEN f.grp > f.own_group THEN 'CROSS_LOAN' ELSE f.own_reason END AS reason,
         CASE WHEN f.bears_credit_risk
              THEN least(round(($8::numeric[])[f.grp] * greatest(0, f.outstanding_principal - f.collateral)), f.outstanding_principal)
              ELSE 0 END AS specific,
         CASE WHEN f.bears_credit_risk AND f.grp = ANY($10::int[]) THEN round($9::numeric * f.outstanding_principal) ELSE 0 END AS general,
         coalesce(f.billed, 0) + lms_round_numerator(f.num, f.rounding_unit) AS interest,
         coalesce(f.overdue, 0) AS overdue, coalesce(f.late, 0) AS late,
         f.p_interest, f.p_overdue, f.p_late, f.p_specific, f.p_general,
         f.rounding_unit, f.period_paid, f.overdue_principal, coalesce(f.billed_unpaid_interest, 0) AS billed_unpaid_interest,
         coalesce(f.overdue, 0) - coalesce(f.overdue_paid, 0) AS overdue_interest, coalesce(f.late, 0) - coalesce(f.late_paid, 0) AS late_interest,
         coalesce(f.interest_paid, 0) AS interest_paid,
         -- Valid for D only when the loan is closed through D here and the report's DPD (days_past_due) is D − its oldest unpaid due date.
         CASE WHEN f.pos_closed AND f.dpd = coalesce($2::date - f.pos_oldest, 0) THEN $2::date END AS pos_date,
         coalesce(f.pos_overdue_principal, 0) AS pos_overdue_principal, coalesce(f.pos_overdue_interest, 0) AS pos_overdue_interest,
         coalesce(f.pos_penalty, 0) AS pos_penalty
  FROM fin f`;

/** Each change of group is stored with its date and reason (from CLOSE_CALC). $1 D. */
export const GROUP_HISTORY = `
  INSERT INTO loan_group_history (loan_id, date, from_group, to_group, reason)
  SELECT id, $1::date, old_group, grp, reason FROM close_calc WHERE grp <> old_group
  ON CONFLICT (loan_id, date) DO NOTHING`;

/**
 * The one write of each loan row for the day (from CLOSE_CALC): accrual and day D closed (the guard
 * the statements above read) with the period restarted where BILL_ACCRUE_LAST billed, days past due, groups, provisions, the report's position
 * for D (position_*, migration 1763800000010), and at a month-end ($1) the income
 * and provisions marked posted (their ledger lines were selected from close_calc before). Rows whose
 * values do not change are not written.
 */
const APPLIED = `c.num, CASE WHEN c.billed_today THEN 0 ELSE l.period_interest_paid END, CASE WHEN c.accrue THEN l.last_closed_date + 1 ELSE l.last_closed_date END, c.dpd, c.own_group, c.grp, c.reason,
    c.specific, c.general,
    CASE WHEN $1::boolean THEN c.interest ELSE l.interest_earned_posted END,
    CASE WHEN $1::boolean THEN c.overdue ELSE l.overdue_interest_earned_posted END,
    CASE WHEN $1::boolean THEN c.late ELSE l.late_interest_earned_posted END,
    CASE WHEN $1::boolean THEN c.specific ELSE l.specific_provision_posted END,
    CASE WHEN $1::boolean THEN c.general ELSE l.general_provision_posted END,
    c.pos_date, c.pos_overdue_principal, c.pos_overdue_interest, c.pos_penalty`;
const APPLIED_COLUMNS = `period_interest_numerator, period_interest_paid, last_closed_date, days_past_due, own_debt_group, debt_group, debt_group_reason,
    specific_provision, general_provision, interest_earned_posted, overdue_interest_earned_posted, late_interest_earned_posted,
    specific_provision_posted, general_provision_posted, position_date, position_overdue_principal, position_overdue_interest, position_penalty`;

export const CLOSE_APPLY = `
  UPDATE loans l SET (${APPLIED_COLUMNS}) = (${APPLIED}),
    updated_at = CASE WHEN c.accrue THEN now() ELSE l.updated_at END
  FROM close_calc c
  WHERE l.id = c.id AND (c.accrue OR (${APPLIED_COLUMNS.split(',')
    .map((x) => `l.${x.trim()}`)
    .join(', ')}) IS DISTINCT FROM (${APPLIED}))`;

/** The income catch-up is due for some loan of the chunk (from CLOSE_CALC). */
export const INCOME_PENDING = `SELECT count(*)::int AS n FROM close_calc c WHERE c.interest <> c.p_interest OR c.overdue <> c.p_overdue OR c.late <> c.p_late`;

/**
 * Income catch-up lines (loan-postings.service.ts accrualCatchUp, set-based): earned − posted per loan (from
 * CLOSE_CALC). The receivables stay per loan (the reconciliation proves them loan by loan); the
 * income side is pooled per capital source, account and direction (at 1 M loans the
 * per-loan income lines were about 3 M of the month-end's 5.7 M journal rows, each with its index
 * entries and foreign-key checks). Pooling by direction keeps the trial balance's debits and credits as
 * they were; the capital-source report sums income by source either way.
 */
export const INCOME_LINES = `
  SELECT v.account, c.capital_source_id, c.id AS loan_id, v.amount FROM close_calc c
  CROSS JOIN LATERAL (VALUES
    ('INTEREST_RECEIVABLE', c.interest - c.p_interest),
    ('PENALTY_RECEIVABLE', c.overdue + c.late - c.p_overdue - c.p_late)) AS v(account, amount)
  UNION ALL
  SELECT v.account, c.capital_source_id, NULL::bigint AS loan_id, sum(v.amount) FROM close_calc c
  CROSS JOIN LATERAL (VALUES
    ('INTEREST_INCOME', c.p_interest - c.interest),
    ('OVERDUE_INTEREST_INCOME', c.p_overdue - c.overdue),
    ('LATE_INTEREST_INCOME', c.p_late - c.late)) AS v(account, amount)
  WHERE v.amount <> 0
  GROUP BY v.account, c.capital_source_id, sign(v.amount)`;

/**
 * Classification alone (the bench loader uses it; the close uses CLOSE_CALC) (domain.md "Restructuring and risk"; risk/domain/classification.ts): own group = worse
 * of the DPD group and the restructuring group under the policy in force; then the cross-loan
 * rule — every ACTIVE loan of a borrower takes the borrower's worst group (a chunk holds all of a
 * borrower's loans). Each change is stored with its date and reason.
 * $1 ids, $2 D, $3 dpdMin, $4 dpdGroup, $5 rsCount, $6 rsDpd, $7 rsGroup.
 */
export const CLASSIFY = `
  WITH own AS (
    SELECT l.id, l.borrower_id, l.debt_group AS old_group, d.g AS dpd_group, coalesce(r.g, 1) AS rs_group
    FROM loans l
    CROSS JOIN LATERAL (SELECT max(t.g) AS g FROM unnest($3::int[], $4::int[]) AS t(m, g) WHERE l.days_past_due >= t.m) d
    CROSS JOIN LATERAL (SELECT max(t.g) AS g FROM unnest($5::int[], $6::int[], $7::int[]) AS t(c, m, g)
                        WHERE l.restructuring_count >= t.c AND l.days_past_due >= t.m) r
    WHERE l.id = ANY($1::bigint[])
  ), fin AS (
    SELECT id, old_group, greatest(dpd_group, rs_group) AS own_group,
           CASE WHEN rs_group > dpd_group THEN 'RESTRUCTURING' ELSE 'DPD' END AS own_reason,
           max(greatest(dpd_group, rs_group)) OVER (PARTITION BY borrower_id) AS grp
    FROM own
  ), fin2 AS (
    SELECT id, old_group, own_group, grp, CASE WHEN grp > own_group THEN 'CROSS_LOAN' ELSE own_reason END AS reason FROM fin
  ), hist AS (
    INSERT INTO loan_group_history (loan_id, date, from_group, to_group, reason)
    SELECT id, $2::date, old_group, grp, reason FROM fin2 WHERE grp <> old_group
    ON CONFLICT (loan_id, date) DO NOTHING
  )
  UPDATE loans l SET own_debt_group = f.own_group, debt_group = f.grp, debt_group_reason = f.reason
  FROM fin2 f WHERE l.id = f.id AND (l.own_debt_group, l.debt_group, l.debt_group_reason) IS DISTINCT FROM (f.own_group, f.grp, f.reason)`;

/**
 * Provisions (risk/domain/provisioning.ts, Decree 86/2024): specific = min(round(rate(group) ×
 * max(0, outstanding − Σ collateral × discount)), outstanding); general = round(general rate ×
 * outstanding) in the general groups; both 0 where the capital source bears no credit risk.
 * $1 ids, $2 specific rates by group, $3 general rate, $4 general groups, $5 deduct collateral.
 */
export const PROVISION = `
  UPDATE loans l SET specific_provision = x.specific, general_provision = x.general
  FROM (SELECT l2.id,
          CASE WHEN cs.bears_credit_risk THEN least(round(($2::numeric[])[l2.debt_group] * greatest(0, l2.outstanding_principal
            - CASE WHEN $5::boolean THEN coalesce((SELECT sum(c.value * r.rate) FROM loan_collateral c JOIN collateral_discount_rates r ON r.type = c.type
                                                   WHERE c.loan_id = l2.id), 0) ELSE 0 END)), l2.outstanding_principal) ELSE 0 END AS specific,
          CASE WHEN cs.bears_credit_risk AND l2.debt_group = ANY($4::int[]) THEN round($3::numeric * l2.outstanding_principal) ELSE 0 END AS general
        FROM loans l2 JOIN capital_sources cs ON cs.id = l2.capital_source_id WHERE l2.id = ANY($1::bigint[])) x
  WHERE l.id = x.id AND (l.specific_provision <> x.specific OR l.general_provision <> x.general)`;

/** A loan settled since the last close carries no provision any more. $1 from, $2 to. */
export const RELEASE_CLOSED = `
  UPDATE loans l SET specific_provision = 0, general_provision = 0
  WHERE ${RANGE} AND l.status = 'CLOSED' AND (l.specific_provision <> 0 OR l.general_provision <> 0)`;

/**
 * Provisions are posted as balances: the ledger is adjusted to the computed amounts — the chunk's
 * ACTIVE loans from CLOSE_CALC (marked posted by CLOSE_APPLY), the range's CLOSED loans from their
 * rows. $1 from, $2 to.
 */
const PROVISION_DUE_CLOSED = `${RANGE} AND l.status = 'CLOSED'
  AND (l.specific_provision <> l.specific_provision_posted OR l.general_provision <> l.general_provision_posted)`;
const PROVISION_DUE_ACTIVE = `c.specific <> c.p_specific OR c.general <> c.p_general`;

export const PROVISION_LINES = `
  SELECT v.account, c.capital_source_id, c.id AS loan_id, v.amount FROM close_calc c
  CROSS JOIN LATERAL (VALUES
    ('PROVISION_EXPENSE', c.specific - c.p_specific + c.general - c.p_general),
    ('PROVISION_SPECIFIC', c.p_specific - c.specific),
    ('PROVISION_GENERAL', c.p_general - c.general)) AS v(account, amount)
  WHERE ${PROVISION_DUE_ACTIVE}
  UNION ALL
  SELECT v.account, l.capital_source_id, l.id AS loan_id, v.amount FROM loans l
  CROSS JOIN LATERAL (VALUES
    ('PROVISION_EXPENSE', l.specific_provision - l.specific_provision_posted + l.general_provision - l.general_provision_posted),
    ('PROVISION_SPECIFIC', l.specific_provision_posted - l.specific_provision),
    ('PROVISION_GENERAL', l.general_provision_posted - l.general_provision)) AS v(account, amount)
  WHERE ${PROVISION_DUE_CLOSED}`;

export const PROVISION_PENDING = `
  SELECT (SELECT count(*) FROM close_calc c WHERE ${PROVISION_DUE_ACTIVE})::int
       + (SELECT count(*) FROM loans l WHERE ${PROVISION_DUE_CLOSED})::int AS n`;

export const PROVISION_MARK_POSTED_CLOSED = `
  UPDATE loans l SET specific_provision_posted = l.specific_provision, general_provision_posted = l.general_provision WHERE ${PROVISION_DUE_CLOSED}`;
