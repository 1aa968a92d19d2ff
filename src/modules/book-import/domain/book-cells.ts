import type { LocalDate } from '../../../platform/dates/index.js';
import { isLocalDate } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';

/** dd/MM/yyyy (the UI's form) or yyyy-MM-dd (the API's and Excel's dates), else null. */
export function parseDateCell(text: string): LocalDate | null {
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : text.slice(0, 10);
  return isLocalDate(iso) ? iso : null;
}

/** Whole đồng, positive or zero: 1500000, 1.500.000 or 1,500,000 (Vietnamese and English grouping); a fraction is refused, never rounded. */
export function parseMoneyCell(text: string, allowZero: boolean): Money | null {
  const t = text.replace(/\s|₫|đ|VND/gi, '');
  const grouped = /^\d{1,3}([.,]\d{3})+$/.test(t) ? t.replace(/[.,]/g, '') : t;
  if (!/^\d+$/.test(grouped) || grouped.length > 18) return null;
  const m = new Money(grouped);
  return m.isZero() && !allowZero ? null : m;
}

export function parseIntCell(text: string): number | null {
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}

/** A percent per year, 0–100, with a dot or a comma as decimal separator. */
export function parsePercentCell(text: string): Money | null {
  const t = text.replace('%', '').replace(',', '.').trim();
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(t)) return null;
  const m = new Money(t);
  return m.gt(100) ? null : m;
}

/** The drop-downs show "code — name": the code is what counts. */
export function codeOf(text: string): string {
  return text.split(/\s+[—–-]\s+/)[0].trim();
}
