import { ageOn, type LocalDate } from '../../../platform/dates/local-date.js';
import { Money } from '../../../platform/money/money.js';
import type { BorrowerType } from '../../borrowers/index.js';
import { collateralDomain } from '../../collateral/cover.index.js';

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
  /** Extra problem parameters of a refusal (the cover's figures formatted for the message). */
  params?: Record<string, string>;
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
  /** How the cover is measured and its minimum (products: collateralCoverBasis, collateralMinCoverPercent, collateralMaxLtvPercent). */
  collateralCover: { basis: collateralDomain.CoverBasis; minCoverPercent: Money; maxLtvPercent: Money };
}

export interface LoanFacts {
  amount: Money;
  termMonths: number;
  /** Null at submission (the product rate applies); the approved rate at approval. */
  ratePercent: Money | null;
  sector: string;
  totalInvestment: Money;
  collateralExempt: boolean;
  /** Decree 45 Art. 31: an exemption names the internal regulation and the approver's decision. */
  collateralExemptionRegulation: string | null;
  collateralExemptionDecision: string | null;
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

/** One condition as evaluated: the rule, its limit, the figure and whether the figure is within the limit. */
export interface LendingCheck extends LendingRefusal {
  passed: boolean;
}

const str = (m: Money): string => m.toFixed();
const rule = (passed: boolean, code: string, text: string, limit: string, actual: string): LendingCheck => ({ code, rule: text, limit, actual, passed });
/** The first condition not met, in the order listed (the one a submission or approval is refused with). */
const firstRefusal = (checks: readonly LendingCheck[]): LendingRefusal | null => {
  const failed = checks.find((c) => !c.passed);
  return failed
    ? { code: failed.code, rule: failed.rule, limit: failed.limit, actual: failed.actual, ...(failed.params ? { params: failed.params } : {}) }
    : null;
};

/** Decree 45 Art. 20: type, age ≥ 18 for members, the fund's province, active. */
export function borrowerEligibilityChecks(b: BorrowerFacts, fundProvinceCode: string, on: LocalDate): LendingCheck[] {
  const out = [rule(b.active, 'APPLICATION.BORROWER_INACTIVE', 'The borrower must be active', 'active', b.active ? 'active' : 'inactive')];
  if (b.type === 'MEMBER') {
    const age = b.birthDate ? ageOn(b.birthDate, on) : 0;
    out.push(
      rule(
        age >= MIN_MEMBER_AGE,
        'APPLICATION.BORROWER_UNDER_AGE',
        'Decree 45 Art. 20: individual members must be 18 or older',
        String(MIN_MEMBER_AGE),
        String(age),
      ),
    );
  }
  out.push(
    rule(
      b.provinceCode === fundProvinceCode,
      'APPLICATION.BORROWER_OUTSIDE_PROVINCE',
      'A provincial fund lends only inside its province',
      fundProvinceCode,
      b.provinceCode,
    ),
  );
  return out;
}

/** Internal lending rules: the product's amount, term, rate, borrower types, sectors and collateral. */
export function productLimitChecks(p: ProductFacts, borrowerType: BorrowerType, loan: LoanFacts): LendingCheck[] {
  const out = [
    rule(!p.retired, 'APPLICATION.PRODUCT_RETIRED', 'A retired product takes no new applications', 'active', p.retired ? 'retired' : 'active'),
    rule(
      p.allowedBorrowerTypes.includes(borrowerType),
      'APPLICATION.BORROWER_TYPE_NOT_ALLOWED',
      'The product lends only to its borrower types',
      p.allowedBorrowerTypes.join(','),
      borrowerType,
    ),
  ];
  // An empty list means every sector: there is no limit to compare with.
  if (p.allowedSectors.length > 0) {
    out.push(
      rule(
        p.allowedSectors.includes(loan.sector),
        'APPLICATION.SECTOR_NOT_ALLOWED',
        'The product lends only to its sectors',
        p.allowedSectors.join(','),
        loan.sector,
      ),
    );
  }
  out.push(
    rule(!loan.amount.lt(p.minAmount), 'APPLICATION.AMOUNT_BELOW_PRODUCT_MIN', 'Amount ≥ the product minimum', str(p.minAmount), str(loan.amount)),
    rule(!loan.amount.gt(p.maxAmount), 'APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', 'Amount ≤ the product maximum', str(p.maxAmount), str(loan.amount)),
    rule(
      loan.termMonths >= p.minTermMonths,
      'APPLICATION.TERM_BELOW_PRODUCT_MIN',
      'Term ≥ the product minimum (months)',
      String(p.minTermMonths),
      String(loan.termMonths),
    ),
    rule(
      loan.termMonths <= p.maxTermMonths,
      'APPLICATION.TERM_ABOVE_PRODUCT_MAX',
      'Term ≤ the product maximum (months)',
      String(p.maxTermMonths),
      String(loan.termMonths),
    ),
  );
  const periods = p.principalPeriodMonths === null ? 1 : loan.termMonths % p.principalPeriodMonths === 0 ? loan.termMonths / p.principalPeriodMonths : null;
  out.push(
    rule(
      periods !== null,
      'APPLICATION.TERM_NOT_WHOLE_PERIODS',
      `The term is a whole number of ${p.principalFrequency} periods`,
      p.principalFrequency,
      String(loan.termMonths),
    ),
  );
  // The grace rule compares with the number of periods, which exists only for a whole number of them.
  if (periods !== null) {
    out.push(
      rule(
        p.principalGracePeriods < periods,
        'APPLICATION.GRACE_NOT_BELOW_PERIODS',
        'Principal grace periods < number of periods',
        String(periods),
        String(p.principalGracePeriods),
      ),
    );
  }
  // At submission no rate is proposed yet (the product's applies); at approval the approved rate is compared.
  if (loan.ratePercent) {
    out.push(
      rule(
        !loan.ratePercent.gt(p.annualInterestRatePercent),
        'APPLICATION.RATE_ABOVE_PRODUCT',
        'Rate ≤ the product annual rate (percent)',
        str(p.annualInterestRatePercent),
        str(loan.ratePercent),
      ),
    );
  }
  // Decree 45 Art. 31: an exemption counts only with the internal regulation and the approver's decision.
  const exempt = exemptionOf(loan);
  out.push(
    rule(
      !(p.collateralRequired && loan.collateralExempt && !exempt),
      'APPLICATION.COLLATERAL_REQUIRED',
      'The product requires collateral unless exempt under the internal regulation by the approver’s decision',
      p.collateralRequired ? 'collateral' : 'none',
      loan.collateralExempt ? (exempt ? 'exempt' : 'exemptWithoutDecision') : 'collateral',
    ),
  );
  return out;
}

const exemptionOf = (loan: LoanFacts): boolean =>
  collateralDomain.isExempt({ exempt: loan.collateralExempt, regulation: loan.collateralExemptionRegulation, decision: loan.collateralExemptionDecision });

/** "1234567" → "1.234.567 ₫", from the decimal string. */
const vnd = (v: string): string => `${v.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/**
 * Decree 45 Art. 22 and the fund's collateral rules (docs/collateral.md "Cover"): where the product
 * requires collateral and the application is not exempt, the pledged cover must reach the minimum.
 * DISCOUNTED: Σ allocated × the provisioning discount rate ≥ min cover % × amount; LTV: Σ allocated ≥ amount ÷ max LTV %.
 */
export function collateralCoverChecks(p: ProductFacts, loan: LoanFacts, items: readonly collateralDomain.CoverItem[]): LendingCheck[] {
  if (!p.collateralRequired || exemptionOf(loan)) return [];
  const c = collateralDomain.coverOf({ required: true, ...p.collateralCover }, loan.amount, items);
  const text =
    c.basis === 'LTV'
      ? `Collateral: loan ≤ ${p.collateralCover.maxLtvPercent.toFixed()}% of the pledged value (LTV)`
      : `Collateral: Σ pledged value × discount rate ≥ ${p.collateralCover.minCoverPercent.toFixed()}% of the loan`;
  const actual = c.actualValue.toFixed(0);
  const percent = c.ratioPercent === null ? '—' : `${c.ratioPercent.toFixed().replace('.', ',')}%`;
  return [
    {
      ...rule(c.passed, 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM', text, c.requiredValue.toFixed(), actual),
      params: { required: vnd(c.requiredValue.toFixed()), actualFormatted: vnd(actual), ratio: percent },
    },
  ];
}

/** Decree 45 Art. 22: loan ≤ 80% of the plan's total investment. */
export function investmentShareChecks(amount: Money, totalInvestment: Money): LendingCheck[] {
  const limit = totalInvestment.mul(MAX_INVESTMENT_SHARE);
  return [rule(!amount.gt(limit), 'APPLICATION.ABOVE_INVESTMENT_SHARE', 'Decree 45 Art. 22: loan ≤ 80% of total investment', str(limit), str(amount))];
}

/** Decree 45 Art. 23.2 (15% and 25%) and the capital source's availability, each counting this loan. */
export function exposureChecks(amount: Money, f: ExposureFacts): LendingCheck[] {
  const out: LendingCheck[] = [];
  if (!f.charterCapital) {
    out.push(rule(false, 'APPLICATION.CHARTER_CAPITAL_NOT_SET', 'Decree 45 Art. 23.2: the fund’s paid-in charter capital must be set', 'set', 'none'));
  } else {
    const customerLimit = f.charterCapital.mul(MAX_CUSTOMER_SHARE);
    const customer = f.borrowerExposure.plus(amount);
    out.push(
      rule(
        !customer.gt(customerLimit),
        'APPLICATION.ABOVE_CUSTOMER_LIMIT',
        'Decree 45 Art. 23.2: one customer ≤ 15% of paid-in charter capital',
        str(customerLimit),
        str(customer),
      ),
    );
    const groupLimit = f.charterCapital.mul(MAX_GROUP_SHARE);
    const group = f.groupExposure.plus(amount);
    out.push(
      rule(
        !group.gt(groupLimit),
        'APPLICATION.ABOVE_GROUP_LIMIT',
        'Decree 45 Art. 23.2: one customer with related persons ≤ 25% of paid-in charter capital',
        str(groupLimit),
        str(group),
      ),
    );
  }
  out.push(
    rule(
      !amount.gt(f.sourceAvailable),
      'APPLICATION.ABOVE_SOURCE_AVAILABLE',
      'Loan ≤ available capital of its capital source',
      str(f.sourceAvailable),
      str(amount),
    ),
  );
  return out;
}

export function checkBorrowerEligibility(b: BorrowerFacts, fundProvinceCode: string, on: LocalDate): LendingRefusal | null {
  return firstRefusal(borrowerEligibilityChecks(b, fundProvinceCode, on));
}

export function checkProductLimits(p: ProductFacts, borrowerType: BorrowerType, loan: LoanFacts): LendingRefusal | null {
  return firstRefusal(productLimitChecks(p, borrowerType, loan));
}

export function checkInvestmentShare(amount: Money, totalInvestment: Money): LendingRefusal | null {
  return firstRefusal(investmentShareChecks(amount, totalInvestment));
}

export function checkExposure(amount: Money, f: ExposureFacts): LendingRefusal | null {
  return firstRefusal(exposureChecks(amount, f));
}

export interface LendingCheckInput {
  on: LocalDate;
  fundProvinceCode: string;
  borrower: BorrowerFacts;
  product: ProductFacts;
  loan: LoanFacts;
  exposure: ExposureFacts;
  /** The application's pledged collateral (collateral module: each pledge at its effective allocated value, with its type). */
  collateral: readonly collateralDomain.CoverItem[];
}

/**
 * Every condition in order, each with its limit and figure: what a dry run shows the officer as they
 * type, and (its first failure) what a submission or approval is refused with. One list, so the
 * screen and the refusal can never disagree.
 */
export function evaluateLendingConditions(i: LendingCheckInput): LendingCheck[] {
  return [
    ...borrowerEligibilityChecks(i.borrower, i.fundProvinceCode, i.on),
    ...productLimitChecks(i.product, i.borrower.type, i.loan),
    ...collateralCoverChecks(i.product, i.loan, i.collateral),
    ...investmentShareChecks(i.loan.amount, i.loan.totalInvestment),
    ...exposureChecks(i.loan.amount, i.exposure),
  ];
}

/** All conditions in order; the first refusal, or null when the loan may go ahead. */
export function checkLendingConditions(i: LendingCheckInput): LendingRefusal | null {
  return firstRefusal(evaluateLendingConditions(i));
}
