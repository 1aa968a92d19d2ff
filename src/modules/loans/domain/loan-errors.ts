import { toDecimalString, type Money } from '../../../platform/money/money.js';
import type { TermsViolation } from './loan-terms.js';

/**
 * Domain errors of the loan engine. Each carries a stable dotted code (design.md "API": one
 * filter maps domain errors to RFC 9457 problem details) and the figures that broke the rule.
 */
export type LoanErrorCode =
  | 'LOAN.INVALID_TERMS'
  | 'LOAN.AMOUNT_NOT_POSITIVE_WHOLE_VND'
  | 'LOAN.REPAYMENT_ABOVE_PAYOFF'
  | 'LOAN.EVENT_BEFORE_START_DATE'
  | 'LOAN.EVENT_BEFORE_CLOSED_DATE'
  | 'LOAN.DAY_CLOSED_OUT_OF_ORDER'
  | 'LOAN.FIRST_DISBURSEMENT_NOT_ON_START_DATE'
  | 'LOAN.DISBURSEMENT_AFTER_LAST_DUE_DATE'
  | 'LOAN.OPENING_POSITION_INCONSISTENT'
  | 'LOAN.OPENING_POSITION_NOT_FIRST';

export class LoanDomainError extends Error {
  constructor(
    readonly code: LoanErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'LoanDomainError';
  }
}

export class InvalidLoanTermsError extends LoanDomainError {
  constructor(readonly violations: readonly TermsViolation[]) {
    super('LOAN.INVALID_TERMS', `invalid loan terms: ${violations.map((v) => v.message).join('; ')}`);
    this.name = 'InvalidLoanTermsError';
  }
}

/** domain.md: "An amount above everything owed at settlement is refused, not kept." */
export class RepaymentAbovePayoffError extends LoanDomainError {
  constructor(
    readonly amount: Money,
    readonly payoff: Money,
  ) {
    super('LOAN.REPAYMENT_ABOVE_PAYOFF', `repayment ${toDecimalString(amount)} is above the payoff ${toDecimalString(payoff)}`, {
      amount: toDecimalString(amount),
      payoff: toDecimalString(payoff),
    });
    this.name = 'RepaymentAbovePayoffError';
  }
}

/** domain.md: amounts are whole VND; nothing negative or zero moves money. */
export function assertPositiveWholeVnd(amount: Money, what: string): void {
  if (!amount.isInteger() || amount.lte(0)) {
    throw new LoanDomainError('LOAN.AMOUNT_NOT_POSITIVE_WHOLE_VND', `${what} must be a whole number of VND above zero`, {
      amount: toDecimalString(amount),
    });
  }
}
