import type { BusinessDayRule } from '../../../platform/dates/index.js';
import type { AllocationStep, AmortizationMethod, Frequency, PrepaymentMode } from '../domain/index.js';

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
  business_day_rule: BusinessDayRule;
  /** The due-date moves resolved when the schedule was first built (docs/working-days.md). */
  due_date_moves: Array<{ contractualDate: string; dueDate: string; reason: { vi: string; en: string } }>;
  /** A contract brought in by a book import under older rules (README "Bringing in an existing loan book"). */
  legacy_terms: boolean;
  legacy_rules: string[] | null;
  origin: string | null;
}

/**
 * Exactly LoanRow's columns (not `l.*`): the status read parses every field of every row, and
 * `l.*` carried 9 columns nobody reads here plus the 6 dates twice (once parsed into a Date
 * and thrown away). The type check below fails when LoanRow gains a field not listed here.
 */
const LOAN_ROW_FIELDS = [
  'id',
  'contract_number',
  'application_id',
  'borrower_id',
  'product_version_id',
  'capital_source_id',
  'sector_version',
  'sector_code',
  'status',
  'signing_date',
  'approved_amount',
  'annual_rate',
  'overdue_multiplier',
  'late_interest_rate',
  'amortization_method',
  'principal_frequency',
  'interest_frequency',
  'term_months',
  'grace_periods',
  'rounding_unit',
  'allocation_order',
  'prepayment_mode',
  'max_tranches',
  'credit_report_reference',
  'credit_report_date',
  'start_date',
  'maturity_date',
  'tranche_count',
  'disbursed_principal',
  'outstanding_principal',
  'prepaid_principal',
  'period_interest_numerator',
  'period_interest_paid',
  'last_closed_date',
  'interest_earned_posted',
  'overdue_interest_earned_posted',
  'late_interest_earned_posted',
  'days_past_due',
  'debt_group',
  'restructuring_count',
  'closed_on',
  'business_day_rule',
  'due_date_moves',
  'legacy_terms',
  'legacy_rules',
  'origin',
] as const satisfies ReadonlyArray<keyof LoanRow>;
type UnlistedLoanField = Exclude<keyof LoanRow, (typeof LOAN_ROW_FIELDS)[number]>;
const EVERY_LOAN_FIELD_LISTED: [UnlistedLoanField] extends [never] ? true : UnlistedLoanField = true;
void EVERY_LOAN_FIELD_LISTED;

const DATE_COLUMNS: ReadonlySet<string> = new Set(['signing_date', 'credit_report_date', 'start_date', 'maturity_date', 'last_closed_date', 'closed_on']);
/** LoanRow's columns of `loans l`, dates as text (LocalDate strings). */
export const LOAN_COLUMNS = LOAN_ROW_FIELDS.map((c) => (DATE_COLUMNS.has(c) ? `l.${c}::text AS ${c}` : `l.${c}`)).join(', ');

export interface InstallmentRow {
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
  contractual_date: string | null;
  move_reason_vi: string | null;
  move_reason_en: string | null;
}
