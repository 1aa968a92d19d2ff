import { Money, ZERO } from '../../../platform/money/index.js';
import { type LoanState, type RepaymentAllocation, daysPastDue, loanSummary, projectInstallments } from '../domain/index.js';
import type { AllocationLineDto, InstallmentDto, LoanDto } from '../dto/loan-views.dto.js';
import type { LoanRow } from './loan-store.repository.js';

const pct = (fraction: string): string => new Money(fraction).mul(100).toFixed();

/**
 * The same summary at the last closed day from a shorter state. loanSummary projects every
 * installment not billed yet but reads only the first one's projection, which depends on the
 * later ones only through the principal they carry (the projected balance); DPD stops at the
 * first installment due after the day. So the later ones collapse into one carrying their
 * principal sum (whole VND: exact), which saves most of the Decimal work of a status read.
 */
function summaryState(state: LoanState): LoanState {
  const first = state.installments.findIndex((i) => !i.billed);
  if (first < 0 || state.installments[first].dueDate <= state.lastClosedDate) return state;
  const rest = state.installments.slice(first + 1);
  if (rest.length < 2 || rest.some((i) => i.billed)) return state;
  const carried = rest.reduce((acc, i) => acc.plus(i.principalDue), ZERO);
  return { ...state, installments: [...state.installments.slice(0, first + 1), { ...rest[rest.length - 1], principalDue: carried }] };
}

/** The loan as the API shows it: contract terms from the row, balances from the engine state. */
export function toLoanDto(row: LoanRow, state: LoanState | null): LoanDto {
  const summary = state ? loanSummary(summaryState(state), state.lastClosedDate) : null;
  const z = ZERO.toFixed();
  return {
    id: String(row.id),
    contractNumber: row.contract_number,
    status: row.status,
    borrowerId: String(row.borrower_id),
    applicationId: String(row.application_id),
    productVersionId: String(row.product_version_id),
    capitalSourceId: String(row.capital_source_id),
    sector: { version: row.sector_version, code: row.sector_code },
    signingDate: row.signing_date,
    startDate: row.start_date,
    maturityDate: row.maturity_date,
    approvedAmount: new Money(row.approved_amount).toFixed(),
    terms: {
      annualInterestRatePercent: pct(row.annual_rate),
      monthlyInterestRatePercent: new Money(row.annual_rate).mul(100).div(12).toDecimalPlaces(6).toFixed(),
      overdueMultiplier: new Money(row.overdue_multiplier).toFixed(),
      lateInterestRatePercent: pct(row.late_interest_rate),
      amortizationMethod: row.amortization_method,
      principalFrequency: row.principal_frequency,
      interestFrequency: row.interest_frequency,
      termMonths: row.term_months,
      gracePeriods: row.grace_periods,
      roundingUnit: new Money(row.rounding_unit).toFixed(),
      maxTranches: row.max_tranches,
      prepaymentMode: row.prepayment_mode,
      allocationOrder: row.allocation_order,
      businessDayRule: row.business_day_rule,
    },
    trancheCount: row.tranche_count,
    principalDisbursed: new Money(row.disbursed_principal).toFixed(),
    outstandingPrincipal: new Money(row.outstanding_principal).toFixed(),
    accruedInterest: summary?.accruedInterest.toFixed() ?? z,
    billedUnpaidInterest: summary?.billedUnpaidInterest.toFixed() ?? z,
    overduePrincipal: summary?.overduePrincipal.toFixed() ?? z,
    overdueInterest: summary?.overdueInterest.toFixed() ?? z,
    lateInterest: summary?.lateInterest.toFixed() ?? z,
    nextDueDate: summary?.nextDueDate ?? null,
    nextDueAmount: summary?.nextDueAmount?.toFixed() ?? null,
    daysPastDue: state ? daysPastDue(state, state.lastClosedDate) : 0,
    debtGroup: row.debt_group,
    asOf: state?.lastClosedDate ?? null,
    closedOn: row.closed_on,
    legacyTerms: row.legacy_terms,
    legacyRules: row.legacy_rules ?? [],
    origin: row.origin,
  };
}

export function toInstallmentDtos(state: LoanState | null): InstallmentDto[] {
  if (!state) return [];
  return projectInstallments(state).map((i) => {
    const paid = i.billed && i.principalPaid.eq(i.principal) && i.interestPaid.gte(i.interest);
    const status = paid ? 'PAID' : !i.billed ? 'SCHEDULED' : i.dueDate <= state.lastClosedDate ? 'OVERDUE' : 'DUE';
    return {
      seq: i.seq,
      dueDate: i.dueDate,
      principal: i.principal.toFixed(),
      interest: i.interest.toFixed(),
      billed: i.billed,
      principalPaid: i.principalPaid.toFixed(),
      interestPaid: i.interestPaid.toFixed(),
      status,
      contractualDate: i.contractualDate ?? i.dueDate,
      moved: i.contractualDate !== undefined,
      moveReason: i.moveReason ?? null,
    };
  });
}

export function toAllocationLines(allocation: RepaymentAllocation): AllocationLineDto[] {
  return allocation.lines.map((l) => ({ step: l.step, component: l.component, installmentSeq: l.seq, amount: l.amount.toFixed() }));
}

export function totalsOf(allocation: RepaymentAllocation): Record<string, string> {
  return Object.fromEntries(Object.entries(allocation.totals).map(([k, v]) => [k, v.toFixed()]));
}
