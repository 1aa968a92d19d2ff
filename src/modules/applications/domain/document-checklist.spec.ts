import { describe, expect, it } from '@jest/globals';
import { documentChecklist } from './document-checklist.js';

describe('document checklist', () => {
  it('a stored file beats a waiver; what is neither is missing; nothing required is complete', () => {
    const items = documentChecklist(
      ['CHARTER', 'BUSINESS_PLAN', 'FINANCIAL_STATEMENT'],
      new Set(['CHARTER', 'PHOTO']),
      new Set(['CHARTER', 'FINANCIAL_STATEMENT']),
    );
    expect(items).toEqual([
      { docType: 'CHARTER', status: 'PRESENT' },
      { docType: 'BUSINESS_PLAN', status: 'MISSING' },
      { docType: 'FINANCIAL_STATEMENT', status: 'WAIVED' },
    ]);
    expect(documentChecklist([], new Set(), new Set())).toEqual([]);
  });
});
