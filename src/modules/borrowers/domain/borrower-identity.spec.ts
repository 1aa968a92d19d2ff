import { describe, expect, it } from '@jest/globals';
import { isValidIdentity, type BorrowerType } from './borrower-identity.js';

describe('borrower identity (domain.md "Borrowers")', () => {
  it.each<[BorrowerType, string, boolean]>([
    ['COOPERATIVE', '4600123456', true],
    ['COOPERATIVE', '4600123456-001', true],
    ['COOPERATIVE_UNION', '4600123456-01', false],
    ['COOPERATIVE', '460012345', false],
    ['COOPERATIVE', '019123456789', false],
    ['MEMBER', '019123456789', true],
    ['MEMBER', '4600123456', false],
    ['MEMBER', '01912345678a', false],
  ])('%s %s → %p', (type, code, ok) => {
    expect(isValidIdentity(type, code)).toBe(ok);
  });
});
