/**
 * Percentages with one decimal: `65,0%` in Vietnamese, `65.0%` in English (web-design.md). The
 * API sends percent strings ("65", "12.345"); rounding half-up to one decimal is done on the
 * digits, so "0.05" gives "0,1%" exactly (a float would give 0.0 for some halves).
 */
import type { Language } from './language';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function formatPercent(value: string | null | undefined, lang: Language = 'vi', decimals = 1): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign = '', int = '0', frac = ''] = m;
  const rounded = roundHalfUp(int, frac, decimals);
  const negative = sign === '-' && /[1-9]/.test(rounded.int + rounded.frac) ? '-' : '';
  const sepInt = lang === 'vi' ? rounded.int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : rounded.int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = decimals > 0 ? `${sepInt}${lang === 'vi' ? ',' : '.'}${rounded.frac}` : sepInt;
  return `${negative}${body}%`;
}

/** Rounds int.frac half-up (away from zero on the magnitude) to `decimals` digits, as strings. */
function roundHalfUp(int: string, frac: string, decimals: number): { int: string; frac: string } {
  const padded = frac.padEnd(decimals + 1, '0');
  const kept = int + padded.slice(0, decimals);
  const up = Number(padded[decimals]) >= 5;
  let digits = kept;
  if (up) {
    // Add one to the last kept digit, carrying to the left.
    const arr = kept.split('');
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i] === '9') {
        arr[i] = '0';
        i--;
      } else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + arr.join('');
  }
  const intPart = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  return { int: intPart, frac: digits.slice(digits.length - decimals) };
}

/** A plain decimal such as a multiplier ("1.5") in the user's language: `1,5` / `1.5` (text only, no rounding). */
export function formatDecimal(value: string | null | undefined, lang: Language = 'vi'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!DECIMAL.test(value.trim())) return value;
  return lang === 'vi' ? value.trim().replace('.', ',') : value.trim();
}
