// Renditions (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/risk/services/classification-sql.ts, src/modules/loans/engine-sql/loan-positions.sql.ts
// The files named above repeat this arithmetic set-based (the close, the reports): change them together and run the parity tests (docs/architecture.md "Engine renditions").
import { Money, ZERO, maxMoney, minMoney, roundToUnit, sum } from '../../../platform/money/money.js';
import type { ClassificationPolicy, DebtGroup } from './classification-policy.js';

/**
 * Risk provisions of one loan on one day (domain.md "Restructuring and risk"; Decree 86/2024/NĐ-CP):
 *   specific = rate(group) × max(0, outstanding − Σ collateral value × discount rate(type))
 *   general  = general rate × outstanding, for loans in the policy's general groups (1–4)
 * Both are zero when the loan's capital source does not put the credit risk on the fund
 * (domain.md "Capital sources", Art. 28). Everything is computed at full precision and rounded
 * half-up to the whole VND only at the end, once per loan and per kind (specific, general), so a
 * portfolio total is the sum of the per-loan amounts that are posted.
 */

/** Collateral types are configuration: type code → discount rate (fraction of the value deducted). */
export type CollateralDiscounts = Readonly<Record<string, Money>>;

const m = (v: string): Money => new Money(v);

/**
 * Default deduction rates, after the collateral-deduction table of Decree 86/2024/NĐ-CP (carried
 * over from Circular 11/2021/TT-NHNN Art. 12, which Circular 31/2024 sits beside). They are
 * configuration: the fund's admin confirms or edits each row before a policy with
 * deductCollateral = true is put in force.
 */
export const DEFAULT_COLLATERAL_DISCOUNTS: CollateralDiscounts = {
  /** deposits and account balances held at the fund or a credit institution */
  DEPOSIT: m('1'),
  /** government bonds by remaining maturity */
  GOVERNMENT_BOND_UNDER_1Y: m('0.95'),
  GOVERNMENT_BOND_1_TO_5Y: m('0.85'),
  GOVERNMENT_BOND_OVER_5Y: m('0.8'),
  /** valuable papers issued by credit institutions */
  VALUABLE_PAPERS: m('0.75'),
  LISTED_SECURITIES: m('0.65'),
  UNLISTED_SECURITIES: m('0.3'),
  /** land use rights, houses and other real estate */
  REAL_ESTATE: m('0.5'),
  /** machinery, vehicles, goods and anything else */
  OTHER: m('0.3'),
};

export interface Collateral {
  readonly type: string;
  /** Appraised value in VND. */
  readonly value: Money;
}

export interface ProvisionInput {
  readonly group: DebtGroup;
  /** Outstanding principal (dư nợ) in whole VND. */
  readonly outstanding: Money;
  readonly collateral?: readonly Collateral[];
  /** From the loan's capital source; false → no provision at all. */
  readonly bearsCreditRisk: boolean;
}

export interface LoanProvision {
  /** Σ value × discount rate, unrounded; ZERO when the policy deducts nothing. */
  readonly collateralDeduction: Money;
  /** max(0, outstanding − collateralDeduction), unrounded. */
  readonly specificBase: Money;
  readonly specificRate: Money;
  /** Rounded half-up to 1 VND. */
  readonly specific: Money;
  /** Rounded half-up to 1 VND. */
  readonly general: Money;
  readonly total: Money;
}

/** Σ value × discount(type); an unknown type is a configuration error, never a silent zero. */
export function collateralDeduction(collateral: readonly Collateral[], discounts: CollateralDiscounts = DEFAULT_COLLATERAL_DISCOUNTS): Money {
  return sum(
    collateral.map((c) => {
      const rate = Object.prototype.hasOwnProperty.call(discounts, c.type) ? discounts[c.type] : undefined;
      if (rate === undefined) throw new RangeError(`no discount rate configured for collateral type ${c.type}`);
      if (rate.lt(0) || rate.gt(1)) throw new RangeError(`discount rate of ${c.type} must be 0–100%`);
      if (c.value.lt(0)) throw new RangeError(`collateral value of ${c.type} is negative`);
      return c.value.mul(rate);
    }),
  );
}

const ZERO_PROVISION = (rate: Money): LoanProvision => ({
  collateralDeduction: ZERO,
  specificBase: ZERO,
  specificRate: rate,
  specific: ZERO,
  general: ZERO,
  total: ZERO,
});

/** Specific and general provision of one loan under the policy in force. */
export function loanProvision(
  policy: ClassificationPolicy,
  input: ProvisionInput,
  discounts: CollateralDiscounts = DEFAULT_COLLATERAL_DISCOUNTS,
): LoanProvision {
  if (input.outstanding.isNaN() || input.outstanding.lt(0)) throw new RangeError('outstanding principal must be ≥ 0');
  const specificRate = policy.specificProvisionRates[input.group];
  if (!input.bearsCreditRisk) return ZERO_PROVISION(specificRate);
  const deduction = policy.deductCollateral ? collateralDeduction(input.collateral ?? [], discounts) : ZERO;
  const specificBase = maxMoney(ZERO, input.outstanding.minus(deduction));
  // Rounded once, at the end; never above the outstanding (a rate ≤ 100% of a base ≤ outstanding).
  const specific = minMoney(roundToUnit(specificRate.mul(specificBase)), input.outstanding);
  const general = policy.generalProvisionGroups.includes(input.group) ? roundToUnit(policy.generalProvisionRate.mul(input.outstanding)) : ZERO;
  return { collateralDeduction: deduction, specificBase, specificRate, specific, general, total: specific.plus(general) };
}

export function specificProvision(policy: ClassificationPolicy, input: ProvisionInput, discounts?: CollateralDiscounts): Money {
  return loanProvision(policy, input, discounts).specific;
}

export function generalProvision(policy: ClassificationPolicy, input: ProvisionInput): Money {
  return loanProvision(policy, { ...input, collateral: [] }).general;
}

export interface ProvisionTotals {
  readonly specific: Money;
  readonly general: Money;
  readonly total: Money;
  /** Outstanding of the loans in the general groups that bear credit risk (the base of the general provision). */
  readonly generalBase: Money;
}

/** Portfolio totals: sums of the per-loan rounded amounts, so they equal what is posted loan by loan. */
export function provisionTotals(
  policy: ClassificationPolicy,
  loans: readonly ProvisionInput[],
  discounts: CollateralDiscounts = DEFAULT_COLLATERAL_DISCOUNTS,
): ProvisionTotals {
  const each = loans.map((l) => loanProvision(policy, l, discounts));
  const specific = sum(each.map((p) => p.specific));
  const general = sum(each.map((p) => p.general));
  const generalBase = sum(loans.filter((l) => l.bearsCreditRisk && policy.generalProvisionGroups.includes(l.group)).map((l) => l.outstanding));
  return { specific, general, total: specific.plus(general), generalBase };
}
