/**
 * Money in the browser is the API's decimal string of whole VND ("1234567", "-500"); it is
 * formatted and edited as text, never through a JavaScript number, so no amount is ever rounded
 * by a float (web-design.md "Numbers"). Pure functions; table tests in money.test.ts.
 */
import type { Language } from './language';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Groups the digits of a non-negative integer string by thousands with the given separator. */
export function groupThousands(digits: string, separator: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const fromEnd = trimmed.length - i;
    out += trimmed[i];
    if (fromEnd > 1 && fromEnd % 3 === 1) out += separator;
  }
  return out;
}

/**
 * `1.234.567 ₫` in Vietnamese, `₫1,234,567` in English: the decimal string as it is (VND has no
 * minor unit in the fund's books; a fractional part, if an API ever sends one, is kept).
 * Returns the input unchanged when it is not a decimal string, so a bad value shows rather than hides.
 */
export function formatMoney(value: string | null | undefined, lang: Language = 'vi'): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign = '', int = '0', frac] = m;
  const vi = lang === 'vi';
  const grouped = groupThousands(int, vi ? '.' : ',') + (frac ? (vi ? ',' : '.') + frac : '');
  const negative = sign === '-' && /[1-9]/.test(int + (frac ?? '')) ? '-' : '';
  return vi ? `${negative}${grouped} ₫` : `${negative}₫${grouped}`;
}

/** The digits of what a person typed into a money field (separators, spaces and ₫ dropped). */
export function parseMoneyInput(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.replace(/^0+(?=\d)/, '');
}

/** What a money input shows while typing: the digit string grouped as the language writes it. */
export function formatMoneyInput(digits: string, lang: Language = 'vi'): string {
  if (digits === '') return '';
  return groupThousands(digits, lang === 'vi' ? '.' : ',');
}

/** A count (loans, lines) grouped like money but without the currency: `1.234` / `1,234`. */
export function formatCount(value: number | string, lang: Language = 'vi'): string {
  const s = String(value);
  return /^\d+$/.test(s) ? groupThousands(s, lang === 'vi' ? '.' : ',') : s;
}
