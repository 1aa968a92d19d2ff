import { Decimal } from 'decimal.js';

/**
 * Money, rates and shares are decimal.js values (design.md "Rules that keep money right").
 * One configured constructor for the whole product: enough precision that ACT/365
 * interest on a million-loan portfolio never loses a đồng before it is rounded, and
 * never exponential notation in JSON or SQL.
 */
export const Money = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Money = Decimal;

export const ZERO: Money = new Money(0);
export const ONE: Money = new Money(1);

export function money(value: Decimal.Value): Money {
  return new Money(value);
}

/**
 * Round half-up to the rounding unit (default 1 VND). domain.md: amounts are rounded
 * only when they become due or are posted; everything before stays at full precision.
 */
export function roundToUnit(value: Decimal, unit: Decimal.Value = 1): Money {
  const u = new Money(unit);
  return new Money(value).div(u).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(u);
}

/** Sum of decimals; an empty list sums to zero. */
export function sum(values: readonly Decimal[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}

export function minMoney(a: Decimal, b: Decimal): Money {
  return new Money(Decimal.min(a, b));
}

export function maxMoney(a: Decimal, b: Decimal): Money {
  return new Money(Decimal.max(a, b));
}

/** Percent string ("7.2") to a fraction (0.072), exactly. */
export function percentToFraction(percent: Decimal.Value): Money {
  return new Money(percent).div(100);
}

/** A canonical decimal string for JSON and SQL: never exponential, no trailing zeros. */
export function toDecimalString(value: Decimal): string {
  return new Money(value).toFixed();
}

/**
 * How fractions leave the product (design.md API: ratios and exact shares are decimal strings a
 * person can read): rounded half-up to 6 decimal places (0.0001 % of the total, under 10 000 VND
 * on a 100 billion portfolio), always written with all 6 places ("0.021300").
 */
export const FRACTION_DECIMALS = 6;
/** Displayed percentages (shares summing to 100.0 by largest remainder) carry 1 decimal place. */
export const PERCENT_DECIMALS = 1;

/** `value` rounded half-up to `places` decimal places, written with exactly that many places. */
export function toFixedHalfUp(value: Decimal.Value, places: number): string {
  if (!Number.isInteger(places) || places < 0) throw new RangeError('places must be a whole number ≥ 0');
  return new Money(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** A ratio or exact share for JSON and exports: half-up to FRACTION_DECIMALS places ("0.021300"). */
export function formatFraction(value: Decimal.Value): string {
  return toFixedHalfUp(value, FRACTION_DECIMALS);
}

/** The same rounded fraction as a percentage, no further rounding: 6 places of a fraction are 4 of a percent ("2.1300"). */
export function formatFractionAsPercent(value: Decimal.Value): string {
  return new Money(formatFraction(value)).mul(100).toFixed(FRACTION_DECIMALS - 2);
}
