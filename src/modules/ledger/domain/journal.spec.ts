import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Money, sum } from '../../../platform/money/money.js';
import { assertBalanced, credit, debit, nonZero, reversalOf } from './journal.js';

describe('journal lines', () => {
  it('accepts balanced whole-VND lines', () => {
    expect(() => assertBalanced([debit('CASH', new Money(100)), credit('SOURCE_CAPITAL', new Money(100))])).not.toThrow();
  });

  it.each([
    [[debit('CASH', new Money(100)), credit('SOURCE_CAPITAL', new Money(99))], /sum to 1/],
    [[debit('CASH', new Money('100.5')), credit('SOURCE_CAPITAL', new Money('100.5'))], /whole VND/],
  ])('refuses %#', (lines, message) => {
    expect(() => assertBalanced(lines)).toThrow(message);
  });

  it('drops zero lines', () => {
    expect(nonZero([debit('CASH', new Money(0)), credit('CASH', new Money(5))])).toHaveLength(1);
  });

  it('a reversal plus the original sums to zero on every account', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 15n }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const lines = amounts.flatMap((a) => [debit('CASH', new Money(a.toString())), credit('PRINCIPAL_RECEIVABLE', new Money(a.toString()))]);
        const both = [...lines, ...reversalOf(lines)];
        expect(sum(both.filter((l) => l.account === 'CASH').map((l) => l.amount)).isZero()).toBe(true);
        expect(() => assertBalanced(reversalOf(lines))).not.toThrow();
      }),
    );
  });
});
