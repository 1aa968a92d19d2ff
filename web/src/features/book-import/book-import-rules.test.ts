import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n/i18n';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { ruleLabel, stepLabel } from './book-import-rules';

/** The API's rule codes, read from the module that declares them (so a new rule without a label fails here). */
const API_RULES = [
  ...readFileSync(new URL('../../../../src/modules/book-import/domain/book-rules.ts', import.meta.url), 'utf8').matchAll(/^ {2}'(book-import\.[a-z-]+)':/gm),
].map((m) => m[1] ?? '');

describe('book import rule labels', () => {
  const t = i18n.getFixedT(null, BOOK_IMPORT_NS);
  afterEach(() => i18n.changeLanguage('vi'));

  it('names every rule of the API in Vietnamese and in English, never by its bare code', async () => {
    expect(API_RULES.length).toBeGreaterThan(30);
    for (const lang of ['vi', 'en']) {
      await i18n.changeLanguage(lang);
      for (const code of API_RULES) {
        const label = ruleLabel(t, code);
        expect(label, code).not.toContain('book-import.');
        expect(label, code).not.toBe(ruleLabel(t, 'book-import.no-such-rule'));
      }
    }
    await i18n.changeLanguage('vi');
    expect(ruleLabel(t, 'book-import.date')).toBe('Ngày không hợp lệ');
  });

  it('reads an unknown code as another rule, with the code beside it', async () => {
    await i18n.changeLanguage('vi');
    expect(ruleLabel(t, 'book-import.no-such-rule')).toBe('Quy tắc khác (book-import.no-such-rule)');
    expect(ruleLabel(t, 'book-import.a.b')).toBe('Quy tắc khác (book-import.a.b)');
    expect(ruleLabel(t, 'other.code')).toBe('Quy tắc khác (other.code)');
    await i18n.changeLanguage('en');
    expect(ruleLabel(t, 'book-import.other')).toBe('Other rule (book-import.other)');
  });

  it('translates the commit job’s steps', async () => {
    await i18n.changeLanguage('en');
    expect(stepLabel(t, 'Kiểm tra lại tệp')).toBe('Checking the file again');
    expect(stepLabel(t, 'Khoản vay 3/12')).toBe('Loan 3 of 12');
    expect(stepLabel(t, 'Khách hàng 10/40')).toBe('Borrower 10 of 40');
    expect(stepLabel(t, 'something else')).toBe('something else');
  });
});
