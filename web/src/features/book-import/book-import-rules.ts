import type { TFunction } from 'i18next';

const PREFIX = 'book-import.';

/**
 * The label of a dry run's rule code (the API's `book-import.*` codes, src/modules/book-import/domain/book-rules.ts)
 * in the user's language; a code this page does not know yet reads "Other rule" with its code, never the bare code.
 */
export function ruleLabel(t: TFunction, code: string): string {
  const other = `${t('rules.other')} (${code})`;
  if (!code.startsWith(PREFIX)) return other;
  const key = code.slice(PREFIX.length);
  // A dotted remainder would be read as a nested key: no such label.
  if (key.includes('.') || key === 'other' || key === 'code') return other;
  return t(`rules.${key}`, { defaultValue: other });
}

/** The commit job's step as the API writes it (Vietnamese, "Khoản vay 3/12"), in the user's language. */
export function stepLabel(t: TFunction, step: string): string {
  if (step === 'Kiểm tra lại tệp') return t('progress.check');
  const m = /^(Khách hàng|Khoản vay) (\d+)\/(\d+)$/.exec(step);
  if (!m) return step;
  return t(m[1] === 'Khách hàng' ? 'progress.borrowers' : 'progress.loans', { done: m[2], total: m[3] });
}
