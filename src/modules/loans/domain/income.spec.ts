import { describe, expect, it } from '@jest/globals';
import { Money } from '../../../platform/money/money.js';
import { closeThrough } from './accrual.js';
import { allocateRepayment } from './allocation.js';
import { disburse } from './disbursement.js';
import { collectedIncome, earnedIncome } from './income.js';
import { initialLoanState } from './loan-state.js';
import { makeLoanTerms } from './loan-terms.js';
import { replayToOpenDay } from './open-day.js';

// domain.md worked example: 600,000,000 at 6%, disbursed 2025-03-10, monthly, equal principal, 6 months.
const terms = makeLoanTerms({
  annualRate: new Money('0.06'),
  method: 'EQUAL_PRINCIPAL',
  principalFrequency: 'MONTHLY',
  interestFrequency: 'MONTHLY',
  termMonths: 6,
  startDate: '2025-03-10',
});

describe('earned and collected income', () => {
  it('matches the worked example after the close of 2025-04-20', () => {
    const s = closeThrough(disburse(initialLoanState(terms), '2025-03-10', new Money(600_000_000)), '2025-04-20');
    const earned = earnedIncome(s);
    // billed period 1: 3,057,534; period 2 so far 500,000,000 × 6% × 11/365 = 904,109.59 → 904,110
    expect(earned.interest.toFixed()).toBe(String(3_057_534 + 904_110));
    // 100,000,000 × 9% × 11/365 = 271,232.88 → 271,233; 3,057,534 × 10% × 11/365 = 9,214.49 → 9,214
    expect(earned.overdueInterest.toFixed()).toBe('271233');
    expect(earned.lateInterest.toFixed()).toBe('9214');
    expect(collectedIncome(s).interest.toFixed()).toBe('0');
  });

  it('collects exactly the installment paid on 2025-04-21', () => {
    const s = closeThrough(disburse(initialLoanState(terms), '2025-03-10', new Money(600_000_000)), '2025-04-20');
    const paid = allocateRepayment(s, '2025-04-21', new Money(103_337_981)).state;
    const c = collectedIncome(paid);
    expect([c.principal, c.interest, c.overdueInterest, c.lateInterest].map((x) => x.toFixed())).toEqual(['100000000', '3057534', '271233', '9214']);
  });

  it('replaying to the open day equals recording the events in order', () => {
    const events = [
      { kind: 'DISBURSEMENT' as const, date: '2025-03-10', amount: new Money(600_000_000) },
      { kind: 'REPAYMENT' as const, id: 'r1', date: '2025-04-10', amount: new Money(103_057_534) },
      { kind: 'REPAYMENT' as const, id: 'r2', date: '2025-04-21', amount: new Money(1_000_000) },
    ];
    const recorded = allocateRepayment(
      closeThrough(
        allocateRepayment(
          closeThrough(disburse(initialLoanState(terms), '2025-03-10', new Money(600_000_000)), '2025-04-09'),
          '2025-04-10',
          new Money(103_057_534),
        ).state,
        '2025-04-20',
      ),
      '2025-04-21',
      new Money(1_000_000),
    ).state;
    const replayed = replayToOpenDay(terms, events, '2025-04-20');
    expect(replayed.state).toEqual(recorded);
    expect(replayed.repayments.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});
