import { describe, it, expect } from '@jest/globals';
import { Money, toDecimalString } from '../../../platform/money/money.js';
import { addDays } from '../../../platform/dates/local-date.js';
import { closeDay } from './accrual.js';
import { allocateRepayment, payoffQuote } from './allocation.js';
import { disburse } from './disbursement.js';
import { LoanDomainError } from './loan-errors.js';
import { type LoanState, initialLoanState } from './loan-state.js';
import { daysPastDue, loanSummary } from './loan-summary.js';
import { makeLoanTerms } from './loan-terms.js';
import { replay } from './replay.js';

/**
 * domain.md "Worked example": 600,000,000 VND at 6%/year, disbursed 10 Mar 2025, monthly,
 * equal principal, 6 months.
 */
const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' });
const disbursed = [{ kind: 'DISBURSEMENT' as const, date: '2025-03-10', amount: m(600_000_000) }];

describe('domain.md worked example', () => {
  const { state } = replay(terms, disbursed, '2025-04-20');
  const first = state.installments[0];

  it('bills installment 1 on 10 Apr: 100,000,000 + 600,000,000 × 6% × 31/365 = 3,057,534', () => {
    expect(first.dueDate).toBe('2025-04-10');
    expect(first.billed).toBe(true);
    expect(s(first.principalDue)).toBe('100000000');
    expect(s(first.interestDue ?? m(-1))).toBe('3057534');
  });

  it('after the close of 20 Apr: DPD 10 and the three accruals, unrounded', () => {
    expect(state.lastClosedDate).toBe('2025-04-20');
    expect(daysPastDue(state, '2025-04-20')).toBe(10);
    // 100,000,000 × 0.06 × 1.5 × 11 days (10 Apr included … 20 Apr) = 99,000,000; ÷ 365 = 271,232.876…
    expect(s(first.overdueInterestNumerator)).toBe('99000000');
    expect(s(first.overdueInterestNumerator.div(365).toDecimalPlaces(2))).toBe('271232.88');
    // 3,057,534 × 0.10 × 11 = 3,363,287.4; ÷ 365 = 9,214.486…
    expect(s(first.lateInterestNumerator)).toBe('3363287.4');
    expect(s(first.lateInterestNumerator.div(365).toDecimalPlaces(2))).toBe('9214.49');
    // period 2 so far: 500,000,000 × 0.06 × 11 = 330,000,000; ÷ 365 = 904,109.589…
    expect(s(state.periodInterestNumerator)).toBe('330000000');
    expect(s(state.periodInterestNumerator.div(365).toDecimalPlaces(2))).toBe('904109.59');
  });

  it('the summary after the close of 20 Apr', () => {
    const sum = loanSummary(state, '2025-04-20');
    expect(sum.daysPastDue).toBe(10);
    expect(s(sum.outstandingPrincipal)).toBe('600000000');
    expect(s(sum.overduePrincipal)).toBe('100000000');
    expect(s(sum.billedUnpaidInterest)).toBe('3057534');
    expect(s(sum.overdueInterest)).toBe('271233');
    expect(s(sum.lateInterest)).toBe('9214');
    expect(s(sum.accruedInterest)).toBe('904110');
    // next: installment 2 due 10 May, 100,000,000 + 500,000,000 × 0.06 × 30/365 (2,465,753.42)
    expect(sum.nextDueDate).toBe('2025-05-10');
    expect(s(sum.nextDueAmount ?? m(0))).toBe('102465753');
    expect(sum.settled).toBe(false);
  });

  it('paying 103,337,981 on 21 Apr clears installment 1: 100,000,000 + 3,057,534 + 271,233 + 9,214', () => {
    const paid = allocateRepayment(state, '2025-04-21', m(103_337_981));
    expect(paid.lines.map((l) => [l.step, l.component, l.seq, s(l.amount)])).toEqual([
      ['PENALTY', 'OVERDUE_PRINCIPAL_INTEREST', 1, '271233'],
      ['PENALTY', 'LATE_INTEREST', 1, '9214'],
      ['OVERDUE_INTEREST', 'INTEREST', 1, '3057534'],
      ['OVERDUE_PRINCIPAL', 'PRINCIPAL', 1, '100000000'],
    ]);
    expect(daysPastDue(paid.state, '2025-04-21')).toBe(0);
    expect(s(paid.state.outstandingPrincipal)).toBe('500000000');
    // installment 2 is unchanged by the late payment: 500M performed all of 10 Apr … 9 May
    const { state: may } = replay(terms, [...disbursed, { kind: 'REPAYMENT', id: 'r1', date: '2025-04-21', amount: m(103_337_981) }], '2025-05-10');
    expect(s(may.installments[1].interestDue ?? m(-1))).toBe('2465753');
    expect(s(may.installments[0].overdueInterestNumerator)).toBe('99000000'); // stopped once paid
  });

  it('one đồng short leaves 1 đồng of principal overdue: DPD keeps counting', () => {
    const paid = allocateRepayment(state, '2025-04-21', m(103_337_980));
    expect(s(paid.state.installments[0].principalPaid)).toBe('99999999');
    expect(daysPastDue(paid.state, '2025-04-21')).toBe(11);
  });

  it('payoff on 21 Apr = 271,233 + 9,214 + 3,057,534 + 904,110 + 100,000,000 + 500,000,000 = 604,242,091', () => {
    const q = payoffQuote(state, '2025-04-21');
    expect([q.overdueInterest, q.lateInterest, q.billedInterest, q.accruedInterest, q.duePrincipal, q.notDuePrincipal, q.total].map(s)).toEqual([
      '271233',
      '9214',
      '3057534',
      '904110',
      '100000000',
      '500000000',
      '604242091',
    ]);
  });

  it('closing day by day gives exactly the replayed state', () => {
    let day: LoanState = disburse(initialLoanState(terms), '2025-03-10', m(600_000_000));
    for (let d = '2025-03-10'; d <= '2025-04-20'; d = addDays(d, 1)) day = closeDay(day, d);
    expect(JSON.stringify(day)).toBe(JSON.stringify(state));
    // idempotent: closing a closed day changes nothing; a gap is refused
    expect(closeDay(day, '2025-04-20')).toBe(day);
    expect(() => closeDay(day, '2025-04-22')).toThrow(LoanDomainError);
  });
});
