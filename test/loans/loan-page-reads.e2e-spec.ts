import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Money } from '../../src/platform/money/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Line {
  step: string;
  component: string;
  installmentSeq: number | null;
  amount: string;
}
interface Preview {
  valueDate: string;
  amount: string;
  allocation: Line[];
  totals: Record<string, string>;
  loan: { outstandingPrincipal: string; overduePrincipal: string; overdueInterest: string; status: string };
}
interface Posting {
  transactionId: string;
  kind: string;
  reversesTransactionId: string | null;
  reversedByTransactionId: string | null;
  pooled: boolean;
  entries: Array<{ account: string; glCode: string; debit: string; credit: string }>;
}
interface Problem {
  code: string;
  errors?: Array<{ field: string; rule: string }>;
}

/** The loan page's reads: the repayment dry run, the postings, the debt-group history and the list's search and order. */
describe('loan page reads', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;
  let quietId: string;
  const counts = async (): Promise<{ events: number; journal: number; audit: number }> => {
    const [r] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM loan_events) AS events, (SELECT count(*)::int FROM journal_transactions) AS journal, (SELECT count(*)::int FROM audit_events) AS audit`,
    )) as Array<{ events: number; journal: number; audit: number }>;
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
    });
    loanId = await contractedLoan(t, w, { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    quietId = await contractedLoan(t, w, { amount: '100000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '600000000', '2025-03-10')).status).toBe(201);
    // The first installment (10/04) stays unpaid: 15 days past due on 25/04 (group 2 from 10 days, on 20/04).
    await closeUntil(t, w, '2025-04-25');
  });
  afterAll(async () => t.close());

  it('previews a repayment with the allocation the repayment then applies, writing nothing', async () => {
    const before = await counts();
    const preview = await call<Preview>(t, 'POST', `/loans/${loanId}/repayments/preview`, w.officer, { amount: '120000000', valueDate: '2025-04-26' });
    expect(preview.status).toBe(200);
    expect(await counts()).toEqual(before);
    // Penalty and overdue interest first, then the overdue principal, then the rest prepays (domain.md allocation order).
    expect(preview.body.allocation.map((l) => l.step)[0]).toBe('PENALTY');
    expect(preview.body.allocation.some((l) => l.step === 'OVERDUE_PRINCIPAL' && l.amount === '100000000')).toBe(true);
    const sum = preview.body.allocation.reduce((acc, l) => acc.plus(l.amount), new Money(0));
    expect(sum.toFixed()).toBe('120000000');
    expect(preview.body.loan.overduePrincipal).toBe('0');

    const recorded = await money(t, w, 'repayments', loanId, '120000000', '2025-04-26');
    expect(recorded.status).toBe(201);
    const body = recorded.body as { repayment: { allocation: Line[] }; totals: Record<string, string>; loan: { outstandingPrincipal: string } };
    expect(body.repayment.allocation.filter((l) => l.amount !== '0')).toEqual(preview.body.allocation);
    expect(body.totals).toEqual(preview.body.totals);
    expect(body.loan.outstandingPrincipal).toBe(preview.body.loan.outstandingPrincipal);
  });

  it('refuses a bad preview with the field and rule, or the payoff as the limit, and records nothing', async () => {
    const before = await counts();
    const zero = await call<Problem>(t, 'POST', `/loans/${loanId}/repayments/preview`, w.officer, { amount: '0', valueDate: '2025-04-26' });
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([expect.objectContaining({ field: 'amount', rule: 'isVndAmount' })]);
    const text = await call<Problem>(t, 'POST', `/loans/${loanId}/repayments/preview`, w.officer, { amount: 'abc', valueDate: '2025-04-26' });
    expect(text.status).toBe(400);
    const payoff = await call<{ total: string }>(t, 'GET', `/loans/${loanId}/payoff?date=2025-04-26`, w.officer);
    const above = new Money(payoff.body.total).plus(1).toFixed();
    const tooMuch = await call<Problem>(t, 'POST', `/loans/${loanId}/repayments/preview`, w.officer, { amount: above, valueDate: '2025-04-26' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('LOAN.REPAYMENT_ABOVE_PAYOFF');
    const future = await call<Problem>(t, 'POST', `/loans/${loanId}/repayments/preview`, w.officer, { amount: '1000000', valueDate: '2025-05-30' });
    expect(future.body.code).toBe('LOAN.VALUE_DATE_IN_FUTURE');
    expect((await call(t, 'POST', `/loans/${loanId}/repayments/preview`, w.auditor, { amount: '1000000', valueDate: '2025-04-26' })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('lists each journal transaction of the loan with balanced debit and credit lines, reversals linked', async () => {
    const repayments = await call<Array<{ id: string; kind: string }>>(t, 'GET', `/loans/${loanId}/transactions`, w.officer);
    const repayment = repayments.body.find((e) => e.kind === 'REPAYMENT');
    expect(repayment).toBeDefined();
    const rev = await call(
      t,
      'POST',
      `/loans/${loanId}/repayments/${repayment?.id}/reversal`,
      w.officer,
      { reason: 'Nhập nhầm số tiền' },
      { 'idempotency-key': 'c0ffee00-0000-4000-8000-000000000001' },
    );
    expect(rev.status).toBe(200);

    const res = await call<Posting[]>(t, 'GET', `/loans/${loanId}/postings`, w.officer);
    expect(res.status).toBe(200);
    const kinds = res.body.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL']));
    for (const p of res.body.filter((x) => !x.pooled)) {
      const debit = p.entries.reduce((acc, e) => acc.plus(e.debit), new Money(0));
      const credit = p.entries.reduce((acc, e) => acc.plus(e.credit), new Money(0));
      expect(debit.toFixed()).toBe(credit.toFixed());
      expect(p.entries.every((e) => e.glCode.length > 0 && (e.debit === '0') !== (e.credit === '0'))).toBe(true);
    }
    const disbursement = res.body.find((p) => p.kind === 'DISBURSEMENT');
    expect(disbursement?.entries.find((e) => e.debit !== '0')).toMatchObject({ account: 'PRINCIPAL_RECEIVABLE', debit: '600000000' });
    const reversal = res.body.find((p) => p.kind === 'REPAYMENT_REVERSAL');
    const reversed = res.body.find((p) => p.transactionId === reversal?.reversesTransactionId);
    expect(reversed?.reversedByTransactionId).toBe(reversal?.transactionId);
  });

  it('gives the debt-group changes with date and reason', async () => {
    const res = await call<Array<{ date: string; fromGroup: number; toGroup: number; reason: string }>>(t, 'GET', `/loans/${loanId}/debt-groups`, w.officer);
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ date: '2025-04-20', fromGroup: 1, toGroup: 2, reason: 'DPD' });
    // A loan never disbursed is never classified: no change.
    expect((await call<unknown[]>(t, 'GET', `/loans/${quietId}/debt-groups`, w.officer)).body).toEqual([]);
  });

  it('finds loans by part of the contract number and orders the overdue by days past due', async () => {
    const one = await call<{ contractNumber: string }>(t, 'GET', `/loans/${loanId}`, w.officer);
    const tail = one.body.contractNumber.slice(-6);
    const found = await call<{ total: number; items: Array<{ id: string; borrowerName: string }> }>(
      t,
      'GET',
      `/loans?contractNumber=${encodeURIComponent(tail.toLowerCase())}`,
      w.officer,
    );
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ id: loanId, borrowerName: expect.stringContaining('Hợp tác xã') });
    expect((await call<{ total: number }>(t, 'GET', `/loans?contractNumber=${encodeURIComponent('%')}`, w.officer)).body.total).toBe(0);
    const byDpd = await call<{ items: Array<{ daysPastDue: number }> }>(t, 'GET', '/loans?sort=dpd', w.officer);
    const dpd = byDpd.body.items.map((l) => l.daysPastDue);
    expect(dpd).toEqual([...dpd].sort((a, b) => b - a));
    expect((await call<Problem>(t, 'GET', '/loans?sort=largest', w.officer)).status).toBe(400);
  });

  it('keeps a cooperative user to its own loan’s postings and history', async () => {
    const other = await createCooperative(t, w.officer);
    const stranger = await userWithRoles(t, w.admin, ['COOPERATIVE'], other.id);
    expect((await call(t, 'GET', `/loans/${loanId}/postings`, stranger.token)).status).toBe(404);
    expect((await call(t, 'GET', `/loans/${loanId}/debt-groups`, stranger.token)).status).toBe(404);
    const own = await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId);
    expect((await call(t, 'GET', `/loans/${loanId}/postings`, own.token)).status).toBe(200);
  });
});
