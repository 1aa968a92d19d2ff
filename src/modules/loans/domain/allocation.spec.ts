import { describe, it, expect } from '@jest/globals';
import { Money, toDecimalString } from '../../../platform/money/money.js';
import { allocateRepayment, payoffQuote } from './allocation.js';
import { disburse } from './disbursement.js';
import { LoanDomainError, RepaymentAbovePayoffError } from './loan-errors.js';
import { type LoanState, initialLoanState } from './loan-state.js';
import { daysPastDue, loanSummary } from './loan-summary.js';
import { type LoanTermsInput, makeLoanTerms } from './loan-terms.js';
import { type LoanEvent, replay } from './replay.js';

const m = (v: string | number): Money => new Money(v);
const s = toDecimalString;
const base: LoanTermsInput = { annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' };
const disbursed: LoanEvent = { kind: 'DISBURSEMENT', date: '2025-03-10', amount: m(600_000_000) };
// installment 1 paid on its due date: 100,000,000 + 3,057,534 (600M × 0.06 × 31 / 365)
const onTime: LoanEvent = { kind: 'REPAYMENT', id: 'i1', date: '2025-04-10', amount: m(103_057_534) };

function stateOn(date: string, events: LoanEvent[], input: LoanTermsInput = base): LoanState {
  return replay(makeLoanTerms(input), events, date).state;
}
const lines = (a: ReturnType<typeof allocateRepayment>): (string | number | null)[][] => a.lines.map((l) => [l.step, l.component, l.seq, s(l.amount)]);
const principals = (st: LoanState): string[][] => st.installments.map((i) => [i.dueDate, s(i.principalDue)]);

describe('allocation order', () => {
  it('two overdue installments: each step oldest first, then the next step', () => {
    // Nothing paid; on 15 May installments 1 (due 10 Apr, 35 days) and 2 (due 10 May, 5 days) are overdue.
    // inst 1: 100M × 0.09 × 35 / 365 = 863,013.70 → 863,014; late 3,057,534 × 0.1 × 35 / 365 = 29,318.82 → 29,319
    // inst 2: 100M × 0.09 × 5 / 365 = 123,287.67 → 123,288; late 2,465,753 × 0.1 × 5 / 365 = 3,377.74 → 3,378
    // penalties 1,018,999 + overdue interest 3,057,534 + 2,465,753 = 6,542,286; 10,000,000 − 6,542,286 = 3,457,714
    const st = stateOn('2025-05-14', [disbursed]);
    const a = allocateRepayment(st, '2025-05-15', m(10_000_000));
    expect(lines(a)).toEqual([
      ['PENALTY', 'OVERDUE_PRINCIPAL_INTEREST', 1, '863014'],
      ['PENALTY', 'LATE_INTEREST', 1, '29319'],
      ['PENALTY', 'OVERDUE_PRINCIPAL_INTEREST', 2, '123288'],
      ['PENALTY', 'LATE_INTEREST', 2, '3378'],
      ['OVERDUE_INTEREST', 'INTEREST', 1, '3057534'],
      ['OVERDUE_INTEREST', 'INTEREST', 2, '2465753'],
      ['OVERDUE_PRINCIPAL', 'PRINCIPAL', 1, '3457714'],
    ]);
    expect(s(a.totals.PRINCIPAL)).toBe('3457714');
    expect(daysPastDue(a.state, '2025-05-15')).toBe(35);
    // accrued interest of period 3 (400M × 0.06 × 5 / 365 = 328,767.12) is not collected early
    expect(s(a.payoffBefore.accruedInterest)).toBe('328767');
  });

  it('a configured order is followed (principal before penalties)', () => {
    const input: LoanTermsInput = {
      ...base,
      allocationOrder: ['OVERDUE_PRINCIPAL', 'OVERDUE_INTEREST', 'PENALTY', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'],
    };
    const a = allocateRepayment(stateOn('2025-04-20', [disbursed], input), '2025-04-21', m(100_500_000));
    expect(lines(a)).toEqual([
      ['OVERDUE_PRINCIPAL', 'PRINCIPAL', 1, '100000000'],
      ['OVERDUE_INTEREST', 'INTEREST', 1, '500000'],
    ]);
  });

  it('due today: interest billed today, then principal due today', () => {
    const a = allocateRepayment(stateOn('2025-04-09', [disbursed]), '2025-04-10', m(3_100_000));
    expect(lines(a)).toEqual([
      ['DUE_INTEREST', 'INTEREST', 1, '3057534'],
      ['DUE_PRINCIPAL', 'PRINCIPAL', 1, '42466'], // 3,100,000 − 3,057,534
    ]);
  });

  it('a partly paid penalty is owed as round(running total) − paid', () => {
    // 21 Apr: 200,000 of the 271,233 overdue interest. 22 Apr: 100M × 0.09 × 12 / 365 = 295,890.41 → 295,890 − 200,000 = 95,890
    const first = allocateRepayment(stateOn('2025-04-20', [disbursed]), '2025-04-21', m(200_000));
    expect(lines(first)).toEqual([['PENALTY', 'OVERDUE_PRINCIPAL_INTEREST', 1, '200000']]);
    const q = payoffQuote(first.state, '2025-04-22');
    expect(s(q.overdueInterest)).toBe('95890');
  });
});

describe('prepayment', () => {
  it('REDUCE_INSTALLMENT: same dates, smaller principal; interest accrues on the lower balance', () => {
    // 10 Apr: installment 1 (103,057,534) + 100,000,000 prepaid; 400M left over 5 installments = 80M each
    const events: LoanEvent[] = [disbursed, { ...onTime, amount: m(203_057_534) }];
    const after = stateOn('2025-04-10', events);
    expect(principals(after).slice(1)).toEqual([
      ['2025-05-10', '80000000'],
      ['2025-06-10', '80000000'],
      ['2025-07-10', '80000000'],
      ['2025-08-10', '80000000'],
      ['2025-09-10', '80000000'],
    ]);
    expect(s(after.prepaidPrincipal)).toBe('100000000');
    // period 2: 400M × 0.06 × 30 / 365 = 1,972,602.74 → 1,972,603
    expect(s(stateOn('2025-05-10', events).installments[1].interestDue ?? m(-1))).toBe('1972603');
  });

  it('SHORTEN_TERM: each installment keeps 100M, the last one is dropped', () => {
    const events: LoanEvent[] = [disbursed, { ...onTime, amount: m(203_057_534) }];
    const after = stateOn('2025-04-10', events, { ...base, prepaymentMode: 'SHORTEN_TERM' });
    expect(principals(after)).toEqual([
      ['2025-04-10', '100000000'],
      ['2025-05-10', '100000000'],
      ['2025-06-10', '100000000'],
      ['2025-07-10', '100000000'],
      ['2025-08-10', '100000000'],
    ]);
    expect(s(after.outstandingPrincipal)).toBe('400000000');
  });

  it('mid-period: interest of the period is split at the prepayment date', () => {
    // 25 Apr: 50M prepaid → 450M over 5 = 90M each.
    // period 2: (500M × 15 days (10–24 Apr) + 450M × 15 days (25 Apr – 9 May)) × 0.06 / 365 = 2,342,465.75 → 2,342,466
    const events: LoanEvent[] = [disbursed, onTime, { kind: 'REPAYMENT', id: 'p', date: '2025-04-25', amount: m(50_000_000) }];
    const may = stateOn('2025-05-10', events);
    expect(s(may.installments[1].principalDue)).toBe('90000000');
    expect(s(may.installments[1].interestDue ?? m(-1))).toBe('2342466');
  });
});

describe('settlement', () => {
  // 25 Apr after installment 1 paid on time: accrued 500M × 0.06 × 15 / 365 = 1,232,876.71 → 1,232,877
  const st = stateOn('2025-04-24', [disbursed, onTime]);

  it('payoff = accrued interest + all principal = 501,232,877; paying it settles the loan', () => {
    expect(s(payoffQuote(st, '2025-04-25').total)).toBe('501232877');
    const a = allocateRepayment(st, '2025-04-25', m(501_232_877));
    expect(lines(a)).toEqual([
      ['PREPAYMENT', 'ACCRUED_INTEREST', 2, '1232877'],
      ['PREPAYMENT', 'PREPAID_PRINCIPAL', 2, '500000000'],
    ]);
    expect(a.settled).toBe(true);
    expect(a.state.installments.map((i) => [i.seq, i.dueDate, s(i.principalDue), s(i.interestDue ?? m(-1))])).toEqual([
      [1, '2025-04-10', '100000000', '3057534'],
      [2, '2025-04-25', '500000000', '1232877'],
    ]);
    const later = loanSummary(a.state, '2025-12-31');
    expect(later.settled).toBe(true);
    expect(s(later.outstandingPrincipal)).toBe('0');
  });

  it('an amount above the payoff is refused with the payoff figure', () => {
    let caught: unknown;
    try {
      allocateRepayment(st, '2025-04-25', m(501_232_878));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RepaymentAbovePayoffError);
    expect((caught as RepaymentAbovePayoffError).code).toBe('LOAN.REPAYMENT_ABOVE_PAYOFF');
    expect(s((caught as RepaymentAbovePayoffError).payoff)).toBe('501232877');
  });

  it('covering the principal but not all accrued interest: interest first, the rest prepays', () => {
    // 500,000,000 = 1,232,877 accrued + 498,767,123 principal; 1,232,877 principal left over 5: 246,575 × 4 + 246,577
    const a = allocateRepayment(st, '2025-04-25', m(500_000_000));
    expect(lines(a)).toEqual([
      ['PREPAYMENT', 'ACCRUED_INTEREST', 2, '1232877'],
      ['PREPAYMENT', 'PREPAID_PRINCIPAL', null, '498767123'],
    ]);
    expect(
      principals(a.state)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['246575', '246575', '246575', '246575', '246577']);
    // 10 May bills (500M × 0.06 × 15 + 1,232,877 × 0.06 × 15) / 365 = 1,235,916.68 → 1,235,917, of which 1,232,877 paid
    const may = stateOn('2025-05-10', [disbursed, onTime, { kind: 'REPAYMENT', id: 's', date: '2025-04-25', amount: m(500_000_000) }]);
    expect(s(may.installments[1].interestDue ?? m(-1))).toBe('1235917');
    expect(s(may.installments[1].interestPaid)).toBe('1232877');
  });

  it('refuses zero, negative and fractional amounts', () => {
    for (const bad of ['0', '-5', '10.5']) expect(() => allocateRepayment(st, '2025-04-25', m(bad))).toThrow(LoanDomainError);
  });
});

describe('tranches', () => {
  const input: LoanTermsInput = base;
  const t1: LoanEvent = { kind: 'DISBURSEMENT', date: '2025-03-10', amount: m(300_000_000) };
  // inst 1: 300M / 6 = 50M + 300M × 0.06 × 31 / 365 = 1,528,767.12 → 1,528,767
  const pay1: LoanEvent = { kind: 'REPAYMENT', id: 'a', date: '2025-04-10', amount: m(51_528_767) };

  it('a tranche rebuilds the installments not yet due so they carry everything disbursed, maturity kept', () => {
    // 25 Apr +300M: 250M + 300M = 550M over 5 = 110M each
    const events: LoanEvent[] = [t1, pay1, { kind: 'DISBURSEMENT', date: '2025-04-25', amount: m(300_000_000) }];
    const may = stateOn('2025-05-10', events, input);
    expect(principals(may)).toEqual([
      ['2025-04-10', '50000000'],
      ['2025-05-10', '110000000'],
      ['2025-06-10', '110000000'],
      ['2025-07-10', '110000000'],
      ['2025-08-10', '110000000'],
      ['2025-09-10', '110000000'],
    ]);
    // period 2: (250M × 15 + 550M × 15) × 0.06 / 365 = 1,972,602.74 → 1,972,603
    expect(s(may.installments[1].interestDue ?? m(-1))).toBe('1972603');
    expect(s(may.disbursedPrincipal)).toBe('600000000');
  });

  it('a tranche on a due date leaves the installment due that day as billed', () => {
    // 10 Apr: installment 1 is billed first (50M), the tranche goes to installments 2–6: 250M + 100M = 350M / 5 = 70M
    const st = stateOn('2025-04-10', [t1, { kind: 'DISBURSEMENT', date: '2025-04-10', amount: m(100_000_000) }], input);
    expect(principals(st).map((r) => r[1])).toEqual(['50000000', '70000000', '70000000', '70000000', '70000000', '70000000']);
  });

  it('the first disbursement must be on the start date; none after the last due date', () => {
    expect(() => disburse(initialLoanState(makeLoanTerms(input)), '2025-03-11', m(1))).toThrow(LoanDomainError);
    const matured = stateOn('2025-09-10', [t1], input);
    expect(() => disburse(matured, '2025-09-11', m(1_000_000))).toThrow(LoanDomainError);
  });
});
