import { Money, ZERO, sum } from '../../../platform/money/money.js';

/**
 * The small classifications and ratios every portfolio report uses (domain.md "Reports the fund
 * files and auditors ask for"): term class, aging bucket, PAR and the bad-debt ratio.
 */

export type TermClass = 'SHORT' | 'MEDIUM' | 'LONG';
export const TERM_CLASSES: readonly TermClass[] = ['SHORT', 'MEDIUM', 'LONG'];

/**
 * domain.md: short ≤ 12 months, medium 12–60, long > 60. The ranges share 12, so 12 months is
 * short (the "≤ 12" is explicit) and medium is 13–60 whole months; 60 is medium, 61 is long.
 */
export function termClass(termMonths: number): TermClass {
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError(`term must be a whole number of months ≥ 1, got ${termMonths}`);
  if (termMonths <= 12) return 'SHORT';
  return termMonths <= 60 ? 'MEDIUM' : 'LONG';
}

/** Aging buckets of days past due: current, 1–9, 10–29, 30–89, 90–179, 180 and over. */
export type AgingBucket = 'CURRENT' | 'DPD_1_9' | 'DPD_10_29' | 'DPD_30_89' | 'DPD_90_179' | 'DPD_180_PLUS';

/** In report order, each with the first DPD it holds. */
export const AGING_BUCKETS: readonly { readonly bucket: AgingBucket; readonly minDpd: number }[] = [
  { bucket: 'CURRENT', minDpd: 0 },
  { bucket: 'DPD_1_9', minDpd: 1 },
  { bucket: 'DPD_10_29', minDpd: 10 },
  { bucket: 'DPD_30_89', minDpd: 30 },
  { bucket: 'DPD_90_179', minDpd: 90 },
  { bucket: 'DPD_180_PLUS', minDpd: 180 },
];

export function agingBucket(dpd: number): AgingBucket {
  if (!Number.isInteger(dpd) || dpd < 0) throw new RangeError(`days past due must be a whole number ≥ 0, got ${dpd}`);
  let bucket: AgingBucket = 'CURRENT';
  for (const b of AGING_BUCKETS) if (dpd >= b.minDpd) bucket = b.bucket;
  return bucket;
}

/** part ÷ total exactly; ZERO when the total is zero. The part must be within 0…total. */
export function ratio(part: Money, total: Money): Money {
  if (part.isNaN() || total.isNaN() || part.lt(0) || total.lt(0)) throw new RangeError('ratio needs amounts ≥ 0');
  if (part.gt(total)) throw new RangeError('the part of a ratio cannot exceed its total');
  return total.isZero() ? ZERO : part.div(total);
}

/**
 * Portfolio at risk (PAR30, PAR90): the outstanding of loans at least N days past due, whole loan
 * outstanding, not just the overdue part, divided by the total outstanding. ZERO when nothing is
 * outstanding.
 */
export function par(outstandingOfLoansWithDpdAtLeast: Money, totalOutstanding: Money): Money {
  return ratio(outstandingOfLoansWithDpdAtLeast, totalOutstanding);
}

/** Σ outstanding of the loans with DPD ≥ minDpd (the numerator of PAR). */
export function outstandingAtRisk(loans: readonly { readonly dpd: number; readonly outstanding: Money }[], minDpd: number): Money {
  return sum(loans.filter((l) => l.dpd >= minDpd).map((l) => l.outstanding));
}
