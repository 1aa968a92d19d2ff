import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';
import { notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import { isCooperativeOnly, type Actor } from '../../auth/index.js';
import {
  type AllocationStep,
  type AmortizationMethod,
  type Frequency,
  type InstallmentState,
  type LoanEvent,
  type LoanState,
  type LoanTerms,
  type PrepaymentMode,
  currentMaturity,
  initialLoanState,
  makeLoanTerms,
} from '../domain/index.js';

/** A loans row as PostgreSQL returns it (numeric and bigint as strings, dates as text). */
export interface LoanRow {
  id: string;
  contract_number: string;
  application_id: string;
  borrower_id: string;
  product_version_id: string;
  capital_source_id: string;
  sector_version: string;
  sector_code: string;
  status: 'PENDING_DISBURSEMENT' | 'ACTIVE' | 'CLOSED' | 'WRITTEN_OFF';
  signing_date: string;
  approved_amount: string;
  annual_rate: string;
  overdue_multiplier: string;
  late_interest_rate: string;
  amortization_method: AmortizationMethod;
  principal_frequency: Frequency;
  interest_frequency: Frequency;
  term_months: number;
  grace_periods: number;
  rounding_unit: string;
  allocation_order: AllocationStep[];
  prepayment_mode: PrepaymentMode;
  max_tranches: number;
  credit_report_reference: string | null;
  credit_report_date: string | null;
  start_date: string | null;
  maturity_date: string | null;
  tranche_count: number;
  disbursed_principal: string;
  outstanding_principal: string;
  prepaid_principal: string;
  period_interest_numerator: string;
  period_interest_paid: string;
  last_closed_date: string | null;
  interest_earned_posted: string;
  overdue_interest_earned_posted: string;
  late_interest_earned_posted: string;
  days_past_due: number;
  debt_group: number;
  restructuring_count: number;
  closed_on: string | null;
}

const DATE_COLUMNS = ['signing_date', 'credit_report_date', 'start_date', 'maturity_date', 'last_closed_date', 'closed_on'];
export const LOAN_COLUMNS = `l.*, ${DATE_COLUMNS.map((c) => `l.${c}::text AS ${c}`).join(', ')}`;

interface InstallmentRow {
  seq: number;
  due_date: string;
  principal_date: boolean;
  interest_date: boolean;
  principal_due: string;
  interest_due: string | null;
  billed: boolean;
  principal_paid: string;
  interest_paid: string;
  overdue_interest_numerator: string;
  late_interest_numerator: string;
  overdue_interest_paid: string;
  late_interest_paid: string;
}

/** The loan's copied contract terms; null before the first disbursement fixes the start date. */
export function termsOf(row: LoanRow, startDate: LocalDate | null = row.start_date): LoanTerms | null {
  if (!startDate) return null;
  return makeLoanTerms({
    annualRate: new Money(row.annual_rate),
    overdueMultiplier: new Money(row.overdue_multiplier),
    lateInterestRate: new Money(row.late_interest_rate),
    method: row.amortization_method,
    principalFrequency: row.principal_frequency,
    interestFrequency: row.interest_frequency,
    termMonths: row.term_months,
    gracePeriods: row.grace_periods,
    roundingUnit: new Money(row.rounding_unit),
    allocationOrder: row.allocation_order,
    prepaymentMode: row.prepayment_mode,
    startDate,
  });
}

/** A COOPERATIVE user reaches only its own borrower's loans; others get the same 404 as a missing id. */
export function assertMayRead(actor: Actor, row: { borrower_id: string } | undefined, id: string): asserts row {
  if (!row || (isCooperativeOnly(actor) && String(row.borrower_id) !== actor.borrowerId)) throw notFound('loan', id);
}

export const loanStore = {
  async find(m: EntityManager, actor: Actor, id: string, lock: boolean): Promise<LoanRow> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('loan', id);
    const rows: LoanRow[] = await m.query(`SELECT ${LOAN_COLUMNS} FROM loans l WHERE l.id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`, [id]);
    assertMayRead(actor, rows[0], id);
    return rows[0];
  },

  /** The cached engine state (installments not superseded). */
  async state(m: EntityManager, row: LoanRow): Promise<LoanState | null> {
    const terms = termsOf(row);
    if (!terms || !row.last_closed_date) return null;
    const rows: InstallmentRow[] = await m.query(
      `SELECT seq, due_date::text AS due_date, principal_date, interest_date, principal_due, interest_due, billed, principal_paid, interest_paid,
              overdue_interest_numerator, late_interest_numerator, overdue_interest_paid, late_interest_paid
       FROM loan_installments WHERE loan_id = $1 AND NOT superseded ORDER BY seq`,
      [row.id],
    );
    const installments: InstallmentState[] = rows.map((r) => ({
      seq: r.seq,
      dueDate: r.due_date,
      principalDate: r.principal_date,
      interestDate: r.interest_date,
      principalDue: new Money(r.principal_due),
      interestDue: r.interest_due === null ? null : new Money(r.interest_due),
      billed: r.billed,
      principalPaid: new Money(r.principal_paid),
      interestPaid: new Money(r.interest_paid),
      overdueInterestNumerator: new Money(r.overdue_interest_numerator),
      lateInterestNumerator: new Money(r.late_interest_numerator),
      overdueInterestPaid: new Money(r.overdue_interest_paid),
      lateInterestPaid: new Money(r.late_interest_paid),
    }));
    return {
      ...initialLoanState(terms),
      disbursedPrincipal: new Money(row.disbursed_principal),
      outstandingPrincipal: new Money(row.outstanding_principal),
      prepaidPrincipal: new Money(row.prepaid_principal),
      periodInterestNumerator: new Money(row.period_interest_numerator),
      periodInterestPaid: new Money(row.period_interest_paid),
      lastClosedDate: row.last_closed_date,
      installments,
    };
  },

  /** Writes the state back: the loan row's cache and every installment (dropped ones superseded). */
  async saveState(m: EntityManager, loanId: string, state: LoanState, extra: { status: LoanRow['status']; closedOn: LocalDate | null; trancheCount?: number }): Promise<void> {
    await m.query(
      `UPDATE loans SET status = $2, start_date = $3, maturity_date = $4, disbursed_principal = $5, outstanding_principal = $6,
              prepaid_principal = $7, period_interest_numerator = $8, period_interest_paid = $9, last_closed_date = $10,
              closed_on = $11, tranche_count = coalesce($12, tranche_count), updated_at = now()
       WHERE id = $1`,
      [
        loanId,
        extra.status,
        state.terms.startDate,
        currentMaturity(state), // the contract's maturity, or a later one after an extension (issue 5)
        state.disbursedPrincipal.toFixed(),
        state.outstandingPrincipal.toFixed(),
        state.prepaidPrincipal.toFixed(),
        state.periodInterestNumerator.toFixed(),
        state.periodInterestPaid.toFixed(),
        state.lastClosedDate,
        extra.closedOn,
        extra.trancheCount ?? null,
      ],
    );
    const i = state.installments;
    const col = (f: (x: InstallmentState) => string | number | boolean | null): Array<string | number | boolean | null> => i.map(f);
    await m.query(
      `INSERT INTO loan_installments (loan_id, seq, due_date, principal_date, interest_date, principal_due, interest_due, billed, principal_paid,
              interest_paid, overdue_interest_numerator, late_interest_numerator, overdue_interest_paid, late_interest_paid, superseded)
       SELECT $1, * , false FROM unnest($2::int[], $3::date[], $4::bool[], $5::bool[], $6::numeric[], $7::numeric[], $8::bool[], $9::numeric[],
              $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::numeric[])
       ON CONFLICT (loan_id, seq) DO UPDATE SET due_date = EXCLUDED.due_date, principal_date = EXCLUDED.principal_date,
              interest_date = EXCLUDED.interest_date, principal_due = EXCLUDED.principal_due, interest_due = EXCLUDED.interest_due,
              billed = EXCLUDED.billed, principal_paid = EXCLUDED.principal_paid, interest_paid = EXCLUDED.interest_paid,
              overdue_interest_numerator = EXCLUDED.overdue_interest_numerator, late_interest_numerator = EXCLUDED.late_interest_numerator,
              overdue_interest_paid = EXCLUDED.overdue_interest_paid, late_interest_paid = EXCLUDED.late_interest_paid, superseded = false`,
      [
        loanId,
        col((x) => x.seq),
        col((x) => x.dueDate),
        col((x) => x.principalDate),
        col((x) => x.interestDate),
        col((x) => x.principalDue.toFixed()),
        col((x) => (x.interestDue === null ? null : x.interestDue.toFixed())),
        col((x) => x.billed),
        col((x) => x.principalPaid.toFixed()),
        col((x) => x.interestPaid.toFixed()),
        col((x) => x.overdueInterestNumerator.toFixed()),
        col((x) => x.lateInterestNumerator.toFixed()),
        col((x) => x.overdueInterestPaid.toFixed()),
        col((x) => x.lateInterestPaid.toFixed()),
      ],
    );
    await m.query(`UPDATE loan_installments SET superseded = true WHERE loan_id = $1 AND NOT superseded AND NOT (seq = ANY($2::int[]))`, [
      loanId,
      i.map((x) => x.seq),
    ]);
  },

  /** The loan's events in recording order (reversed repayments excluded): the input of a replay. */
  async events(m: EntityManager, loanId: string): Promise<LoanEvent[]> {
    // An approved restructuring is a SCHEDULE_CHANGE event carrying the schedule it applied (issue 5).
    const rows: Array<{ id: string; kind: LoanEvent['kind']; value_date: string; amount: string; plan: Array<{ dueDate: string; principal: string; interestDate?: boolean }> | null }> =
      await m.query(
        `SELECT e.id, e.kind, e.value_date::text AS value_date, e.amount, r.applied_installments AS plan
         FROM loan_events e LEFT JOIN loan_restructurings r ON r.id = e.restructuring_id
         WHERE e.loan_id = $1 AND e.reversed_at IS NULL ORDER BY e.id`,
        [loanId],
      );
    return rows.map((r): LoanEvent => {
      if (r.kind === 'DISBURSEMENT') return { kind: 'DISBURSEMENT', date: r.value_date, amount: new Money(r.amount) };
      if (r.kind === 'SCHEDULE_CHANGE') {
        const installments = (r.plan ?? []).map((p) => ({ dueDate: p.dueDate, principal: new Money(p.principal), interestDate: p.interestDate }));
        return { kind: 'SCHEDULE_CHANGE', date: r.value_date, installments };
      }
      return { kind: 'REPAYMENT', id: String(r.id), date: r.value_date, amount: new Money(r.amount) };
    });
  },
};

