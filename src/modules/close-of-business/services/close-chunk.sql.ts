/**
 * The close of one day for one chunk, as set-based SQL over the chunk's locked ACTIVE loans
 * ($ids, bigint[]). Each statement mirrors one function of the loan engine column for column
 * (src/modules/loans/domain), and each is guarded by `last_closed_date = D − 1`, i.e. it touches
 * only loans not yet closed for D (domain.md "Close of business": idempotent per loan and date).
 */

/** A chunk's borrower range: $1 from (inclusive), $2 to (exclusive, NULL = no bound). */
const RANGE = `l.borrower_id >= $1::bigint AND ($2::bigint IS NULL OR l.borrower_id < $2::bigint)`;

/** Locks the chunk's ACTIVE loans (a repayment on one of them waits, or gets 409 after its lock_timeout). */
export const LOCK_LOANS = `
  SELECT l.id::text AS id, l.last_closed_date::text AS last_closed_date FROM loans l
  WHERE ${RANGE} AND l.status = 'ACTIVE' ORDER BY l.id FOR UPDATE`;

/**
 * billDueOn (loan-state.ts), part 1: the first interest-date installment due on D bills
 * round(period numerator ÷ 365), is credited the interest settlement took early, and the period
 * numerator restarts at zero. $1 ids, $2 D.
 */
export const BILL_INTEREST = `
  WITH due AS (
    SELECT DISTINCT ON (i.loan_id) i.loan_id, i.seq
    FROM loan_installments i JOIN loans l ON l.id = i.loan_id
    WHERE i.loan_id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1
      AND i.due_date = $2::date AND i.interest_date AND NOT i.billed AND NOT i.superseded
    ORDER BY i.loan_id, i.seq
  ), billed AS (
    UPDATE loan_installments i
    SET billed = true, interest_due = lms_round_numerator(l.period_interest_numerator, l.rounding_unit),
        interest_paid = i.interest_paid + l.period_interest_paid
    FROM due JOIN loans l ON l.id = due.loan_id
    WHERE i.loan_id = due.loan_id AND i.seq = due.seq
    RETURNING i.loan_id
  )
  UPDATE loans l SET period_interest_numerator = 0, period_interest_paid = 0 FROM billed b WHERE l.id = b.loan_id`;

/** billDueOn, part 2: every other installment due on D is billed with zero interest. $1 ids, $2 D. */
export const BILL_REST = `
  UPDATE loan_installments i SET billed = true, interest_due = 0
  FROM loans l
  WHERE l.id = i.loan_id AND i.loan_id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1
    AND i.due_date = $2::date AND NOT i.billed AND NOT i.superseded`;

/**
 * accrueDays(1) on installments (domain.md "Overdue"): unpaid billed principal accrues at
 * rate × overdue multiplier, unpaid billed interest at the late rate, from the due date included.
 */
export const ACCRUE_INSTALLMENTS = `
  UPDATE loan_installments i SET
    overdue_interest_numerator = i.overdue_interest_numerator
      + CASE WHEN i.principal_paid <> i.principal_due THEN (i.principal_due - i.principal_paid) * (l.annual_rate * l.overdue_multiplier) ELSE 0 END,
    late_interest_numerator = i.late_interest_numerator
      + CASE WHEN i.interest_paid <> i.interest_due THEN (i.interest_due - i.interest_paid) * l.late_interest_rate ELSE 0 END
  FROM loans l
  WHERE l.id = i.loan_id AND i.loan_id = ANY($1::bigint[]) AND l.last_closed_date = $2::date - 1 AND i.billed AND NOT i.superseded
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

/** daysPastDue (loan-summary.ts): D − the due date of the oldest unpaid principal or interest; 0 if none. */
export const DAYS_PAST_DUE = `
  UPDATE loans l SET days_past_due = x.dpd
  FROM (SELECT l2.id, coalesce($2::date - (
          SELECT min(i.due_date) FROM loan_installments i
          WHERE i.loan_id = l2.id AND NOT i.superseded AND i.due_date <= $2::date
            AND (i.principal_paid < i.principal_due
                 OR CASE WHEN i.billed THEN i.interest_due > i.interest_paid ELSE i.interest_date AND l2.period_interest_numerator > 0 END)), 0) AS dpd
        FROM loans l2 WHERE l2.id = ANY($1::bigint[])) x
  WHERE l.id = x.id AND l.days_past_due <> x.dpd`;

/**
 * Classification (domain.md "Restructuring and risk"; domain/classification.ts): own group = worse
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
 * Provisions (domain/provisioning.ts, Decree 86/2024): specific = min(round(rate(group) ×
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

/** earnedIncome (income.ts) in whole units, with what is posted so far. $1 ids. */
const EARNED = `
  SELECT l.id AS loan_id, l.capital_source_id,
         coalesce(s.billed, 0) + lms_round_numerator(l.period_interest_numerator, l.rounding_unit) AS interest,
         coalesce(s.overdue, 0) AS overdue, coalesce(s.late, 0) AS late,
         l.interest_earned_posted AS p_interest, l.overdue_interest_earned_posted AS p_overdue, l.late_interest_earned_posted AS p_late
  FROM loans l LEFT JOIN LATERAL (
    SELECT sum(coalesce(i.interest_due, 0)) AS billed,
           sum(lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit)) AS overdue,
           sum(lms_round_numerator(i.late_interest_numerator, l.rounding_unit)) AS late
    FROM loan_installments i WHERE i.loan_id = l.id AND NOT i.superseded) s ON true
  WHERE l.id = ANY($1::bigint[])`;

/** Income catch-up lines (loan-postings.ts accrualCatchUp, set-based): earned − posted per loan. */
export const INCOME_LINES = `
  SELECT v.account, e.capital_source_id, e.loan_id, v.amount FROM (${EARNED}) e
  CROSS JOIN LATERAL (VALUES
    ('INTEREST_RECEIVABLE', e.interest - e.p_interest),
    ('INTEREST_INCOME', e.p_interest - e.interest),
    ('PENALTY_RECEIVABLE', e.overdue + e.late - e.p_overdue - e.p_late),
    ('OVERDUE_INTEREST_INCOME', e.p_overdue - e.overdue),
    ('LATE_INTEREST_INCOME', e.p_late - e.late)) AS v(account, amount)`;

export const INCOME_PENDING = `SELECT count(*)::int AS n FROM (${EARNED}) e WHERE e.interest <> e.p_interest OR e.overdue <> e.p_overdue OR e.late <> e.p_late`;

export const INCOME_MARK_POSTED = `
  UPDATE loans l SET interest_earned_posted = e.interest, overdue_interest_earned_posted = e.overdue, late_interest_earned_posted = e.late
  FROM (${EARNED}) e WHERE l.id = e.loan_id AND (e.interest <> e.p_interest OR e.overdue <> e.p_overdue OR e.late <> e.p_late)`;

/** Provisions are posted as balances: the ledger is adjusted to the computed amounts. $1 from, $2 to. */
const PROVISION_DUE = `${RANGE} AND l.status IN ('ACTIVE', 'CLOSED')
  AND (l.specific_provision <> l.specific_provision_posted OR l.general_provision <> l.general_provision_posted)`;

export const PROVISION_LINES = `
  SELECT v.account, l.capital_source_id, l.id AS loan_id, v.amount FROM loans l
  CROSS JOIN LATERAL (VALUES
    ('PROVISION_EXPENSE', l.specific_provision - l.specific_provision_posted + l.general_provision - l.general_provision_posted),
    ('PROVISION_SPECIFIC', l.specific_provision_posted - l.specific_provision),
    ('PROVISION_GENERAL', l.general_provision_posted - l.general_provision)) AS v(account, amount)
  WHERE ${PROVISION_DUE}`;

export const PROVISION_PENDING = `SELECT count(*)::int AS n FROM loans l WHERE ${PROVISION_DUE}`;

export const PROVISION_MARK_POSTED = `
  UPDATE loans l SET specific_provision_posted = l.specific_provision, general_provision_posted = l.general_provision WHERE ${PROVISION_DUE}`;

const SNAPSHOT_COLUMNS = [
  'borrower_id', 'capital_source_id', 'product_version_id', 'sector_version', 'sector_code', 'status', 'term_months',
  'disbursed_principal', 'outstanding_principal', 'overdue_principal', 'billed_unpaid_interest', 'accrued_interest', 'overdue_interest',
  'late_interest', 'principal_collected', 'interest_collected', 'days_past_due', 'debt_group', 'specific_provision', 'general_provision',
];

/**
 * Month-end snapshot (loanSummary figures, collectedIncome cumulative): every loan of the range
 * that is ACTIVE or WRITTEN_OFF, or CLOSED during that month. $1 from, $2 to, $3 D.
 */
export const SNAPSHOT = `
  INSERT INTO loan_snapshots (snapshot_date, loan_id, ${SNAPSHOT_COLUMNS.join(', ')})
  SELECT $3::date, l.id, l.borrower_id, l.capital_source_id, l.product_version_id, l.sector_version, l.sector_code, l.status, l.term_months,
         l.disbursed_principal, l.outstanding_principal, coalesce(s.overdue_principal, 0), coalesce(s.billed_unpaid_interest, 0),
         greatest(lms_round_numerator(l.period_interest_numerator, l.rounding_unit) - l.period_interest_paid, 0),
         coalesce(s.overdue_interest, 0), coalesce(s.late_interest, 0),
         l.disbursed_principal - l.outstanding_principal, coalesce(s.interest_paid, 0) + l.period_interest_paid,
         CASE WHEN l.status = 'CLOSED' THEN 0 ELSE l.days_past_due END, l.debt_group, l.specific_provision, l.general_provision
  FROM loans l LEFT JOIN LATERAL (
    SELECT sum(CASE WHEN i.billed THEN i.principal_due - i.principal_paid ELSE 0 END) AS overdue_principal,
           sum(CASE WHEN i.billed THEN i.interest_due - i.interest_paid ELSE 0 END) AS billed_unpaid_interest,
           sum(CASE WHEN i.overdue_interest_numerator <> 0
                    THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END) AS overdue_interest,
           sum(CASE WHEN i.late_interest_numerator <> 0
                    THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END) AS late_interest,
           sum(i.interest_paid) AS interest_paid
    FROM loan_installments i WHERE i.loan_id = l.id AND NOT i.superseded) s ON true
  WHERE ${RANGE} AND (l.status IN ('ACTIVE', 'WRITTEN_OFF') OR (l.status = 'CLOSED' AND l.closed_on >= date_trunc('month', $3::date)::date))
  ON CONFLICT (snapshot_date, loan_id) DO UPDATE SET ${SNAPSHOT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
