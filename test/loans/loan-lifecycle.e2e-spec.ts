import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Money } from '../../src/platform/money/index.js';
import { loanEngine } from '../../src/modules/loans/index.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Loan {
  status: string;
  outstandingPrincipal: string;
  principalDisbursed: string;
  trancheCount: number;
  asOf: string;
  daysPastDue: number;
}
interface Inst {
  seq: number;
  dueDate: string;
  principal: string;
  interest: string;
  status: string;
}

/**
 * contract → two tranches → on-time repayments → a prepayment → a backdated repayment →
 * a reversal → settlement; the ledger and the loan cache agree at every step.
 */
describe('loan lifecycle', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;

  const loan = async (): Promise<Loan> => (await call<Loan>(t, 'GET', `/loans/${loanId}`, w.officer)).body;
  const schedule = async (): Promise<Inst[]> => (await call<Inst[]>(t, 'GET', `/loans/${loanId}/schedule`, w.officer)).body;
  const agrees = async (): Promise<void> => expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
      maxTranches: 2,
    });
    loanId = await contractedLoan(t, w, { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
  });
  afterAll(async () => t.close());

  it('contracts the approved application as PENDING_DISBURSEMENT with a contract number', async () => {
    const l = await call<Loan & { contractNumber: string; approvedAmount: string }>(t, 'GET', `/loans/${loanId}`, w.officer);
    expect(l.body).toMatchObject({ status: 'PENDING_DISBURSEMENT', approvedAmount: '600000000', principalDisbursed: '0' });
    expect(l.body.contractNumber).toMatch(/^HĐTD-2025-\d{6}$/);
  });

  it('disburses two tranches; the schedule covers everything disbursed and keeps the maturity', async () => {
    await closeUntil(t, w, '2025-03-09');
    const first = await money(t, w, 'disbursements', loanId, '400000000', '2025-03-10');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'ACTIVE', outstandingPrincipal: '400000000', maturityDate: '2025-09-10' });
    await agrees();
    await closeUntil(t, w, '2025-03-19');
    const second = await money(t, w, 'disbursements', loanId, '200000000', '2025-03-20');
    expect(second.body).toMatchObject({ outstandingPrincipal: '600000000', trancheCount: 2, maturityDate: '2025-09-10' });
    const s = await schedule();
    expect(s.map((i) => i.dueDate)).toEqual(['2025-04-10', '2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10', '2025-09-10']);
    expect(s.reduce((acc, i) => acc.plus(i.principal), new Money(0)).toFixed()).toBe('600000000');
    // Period 1 interest: 400,000,000 × 6% × 10/365 + 600,000,000 × 6% × 21/365 = 657,534.25 + 2,071,232.88 = 2,728,767.12 → 2,728,767
    expect(s[0].interest).toBe('2728767');
    const third = await money(t, w, 'disbursements', loanId, '1', '2025-03-20');
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'LOAN.DISBURSEMENT_ABOVE_APPROVED', limit: '600000000', actual: '600000001' });
    await agrees();
  });

  it('takes on-time repayments of installment 1 exactly', async () => {
    await closeUntil(t, w, '2025-04-09');
    const [i1] = await schedule();
    const due = new Money(i1.principal).plus(i1.interest).toFixed();
    const paid = await money(t, w, 'repayments', loanId, due, '2025-04-10');
    expect(paid.status).toBe(201);
    expect(paid.body.totals).toMatchObject({ PRINCIPAL: i1.principal, INTEREST: i1.interest, PREPAID_PRINCIPAL: '0' });
    expect((await schedule())[0].status).toBe('PAID');
    await agrees();
  });

  it('prepays principal with an excess and rebuilds the remaining installments', async () => {
    await closeUntil(t, w, '2025-05-09');
    const [, i2] = await schedule();
    const due = new Money(i2.principal).plus(i2.interest);
    const paid = await money(t, w, 'repayments', loanId, due.plus(50_000_000).toFixed(), '2025-05-10');
    expect(paid.body.totals).toMatchObject({ PRINCIPAL: i2.principal, INTEREST: i2.interest, PREPAID_PRINCIPAL: '50000000' });
    const after = await schedule();
    const remaining = after.filter((i) => i.status === 'SCHEDULED').reduce((acc, i) => acc.plus(i.principal), new Money(0));
    expect(remaining.toFixed()).toBe((await loan()).outstandingPrincipal);
    expect((await loan()).outstandingPrincipal).toBe('350000000');
    await agrees();
  });

  it('records a backdated repayment into closed days by replaying the loan, and reverses it', async () => {
    await closeUntil(t, w, '2025-06-14');
    const overdue = await loan();
    expect(overdue.daysPastDue).toBe(4); // installment 3 due 2025-06-10, unpaid at the close of 2025-06-14
    const [, , i3] = await schedule();
    const due = new Money(i3.principal).plus(i3.interest).toFixed();
    const paid = await money(t, w, 'repayments', loanId, due, '2025-06-10');
    expect(paid.status).toBe(201);
    // Valued on the due date: no penalty, the installment clears exactly as if paid on time.
    expect(paid.body.totals).toMatchObject({ OVERDUE_PRINCIPAL_INTEREST: '0', LATE_INTEREST: '0', PRINCIPAL: i3.principal, INTEREST: i3.interest });
    expect((await loan()).daysPastDue).toBe(0);
    await agrees();

    const rid = (paid.body.repayment as { id: string }).id;
    const reversal = await call<Loan>(
      t,
      'POST',
      `/loans/${loanId}/repayments/${rid}/reversal`,
      w.officer,
      { reason: 'Sai tài khoản thụ hưởng' },
      { 'idempotency-key': `rev-${rid}-0001` },
    );
    expect(reversal.status).toBe(200);
    expect(reversal.body.daysPastDue).toBe(4);
    const tx = await call<Array<{ id: string; reversed: boolean }>>(t, 'GET', `/loans/${loanId}/transactions`, w.officer);
    expect(tx.body.find((e) => e.id === rid)).toMatchObject({ reversed: true });
    const again = await call(
      t,
      'POST',
      `/loans/${loanId}/repayments/${rid}/reversal`,
      w.officer,
      { reason: 'lần hai' },
      { 'idempotency-key': `rev-${rid}-0002` },
    );
    expect(again.status).toBe(409);
    await agrees();
  });

  it('settles with the payoff and closes the loan; one đồng more is refused', async () => {
    const payoff = await call<{ total: string; overdueInterest: string; accruedInterest: string }>(
      t,
      'GET',
      `/loans/${loanId}/payoff?date=2025-06-15`,
      w.officer,
    );
    expect(new Money(payoff.body.overdueInterest).gt(0)).toBe(true);
    const tooMuch = await money(t, w, 'repayments', loanId, new Money(payoff.body.total).plus(1).toFixed(), '2025-06-15');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'LOAN.REPAYMENT_ABOVE_PAYOFF', limit: payoff.body.total });
    const settled = await money(t, w, 'repayments', loanId, payoff.body.total, '2025-06-15');
    expect(settled.status).toBe(201);
    expect(settled.body.loan).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0' });
    await agrees();
  });

  it('balances the trial balance: capital in, loan out and back, income earned', async () => {
    const tb = await call<{ totalBalance: string; accounts: Array<{ account: string; balance: string }> }>(
      t,
      'GET',
      '/ledger/trial-balance?asOf=2026-12-31',
      w.auditor,
    );
    expect(tb.status).toBe(200);
    expect(tb.body.totalBalance).toBe('0');
    const bal = (a: string): Money => new Money(tb.body.accounts.find((x) => x.account === a)?.balance ?? '0');
    // The capital movement of 50,000,000,000 is a ledger transaction (Dr cash / Cr source capital).
    expect(bal('SOURCE_CAPITAL').toFixed()).toBe('-50000000000');
    expect(bal('PRINCIPAL_RECEIVABLE').toFixed()).toBe('0');
    // Everything lent came back with its interest: cash = capital + interest and penalties earned.
    const income = bal('INTEREST_INCOME').plus(bal('OVERDUE_INTEREST_INCOME')).plus(bal('LATE_INTEREST_INCOME'));
    expect(bal('CASH').plus(income).toFixed()).toBe('50000000000');
    expect(bal('INTEREST_RECEIVABLE').toFixed()).toBe('0');
    expect(bal('PENALTY_RECEIVABLE').toFixed()).toBe('0');
  });

  it('keeps the cache equal to a full replay of the events', async () => {
    const rows = (await t.db.query(
      `SELECT kind, value_date::text AS date, amount, id::text FROM loan_events WHERE loan_id = $1 AND reversed_at IS NULL ORDER BY id`,
      [loanId],
    )) as Array<{ kind: 'DISBURSEMENT' | 'REPAYMENT'; date: string; amount: string; id: string }>;
    const terms = loanEngine.makeLoanTerms({ annualRate: new Money('0.06'), termMonths: 6, startDate: '2025-03-10' });
    const events = rows.map((r) =>
      r.kind === 'DISBURSEMENT'
        ? { kind: r.kind, date: r.date, amount: new Money(r.amount) }
        : { kind: r.kind, id: r.id, date: r.date, amount: new Money(r.amount) },
    );
    const replayed = loanEngine.replayToOpenDay(terms, events, '2025-06-14').state;
    const [cached] = (await t.db.query(`SELECT outstanding_principal, period_interest_numerator FROM loans WHERE id = $1`, [loanId])) as Array<{
      outstanding_principal: string;
      period_interest_numerator: string;
    }>;
    expect(replayed.outstandingPrincipal.toFixed()).toBe(new Money(cached.outstanding_principal).toFixed());
    expect(replayed.periodInterestNumerator.toFixed()).toBe(new Money(cached.period_interest_numerator).toFixed());
  });
});
