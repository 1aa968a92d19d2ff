/**
 * Pure helpers for the report pages (tested in report-format.test.ts). Money and ratios stay
 * strings; a number is made only for a chart's geometry (a bar's length), never for a figure shown.
 */
import { formatPercent } from '../../shared/format/percent';
import type { Language } from '../../shared/format/language';

const FRACTION = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A fraction the API writes with 6 places ("0.024194") as a percent string ("2.4194"), by moving the point. */
export function fractionToPercent(fraction: string): string | null {
  const m = FRACTION.exec(fraction.trim());
  if (!m) return null;
  const [, sign = '', int = '0', frac = ''] = m;
  const digits = `${int}${frac.padEnd(2, '0')}`;
  const point = int.length + 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return `${sign}${whole}${rest ? `.${rest}` : ''}`;
}

/** A 6-place fraction as a one-decimal percentage: "0.024194" → "2,4%" (vi). */
export function formatRatio(fraction: string | null | undefined, lang: Language): string {
  if (!fraction) return '—';
  const p = fractionToPercent(fraction);
  return p === null ? fraction : formatPercent(p, lang);
}

/** Billions of VND for a chart axis: "58174679509" → 58.17 (geometry only). */
export function toBillions(amount: string): number {
  const m = FRACTION.exec(amount.trim());
  if (!m) return 0;
  const [, sign = '', int = '0'] = m;
  // Keep the integer's top digits: millions are below what an axis of billions can show.
  const millions = int.length > 6 ? Number(int.slice(0, -6)) : 0;
  return (sign ? -1 : 1) * (millions / 1000);
}

/** The share of `part` in `whole` (both decimal strings) as a bar width in percent, 0–100. */
export function barWidth(part: string, whole: string): number {
  const w = toBillions(whole);
  if (w <= 0) return 0;
  return Math.max(0, Math.min(100, (toBillions(part) / w) * 100));
}

/** "2025-12" as "12/2025". */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** An axis tick of billions: 58.17 → "58 tỷ", 1.5 → "1,5 tỷ" (one decimal below ten) / "1.5 bn". */
export function formatBillionsTick(value: number, lang: Language): string {
  const text = Math.abs(value) < 10 && value !== Math.round(value) ? value.toFixed(1) : String(Math.round(value));
  const local = lang === 'vi' ? text.replace('.', ',') : text;
  return lang === 'vi' ? `${local} tỷ` : `${local} bn`;
}
