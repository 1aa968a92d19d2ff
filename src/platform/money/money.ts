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
