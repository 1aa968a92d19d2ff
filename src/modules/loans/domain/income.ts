// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/loans/engine-sql/close-snapshot.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { Money, sum } from '../../../platform/money/money.js';
import { type LoanState, roundNumerator } from './loan-state.js';

/**
 * Income a loan has earned to date, in whole VND, by kind: what the ledger must have
 * recognised (design.md: accruals may be posted in batches as long as the ledger agrees at
 * month-ends and at every repayment). Normal interest = every billed period plus the current
 * period's accrual rounded; penalties = each installment's running total rounded (domain.md:
 * rounded when paid or posted).
 */
export interface EarnedIncome {
  interest: Money;
  overdueInterest: Money;
  lateInterest: Money;
}

export interface CollectedIncome extends EarnedIncome {
  principal: Money;
}

export function earnedIncome(state: LoanState): EarnedIncome {
  const t = state.terms;
  return {
    interest: sum(state.installments.map((i) => i.interestDue ?? new Money(0))).plus(roundNumerator(t, state.periodInterestNumerator)),
    overdueInterest: sum(state.installments.map((i) => roundNumerator(t, i.overdueInterestNumerator))),
    lateInterest: sum(state.installments.map((i) => roundNumerator(t, i.lateInterestNumerator))),
  };
}

/** Everything collected so far, by kind (receivable = earned − collected). */
export function collectedIncome(state: LoanState): CollectedIncome {
  return {
    principal: state.disbursedPrincipal.minus(state.outstandingPrincipal),
    interest: sum(state.installments.map((i) => i.interestPaid)).plus(state.periodInterestPaid),
    overdueInterest: sum(state.installments.map((i) => i.overdueInterestPaid)),
    lateInterest: sum(state.installments.map((i) => i.lateInterestPaid)),
  };
}
