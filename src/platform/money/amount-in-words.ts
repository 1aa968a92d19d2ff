/**
 * Amounts in Vietnamese words for the documents a fund prints ("Bằng chữ: …" under every amount
 * in figures on a contract, a debt acknowledgement, a receipt or a decision). Pure: it reads the
 * decimal string (or a decimal.js value) digit by digit and never goes through a JS number, so
 * 232.650.000.000 and beyond read exactly.
 *
 * Conventions (the northern usage of the Thái Nguyên fund, as in the State Treasury's and the
 * banks' vouchers; docs/documents.md):
 * - "linh" (not "lẻ") for a zero tens digit before a unit: 105 → "một trăm linh năm".
 * - "nghìn" (not "ngàn") for thousands; "tỷ" for 10⁹, and above it the scales repeat:
 *   10¹² → "một nghìn tỷ".
 * - After "mươi" (20–99): 1 → "mốt", 4 → "tư", 5 → "lăm" (21 "hai mươi mốt", 24 "hai mươi tư",
 *   25 "hai mươi lăm"); after "mười" only 5 changes (15 "mười lăm", 11 "mười một", 14 "mười bốn");
 *   after "linh" none does (101 "một trăm linh một", 104 "một trăm linh bốn").
 * - A group of three digits that is not the first one is read in full ("không trăm"): 1.004 →
 *   "một nghìn không trăm linh bốn"; a group that is all zeros is skipped: 2.000.005.000 →
 *   "hai tỷ không trăm linh năm nghìn".
 * - The phrase starts with a capital letter and ends with "đồng"; "chẵn" follows when the amount
 *   is a whole number of thousands (no đồng left below a thousand): 150.000.000 → "Một trăm năm
 *   mươi triệu đồng chẵn", 1.004 → "Một nghìn không trăm linh bốn đồng"; zero is "Không đồng".
 */
import type { Decimal } from 'decimal.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Scales inside one block of nine digits; blocks above it are joined by "tỷ". */
const SCALES = ['', 'nghìn', 'triệu'] as const;

/** Reads one group of three digits ("abc"); `full` reads a zero hundred ("không trăm") and "linh". */
function readGroup(group: string, full: boolean): string[] {
  const [h, t, u] = [...group.padStart(3, '0')].map(Number);
  const words: string[] = [];
  if (full || h > 0) words.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (words.length) words.push('linh');
      words.push(DIGITS[u]);
    }
    return words;
  }
  if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
    return words;
  }
  words.push(DIGITS[t], 'mươi');
  if (u === 1) words.push('mốt');
  else if (u === 4) words.push('tư');
  else if (u === 5) words.push('lăm');
  else if (u > 0) words.push(DIGITS[u]);
  return words;
}

/** Reads a digit string without leading zeros (not "0"); `leading` = the number's first group. */
function readDigits(digits: string, leading: boolean): string[] {
  if (digits.length > 9) {
    const high = digits.slice(0, digits.length - 9);
    const low = digits.slice(-9);
    const words = [...readDigits(high, leading), 'tỷ'];
    return /^0+$/.test(low) ? words : [...words, ...readDigits(low, false)];
  }
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (/^0+$/.test(g)) return;
    const first = leading && words.length === 0 && i === 0;
    words.push(...readGroup(g, !first));
    const scale = SCALES[groups.length - 1 - i];
    if (scale) words.push(scale);
  });
  return words;
}

/** A non-negative whole number in words, lower case: "1004" → "một nghìn không trăm linh bốn". */
export function numberInWords(value: string | Decimal): string {
  const text = typeof value === 'string' ? value.trim() : value.toFixed();
  if (!/^\d+$/.test(text)) throw new RangeError(`numberInWords takes a whole non-negative number, not "${text}"`);
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits === '0') return DIGITS[0];
  return readDigits(digits, true).join(' ');
}

/** The "Bằng chữ" phrase of a VND amount: "150000000" → "Một trăm năm mươi triệu đồng chẵn". */
export function amountInWords(value: string | Decimal): string {
  const words = numberInWords(value);
  const text = typeof value === 'string' ? value.trim().replace(/^0+(?=\d)/, '') : value.toFixed();
  const whole = text.length > 3 && text.endsWith('000');
  const phrase = `${words} đồng${whole ? ' chẵn' : ''}`;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
