import { Decimal } from 'decimal.js';
import { addMonthsClamped, daysBetween, type LocalDate } from '../../../platform/dates/local-date.js';
import { Money, ZERO, sum } from '../../../platform/money/money.js';
import { collateralDeduction, type CollateralDiscounts } from '../../risk/index.js';

/**
 * Cover, allocation and release (docs/collateral.md; Decree 45/2021 Art. 22 and 31 make the fund's
 * collateral rules a lending condition). Pure: the services gather the figures.
 */

/**
 * The value each pledge of one asset counts for: its allocated value, scaled down pro rata when the
 * value in force has fallen below the sum of the allocations (a revaluation never leaves a loan
 * counting more than the asset is worth). No valuation: nothing counts. The SQL twin is the
 * collateral_sync_asset function (migration 1763800000050), which writes loan_collateral.
 */
export function effectiveAllocations(valueInForce: Money | null, allocations: readonly Money[]): Money[] {
  if (!valueInForce) return allocations.map(() => ZERO);
  const total = sum(allocations);
  if (total.isZero() || valueInForce.gte(total)) return allocations.map((a) => a);
  return allocations.map((a) => a.mul(valueInForce).div(total));
}

/** What is left of the asset's value in force for a new pledge (never below zero). */
export function allocationHeadroom(valueInForce: Money | null, activeAllocations: readonly Money[]): Money {
  if (!valueInForce) return ZERO;
  const left = valueInForce.minus(sum(activeAllocations));
  return left.isNegative() ? ZERO : left;
}

export type CoverBasis = 'DISCOUNTED' | 'LTV';

export interface CoverRule {
  readonly required: boolean;
  /** DISCOUNTED: Σ allocated × discount rate ≥ minCoverPercent % of the exposure. LTV: exposure ≤ maxLtvPercent % of Σ allocated. */
  readonly basis: CoverBasis;
  readonly minCoverPercent: Money;
  readonly maxLtvPercent: Money;
}

export interface CoverItem {
  readonly type: string;
  /** The effective allocated value (effectiveAllocations). */
  readonly value: Money;
}

export interface Cover {
  readonly basis: CoverBasis;
  /** The exposure the cover is measured against (the amount applied for or approved; at a disbursement, the principal after it). */
  readonly exposure: Money;
  /** Σ effective allocated values. */
  readonly collateralValue: Money;
  /** Σ effective allocated value × discount rate of its type (provisioning.ts collateralDeduction). */
  readonly discountedValue: Money;
  /** The figure the rule needs: DISCOUNTED → exposure × min cover %; LTV → exposure ÷ max LTV %. Whole VND, rounded up. */
  readonly requiredValue: Money;
  /** The figure compared: DISCOUNTED → discountedValue; LTV → collateralValue. */
  readonly actualValue: Money;
  /** actualValue ÷ exposure as a percent, 2 decimals (DISCOUNTED), or exposure ÷ collateralValue (LTV); null when undefined. */
  readonly ratioPercent: Money | null;
  readonly passed: boolean;
}

const HUNDRED = new Money(100);

/** The cover of one exposure by its pledged items under the product's rule. */
export function coverOf(rule: CoverRule, exposure: Money, items: readonly CoverItem[], discounts?: CollateralDiscounts): Cover {
  const collateralValue = sum(items.map((i) => i.value));
  const discountedValue = collateralDeduction(items, discounts);
  if (rule.basis === 'LTV') {
    const needed = exposure.mul(HUNDRED).div(rule.maxLtvPercent);
    const ratio = collateralValue.isZero() ? null : exposure.mul(HUNDRED).div(collateralValue).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return {
      basis: 'LTV',
      exposure,
      collateralValue,
      discountedValue,
      requiredValue: needed.toDecimalPlaces(0, Decimal.ROUND_UP),
      actualValue: collateralValue,
      ratioPercent: ratio,
      passed: collateralValue.gte(needed),
    };
  }
  const needed = exposure.mul(rule.minCoverPercent).div(HUNDRED);
  const ratio = exposure.isZero() ? null : discountedValue.mul(HUNDRED).div(exposure).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    basis: 'DISCOUNTED',
    exposure,
    collateralValue,
    discountedValue,
    requiredValue: needed.toDecimalPlaces(0, Decimal.ROUND_UP),
    actualValue: discountedValue,
    ratioPercent: ratio,
    passed: discountedValue.gte(needed),
  };
}

export interface Exemption {
  readonly exempt: boolean;
  /** The internal regulation and the approver's decision; an exemption without both is no exemption. */
  readonly regulation: string | null;
  readonly decision: string | null;
}

export const isExempt = (e: Exemption): boolean => e.exempt && !!e.regulation && !!e.decision;

/** A loan secured by the asset being released: settled, or its cover without the asset. */
export interface SecuredLoan {
  readonly loanId: string;
  readonly settled: boolean;
  readonly rule: CoverRule;
  readonly exempt: boolean;
  readonly exposure: Money;
  /** The loan's other pledged items (the asset being released left out). */
  readonly otherItems: readonly CoverItem[];
}

/** The loans that stop a release: not settled, the product requires collateral, no exemption, and the cover without the asset falls short. */
export function releaseBlockers(loans: readonly SecuredLoan[], discounts?: CollateralDiscounts): Array<{ loanId: string; cover: Cover }> {
  return loans
    .filter((l) => !l.settled && l.rule.required && !l.exempt)
    .map((l) => ({ loanId: l.loanId, cover: coverOf(l.rule, l.exposure, l.otherItems, discounts) }))
    .filter((x) => !x.cover.passed);
}

/** A valuation older than the revaluation period (collateral_settings.revaluation_months, default 12) is stale on `on`. */
export function valuationStale(valuationDate: LocalDate, on: LocalDate, revaluationMonths: number): boolean {
  return addMonthsClamped(valuationDate, revaluationMonths) < on;
}

export type ExpiryState = 'OK' | 'DUE_SOON' | 'EXPIRED';

/** An expiry (registration, insurance, the revaluation date) is due soon within `warningDays` and expired once passed. */
export function expiryState(expiry: LocalDate | null, on: LocalDate, warningDays: number): ExpiryState {
  if (!expiry) return 'OK';
  if (expiry < on) return 'EXPIRED';
  return daysBetween(on, expiry) <= warningDays ? 'DUE_SOON' : 'OK';
}
