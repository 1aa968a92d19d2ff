import { Decimal } from 'decimal.js';
import { Money, PERCENT_DECIMALS, ZERO, sum, toFixedHalfUp } from '../../../platform/money/money.js';

/**
 * Shares of a total (domain.md "Reports the fund files and auditors ask for": shares are exact
 * decimals; shown to one decimal place they sum to 100.0%). The exact share is amount ÷ total
 * at the product's 60-digit precision; the displayed percentage is rounded by the largest-remainder
 * (Hamilton) method, which the report states in its response.
 */

/** Named in the report response so readers know how the displayed percentages were rounded. */
export const SHARE_ROUNDING_METHOD = 'LARGEST_REMAINDER' as const;

export interface Share {
  readonly amount: Money;
  /** amount ÷ total as a fraction (0.65 for 65%); ZERO when the total is zero. */
  readonly share: Money;
  /** share × 100, unrounded. */
  readonly percent: Money;
  /** percent with `decimals` places; the displayed percentages add up to exactly 100 when total > 0. */
  readonly displayPercent: Money;
}

function assertAmounts(amounts: readonly Money[]): void {
  for (const a of amounts) if (a.isNaN() || !a.isFinite() || a.lt(0)) throw new RangeError('share amounts must be finite and ≥ 0');
}

/** amount ÷ total for each amount; all ZERO when the total is zero. */
export function exactShares(amounts: readonly Money[]): Money[] {
  assertAmounts(amounts);
  const total = sum(amounts);
  return amounts.map((a) => (total.isZero() ? ZERO : a.div(total)));
}

/**
 * Percentages with `decimals` places (default 1) that add up to exactly 100 when the total is
 * positive, by the largest-remainder method, computed exactly in units of 10^−decimals percent:
 *   quota_i = amount_i × 100 × 10^decimals ÷ total = floor_i + remainder_i ÷ total
 * Every item gets floor_i; the units still missing to reach 100 (fewer than the number of items)
 * go one each to the largest remainders, ties broken by original order. Remainders are compared
 * as exact numerators over the same total, so equal remainders really tie. Each displayed figure
 * is then within one unit (0.1) of the exact percentage. All zero when the total is zero.
 */
export function displayPercents(amounts: readonly Money[], decimals = 1): Money[] {
  assertAmounts(amounts);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) throw new RangeError('decimals must be a whole number 0–10');
  const total = sum(amounts);
  const unit = new Money(10).pow(-decimals);
  if (total.isZero()) return amounts.map(() => ZERO);
  const scale = new Money(100).mul(new Money(10).pow(decimals));
  const parts = amounts.map((a, index) => {
    const numerator = a.mul(scale);
    const floor = numerator.divToInt(total);
    return { index, floor, remainder: numerator.minus(floor.mul(total)) };
  });
  const missing = scale.minus(sum(parts.map((p) => p.floor))).toNumber();
  const order = [...parts].sort((x, y) => y.remainder.comparedTo(x.remainder) || x.index - y.index);
  const bonus = new Set(order.slice(0, missing).map((p) => p.index));
  return parts.map((p) => (bonus.has(p.index) ? p.floor.plus(1) : p.floor).mul(unit));
}

/** Exact share, exact percentage and displayed percentage of each amount, in input order. */
export function sharesOf(amounts: readonly Money[], decimals = 1): Share[] {
  const exact = exactShares(amounts);
  const shown = displayPercents(amounts, decimals);
  return amounts.map((amount, i) => ({ amount, share: exact[i], percent: exact[i].mul(100), displayPercent: shown[i] }));
}

/** A displayed percentage as text with its fixed places ("65.0"); already whole tenths, so nothing is rounded here. */
export function formatPercent(value: Decimal, decimals = PERCENT_DECIMALS): string {
  return toFixedHalfUp(value, decimals);
}
