// Mirrors (change together): src/modules/loans/domain/loan-state.ts, src/modules/loans/domain/loan-summary.ts, src/modules/loans/domain/income.ts
// Renditions (change together): bench/simulate.ts
import { RANGE } from './close-range.sql.js';

/**
 * The month-end snapshots the close writes (domain.md "Reports the fund files and auditors ask
 * for": figures as of each month-end), part of one chunk's close (close-chunk.sql.ts).
 */

const SNAPSHOT_COLUMNS = [
  'borrower_id',
  'capital_source_id',
  'product_version_id',
  'sector_version',
  'sector_code',
  'status',
  'term_months',
  'disbursed_principal',
  'outstanding_principal',
  'overdue_principal',
  'billed_unpaid_interest',
  'accrued_interest',
  'overdue_interest',
  'late_interest',
  'principal_collected',
  'interest_collected',
  'days_past_due',
  'debt_group',
  'specific_provision',
  'general_provision',
  // The loan's flow counters as of the snapshot (migration 1763800000007): the report's period flows start from them.
  'flow_disbursed',
  'flow_principal_collected',
  'flow_interest_collected',
  'flow_entries',
];

const SNAPSHOT_UPSERT = `ON CONFLICT (snapshot_date, loan_id) DO UPDATE SET ${SNAPSHOT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

/**
 * Month-end snapshot (loanSummary figures, collectedIncome cumulative) of the chunk's ACTIVE loans,
 * after CLOSE_APPLY, from the figures CLOSE_CALC computed (and CLOSE_APPLY wrote) and the
 * installment sums it took in its one pass (no second scan of the installments): overdue
 * principal and billed unpaid interest over the billed installments, overdue and late interest =
 * Σ round(numerator) − paid over the installments that accrued, accrued interest =
 * round(period numerator) − interest paid in the period, interest collected = Σ interest paid +
 * interest paid in the period. $1 D.
 */
export const SNAPSHOT_ACTIVE = `
  INSERT INTO loan_snapshots (snapshot_date, loan_id, ${SNAPSHOT_COLUMNS.join(', ')})
  SELECT $1::date, l.id, l.borrower_id, l.capital_source_id, l.product_version_id, l.sector_version, l.sector_code, l.status, l.term_months,
         l.disbursed_principal, l.outstanding_principal, c.overdue_principal, c.billed_unpaid_interest,
         greatest(lms_round_numerator(c.num, c.rounding_unit) - c.period_paid, 0), c.overdue_interest, c.late_interest,
         l.disbursed_principal - l.outstanding_principal, c.interest_paid + c.period_paid, c.dpd, c.grp, c.specific, c.general,
         l.flow_disbursed, l.flow_principal_collected, l.flow_interest_collected, l.flow_entries
  FROM close_calc c JOIN loans l ON l.id = c.id
  ${SNAPSHOT_UPSERT}`;

/**
 * Month-end snapshot, as SNAPSHOT_ACTIVE, of the range's other loans from their rows: WRITTEN_OFF,
 * or CLOSED during that month (not in the chunk's locked ACTIVE loans, $4). $1 from, $2 to, $3 D.
 */
export const SNAPSHOT_OTHERS = `
  INSERT INTO loan_snapshots (snapshot_date, loan_id, ${SNAPSHOT_COLUMNS.join(', ')})
  SELECT $3::date, l.id, l.borrower_id, l.capital_source_id, l.product_version_id, l.sector_version, l.sector_code, l.status, l.term_months,
         l.disbursed_principal, l.outstanding_principal, coalesce(s.overdue_principal, 0), coalesce(s.billed_unpaid_interest, 0),
         greatest(lms_round_numerator(l.period_interest_numerator, l.rounding_unit) - l.period_interest_paid, 0),
         coalesce(s.overdue_interest, 0), coalesce(s.late_interest, 0),
         l.disbursed_principal - l.outstanding_principal, coalesce(s.interest_paid, 0) + l.period_interest_paid,
         CASE WHEN l.status = 'CLOSED' THEN 0 ELSE l.days_past_due END, l.debt_group, l.specific_provision, l.general_provision,
         l.flow_disbursed, l.flow_principal_collected, l.flow_interest_collected, l.flow_entries
  FROM loans l LEFT JOIN LATERAL (
    SELECT sum(CASE WHEN i.billed THEN i.principal_due - i.principal_paid ELSE 0 END) AS overdue_principal,
           sum(CASE WHEN i.billed THEN i.interest_due - i.interest_paid ELSE 0 END) AS billed_unpaid_interest,
           sum(CASE WHEN i.overdue_interest_numerator <> 0
                    THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END) AS overdue_interest,
           sum(CASE WHEN i.late_interest_numerator <> 0
                    THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END) AS late_interest,
           sum(i.interest_paid) AS interest_paid
    FROM loan_installments i WHERE i.loan_id = l.id AND NOT i.superseded) s ON true
  WHERE ${RANGE} AND NOT l.id = ANY($4::bigint[])
    AND (l.status IN ('ACTIVE', 'WRITTEN_OFF') OR (l.status = 'CLOSED' AND l.closed_on >= date_trunc('month', $3::date)::date))
  ${SNAPSHOT_UPSERT}`;
