import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pdfText } from '../reports/report-helpers.js';

interface Item {
  kind: string;
  installmentSeq: number | null;
  dueDate: string | null;
  amount: string;
  components: { principal: string; interest: string; penalty: string };
  purpose: string;
  payload: string;
  imageDataUrl: string;
}
interface PaymentQr {
  loanId: string;
  contractNumber: string;
  asOf: string;
  payee: { bankBin: string; bankName: string; accountNumber: string; accountName: string; demo: boolean };
  items: Item[];
}

/** EMVCo TLV → map (one level). */
function tlv(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < s.length;) {
    const len = Number(s.slice(i + 2, i + 4));
    out[s.slice(i, i + 2)] = s.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}

/** GET /loans/:id/payment-qr: VietQR codes for what is owed, authorised like the loan. */
describe('payment QR codes of a loan', () => {
  let t: TestApp;
  let w: LoanWorld;
  let mine: string;
  let theirs: string;
  let coop: string;
  let contract: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { VIETQR_BANK_BIN: '970415', VIETQR_BANK_NAME: 'VietinBank', VIETQR_ACCOUNT_NUMBER: '0011001932418', VIETQR_ACCOUNT_NAME: 'QUY HTX THAI NGUYEN' },
    });
    w = await loanWorld(t, '2025-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
    });
    const terms = { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' };
    mine = await contractedLoan(t, w, terms);
    const other = (await createCooperative(t, w.officer)).id;
    theirs = await contractedLoan(t, { ...w, borrowerId: other }, terms);
    coop = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    await closeUntil(t, w, '2025-03-09');
    for (const id of [mine, theirs]) expect((await money(t, w, 'disbursements', id, '600000000', '2025-03-10')).status).toBe(201);
    contract = (await call<{ contractNumber: string }>(t, 'GET', `/loans/${mine}`, w.officer)).body.contractNumber;
  });
  afterAll(async () => t.close());

  it('gives the next installment and the payoff, each a decodable VietQR to the configured account with the contract number', async () => {
    await closeUntil(t, w, '2025-03-31');
    const res = await call<PaymentQr>(t, 'GET', `/loans/${mine}/payment-qr`, coop);
    expect(res.status).toBe(200);
    const loan = (await call<{ nextDueDate: string; nextDueAmount: string }>(t, 'GET', `/loans/${mine}`, coop)).body;
    const payoff = (await call<{ total: string }>(t, 'GET', `/loans/${mine}/payoff`, coop)).body;
    expect(res.body.payee).toEqual({
      bankBin: '970415',
      bankName: 'VietinBank',
      accountNumber: '0011001932418',
      accountName: 'QUY HTX THAI NGUYEN',
      demo: false,
    });
    expect(res.body.items.map((i) => [i.kind, i.installmentSeq, i.dueDate, i.amount])).toEqual([
      ['NEXT', 1, loan.nextDueDate, loan.nextDueAmount],
      ['PAYOFF', null, '2025-04-01', payoff.total],
    ]);
    const purpose = contract
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/Đ/g, 'D');
    for (const item of res.body.items) {
      expect(item.purpose).toBe(purpose);
      const root = tlv(item.payload);
      expect(root['01']).toBe('12');
      expect(tlv(tlv(root['38'])['01'])).toEqual({ '00': '970415', '01': '0011001932418' });
      expect(root['54']).toBe(item.amount);
      expect(tlv(root['62'])['08']).toBe(purpose);
      expect(item.imageDataUrl).toMatch(/^data:image\/png;base64,/);
    }
    // 100,000,000 principal + interest of 10 Mar – 10 Apr on 600,000,000 at 6%: 31 days.
    expect(res.body.items[0].components).toEqual({ principal: '100000000', interest: '3057534', penalty: '0' });
  });

  it('adds each overdue installment, the oldest carrying the penalty interest', async () => {
    await closeUntil(t, w, '2025-05-14'); // installments 1 (10 Apr) and 2 (10 May) unpaid
    const res = await call<PaymentQr>(t, 'GET', `/loans/${mine}/payment-qr`, coop);
    const loan = (await call<{ overdueInterest: string; lateInterest: string; nextDueAmount: string }>(t, 'GET', `/loans/${mine}`, coop)).body;
    const schedule = (await call<Array<{ seq: number; principal: string; interest: string; status: string }>>(t, 'GET', `/loans/${mine}/schedule`, coop)).body;
    expect(res.body.items.map((i) => [i.kind, i.installmentSeq])).toEqual([
      ['OVERDUE', 1],
      ['OVERDUE', 2],
      ['NEXT', 3],
      ['PAYOFF', null],
    ]);
    const penalty = (BigInt(loan.overdueInterest) + BigInt(loan.lateInterest)).toString();
    expect(BigInt(penalty)).toBeGreaterThan(0n);
    const [one, two] = res.body.items;
    expect(one.components).toEqual({ principal: schedule[0].principal, interest: schedule[0].interest, penalty });
    expect(two.components.penalty).toBe('0');
    expect(one.amount).toBe((BigInt(schedule[0].principal) + BigInt(schedule[0].interest) + BigInt(penalty)).toString());
    expect(res.body.items[2].amount).toBe(loan.nextDueAmount);
  });

  it('answers 404 to a cooperative user for another borrower’s loan, and staff read any', async () => {
    const refused = await call<{ code: string }>(t, 'GET', `/loans/${theirs}/payment-qr`, coop);
    expect(refused.status).toBe(404);
    expect((await call(t, 'GET', `/loans/${theirs}/payment-qr`, w.officer)).status).toBe(200);
    expect((await call(t, 'GET', `/loans/999999/payment-qr`, w.officer)).status).toBe(404);
  });

  it('prints the payment QR on the statement PDF', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/loans/${mine}/statement?from=2025-03-01&to=2025-05-14&format=pdf`,
      headers: { authorization: `Bearer ${coop}` },
    });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Quét để trả nợ');
    expect(text).toContain('0011001932418');
    expect(text).toContain(
      contract
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/Đ/g, 'D'),
    );
    expect(text).toContain('01/03/2025');
  });
});
