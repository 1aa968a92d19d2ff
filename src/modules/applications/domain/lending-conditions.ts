import { ageOn, type LocalDate } from '../../../platform/dates/local-date.js';
import { Money } from '../../../platform/money/money.js';
import type { BorrowerType } from '../../borrowers/index.js';

/**
 * The lending conditions checked at submission and again at approval (domain.md "Lending
 * conditions the system checks"; Decree 45/2021 Art. 20, 22, 23.2). Pure: the caller gathers
 * the figures, these functions only compare. Each refusal names the rule, the limit and the figure.
 */
export interface LendingRefusal {
  code: string;
  rule: string;
  limit: string;
  actual: string;
}

export const MIN_MEMBER_AGE = 18;
/** Art. 22: loan ≤ 80% of the plan's total investment. */
export const MAX_INVESTMENT_SHARE = new Money('0.8');
/** Art. 23.2: one customer ≤ 15% of paid-in charter capital. */
export const MAX_CUSTOMER_SHARE = new Money('0.15');
/** Art. 23.2: one customer with related persons ≤ 25% of paid-in charter capital. */
export const MAX_GROUP_SHARE = new Money('0.25');

export interface BorrowerFacts {
  type: BorrowerType;
  birthDate: LocalDate | null;
  provinceCode: string;
  active: boolean;
}

export interface ProductFacts {
  retired: boolean;
  minAmount: Money;
  maxAmount: Money;
  minTermMonths: number;
  maxTermMonths: number;
  annualInterestRatePercent: Money;
  principalFrequency: string;
  /** Months in one principal period (products' monthsPerPeriod); null for AT_MATURITY. */
  principalPeriodMonths: number | null;
  principalGracePeriods: number;
  allowedBorrowerTypes: readonly BorrowerType[];
  /** "VSIC2018/A" pairs; empty means every sector. */
  allowedSectors: readonly string[];
  collateralRequired: boolean;
}

export interface LoanFacts {
  amount: Money;
  termMonths: number;
  /** Null at submission (the product rate applies); the approved rate at approval. */
  ratePercent: Money | null;
  sector: string;
  totalInvestment: Money;
  collateralExempt: boolean;
}

export interface ExposureFacts {
  /** Paid-in charter capital in force on the decision date; null when none is set. */
  charterCapital: Money | null;
  /** The borrower's outstanding principal plus approved-but-undisbursed amounts, excluding this loan. */
  borrowerExposure: Money;
  /** The same, summed over the borrower and its related borrowers, excluding this loan. */
  groupExposure: Money;
  /** The capital source's capital − outstanding − approved-but-undisbursed, excluding this loan. */
  sourceAvailable: Money;
}

const str = (m: Money): string => m.toFixed();
const refuse = (code: string, rule: string, limit: string, actual: string): LendingRefusal => ({ code, rule, limit, actual });

/** Decree 45 Art. 20: type, age ≥ 18 for members, the fund's province, active. */
export function checkBorrowerEligibility(b: BorrowerFacts, fundProvinceCode: string, on: LocalDate): LendingRefusal | null {
  if (!b.active) return refuse('APPLICATION.BORROWER_INACTIVE', 'The borrower must be active', 'active', 'inactive');
  if (b.type === 'MEMBER') {
    const age = b.birthDate ? ageOn(b.birthDate, on) : 0;
    if (age < MIN_MEMBER_AGE) return refuse('APPLICATION.BORROWER_UNDER_AGE', 'Decree 45 Art. 20: individual members must be 18 or older', String(MIN_MEMBER_AGE), String(age));
  }
  if (b.provinceCode !== fundProvinceCode) {
    return refuse('APPLICATION.BORROWER_OUTSIDE_PROVINCE', 'A provincial fund lends only inside its province', fundProvinceCode, b.provinceCode);
  }
  return null;
}

/** Internal lending rules: the product's amount, term, rate, borrower types, sectors and collateral. */
export function checkProductLimits(p: ProductFacts, borrowerType: BorrowerType, loan: LoanFacts): LendingRefusal | null {
  if (p.retired) return refuse('APPLICATION.PRODUCT_RETIRED', 'A retired product takes no new applications', 'active', 'retired');
  if (!p.allowedBorrowerTypes.includes(borrowerType)) {
    return refuse('APPLICATION.BORROWER_TYPE_NOT_ALLOWED', 'The product lends only to its borrower types', p.allowedBorrowerTypes.join(','), borrowerType);
  }
  if (p.allowedSectors.length > 0 && !p.allowedSectors.includes(loan.sector)) {
    return refuse('APPLICATION.SECTOR_NOT_ALLOWED', 'The product lends only to its sectors', p.allowedSectors.join(','), loan.sector);
  }
  if (loan.amount.lt(p.minAmount)) return refuse('APPLICATION.AMOUNT_BELOW_PRODUCT_MIN', 'Amount ≥ the product minimum', str(p.minAmount), str(loan.amount));
  if (loan.amount.gt(p.maxAmount)) return refuse('APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', 'Amount ≤ the product maximum', str(p.maxAmount), str(loan.amount));
  if (loan.termMonths < p.minTermMonths) return refuse('APPLICATION.TERM_BELOW_PRODUCT_MIN', 'Term ≥ the product minimum (months)', String(p.minTermMonths), String(loan.termMonths));
  if (loan.termMonths > p.maxTermMonths) return refuse('APPLICATION.TERM_ABOVE_PRODUCT_MAX', 'Term ≤ the product maximum (months)', String(p.maxTermMonths), String(loan.termMonths));
  const periods = p.principalPeriodMonths === null ? 1 : loan.termMonths % p.principalPeriodMonths === 0 ? loan.termMonths / p.principalPeriodMonths : null;
  if (periods === null) return refuse('APPLICATION.TERM_NOT_WHOLE_PERIODS', `The term is a whole number of ${p.principalFrequency} periods`, p.principalFrequency, String(loan.termMonths));
  if (p.principalGracePeriods >= periods) {
    return refuse('APPLICATION.GRACE_NOT_BELOW_PERIODS', 'Principal grace periods < number of periods', String(periods), String(p.principalGracePeriods));
  }
  if (loan.ratePercent && loan.ratePercent.gt(p.annualInterestRatePercent)) {
    return refuse('APPLICATION.RATE_ABOVE_PRODUCT', 'Rate ≤ the product annual rate (percent)', str(p.annualInterestRatePercent), str(loan.ratePercent));
  }
  if (p.collateralRequired && loan.collateralExempt) return refuse('APPLICATION.COLLATERAL_REQUIRED', 'The product requires collateral', 'collateral', 'exempt');
  return null;
}

/** Decree 45 Art. 22: loan ≤ 80% of the plan's total investment. */
export function checkInvestmentShare(amount: Money, totalInvestment: Money): LendingRefusal | null {
  const limit = totalInvestment.mul(MAX_INVESTMENT_SHARE);
  return amount.gt(limit) ? refuse('APPLICATION.ABOVE_INVESTMENT_SHARE', 'Decree 45 Art. 22: loan ≤ 80% of total investment', str(limit), str(amount)) : null;
}

/** Decree 45 Art. 23.2 (15% and 25%) and the capital source's availability, each counting this loan. */
export function checkExposure(amount: Money, f: ExposureFacts): LendingRefusal | null {
  if (!f.charterCapital) return refuse('APPLICATION.CHARTER_CAPITAL_NOT_SET', 'Decree 45 Art. 23.2: the fund’s paid-in charter capital must be set', 'set', 'none');
  const customerLimit = f.charterCapital.mul(MAX_CUSTOMER_SHARE);
  const customer = f.borrowerExposure.plus(amount);
  if (customer.gt(customerLimit)) {
    return refuse('APPLICATION.ABOVE_CUSTOMER_LIMIT', 'Decree 45 Art. 23.2: one customer ≤ 15% of paid-in charter capital', str(customerLimit), str(customer));
  }
  const groupLimit = f.charterCapital.mul(MAX_GROUP_SHARE);
  const group = f.groupExposure.plus(amount);
  if (group.gt(groupLimit)) {
    return refuse('APPLICATION.ABOVE_GROUP_LIMIT', 'Decree 45 Art. 23.2: one customer with related persons ≤ 25% of paid-in charter capital', str(groupLimit), str(group));
  }
  if (amount.gt(f.sourceAvailable)) {
    return refuse('APPLICATION.ABOVE_SOURCE_AVAILABLE', 'Loan ≤ available capital of its capital source', str(f.sourceAvailable), str(amount));
  }
  return null;
}

export interface LendingCheckInput {
  on: LocalDate;
  fundProvinceCode: string;
  borrower: BorrowerFacts;
  product: ProductFacts;
  loan: LoanFacts;
  exposure: ExposureFacts;
}

/** All conditions in order; the first refusal, or null when the loan may go ahead. */
export function checkLendingConditions(i: LendingCheckInput): LendingRefusal | null {
  return (
    checkBorrowerEligibility(i.borrower, i.fundProvinceCode, i.on) ??
    checkProductLimits(i.product, i.borrower.type, i.loan) ??
    checkInvestmentShare(i.loan.amount, i.loan.totalInvestment) ??
    checkExposure(i.loan.amount, i.exposure)
  );
}
