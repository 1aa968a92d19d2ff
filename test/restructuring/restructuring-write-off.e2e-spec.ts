import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Loan {
  status: string;
  daysPastDue: number;
  overduePrincipal: string;
  overdueInterest: string;
  lateInterest: string;
  accruedInterest: string;
  maturityDate: string;
  nextDueDate: string | null;
}
interface Inst {
  seq: number;
  dueDate: string;
  principal: string;
  interest: string;
  status: string;
}

/**
 * Restructuring and write-off with four eyes (Decree 45 Art. 27–28; domain.md "Restructuring and
 * risk"). Loans of the worked example: 600,000,000 VND at 6%/year, disbursed 10 Mar 2025, monthly,
 * equal principal, 6 months (100,000,000 a month).
 */
describe('restructuring and write-off', () => {
  let t: TestApp;
  let w: LoanWorld;
  let adjusted: string;
  let extended: string;
  let writtenOff: string;
  let makerApprover: string; // OFFICER and APPROVER: may propose, never approve what they proposed

  const loan = async (id: string): Promise<Loan> => (await call<Loan>(t, 'GET', `/loans/${id}`, w.officer)).body;
  const schedule = async (id: string): Promise<Inst[]> => (await call<Inst[]>(t, 'GET', `/loans/${id}/schedule`, w.officer)).body;
  const clean = async (): Promise<void> => expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  const open = (amount: string) => ({ amount, termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });

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
    makerApprover = (await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER'])).token;
    adjusted = await contractedLoan(t, w, open('600000000'));
    extended = await contractedLoan(t, w, open('600000000'));
    writtenOff = await contractedLoan(t, w, open('300000000'));
    await closeUntil(t, w, '2025-03-09');
    for (const id of [adjusted, extended, writtenOff])
      expect((await money(t, w, 'disbursements', id, id === writtenOff ? '300000000' : '600000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-04'); // business date 5 Apr 2025
  });
  afterAll(async () => t.close());

  it('four eyes: the proposer cannot approve; another APPROVER applies the adjustment, keeping the old schedule', async () => {
    const body = {
      type: 'ADJUSTMENT',
      reason: 'Thiệt hại do mưa đá, điều chỉnh kỳ hạn trả nợ',
      installments: [
        { dueDate: '2025-04-10', principal: '0' },
        ...['2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10', '2025-09-10'].map((dueDate) => ({ dueDate, principal: '120000000' })),
      ],
    };
    const wrong = await call(t, 'POST', `/loans/${adjusted}/restructurings`, makerApprover, {
      ...body,
      installments: [...body.installments.slice(0, 5), { dueDate: '2025-09-10', principal: '100000000' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'RESTRUCTURING.INVALID_SCHEDULE' });
    const proposed = await call<{ id: string; status: string }>(t, 'POST', `/loans/${adjusted}/restructurings`, makerApprover, body);
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('PROPOSED');
    const self = await call(t, 'POST', `/loans/${adjusted}/restructurings/${proposed.body.id}/approve`, makerApprover, {});
    expect(self.status).toBe(403);
    expect(self.body).toMatchObject({ code: 'RESTRUCTURING.FOUR_EYES' });
    expect((await call(t, 'POST', `/loans/${adjusted}/restructurings/${proposed.body.id}/approve`, w.officer, {})).status).toBe(403); // not an APPROVER
    const approved = await call(t, 'POST', `/loans/${adjusted}/restructurings/${proposed.body.id}/approve`, w.approver, { note: 'Biên bản 12/BB-HĐQL' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', effectiveDate: '2025-04-05' });
    expect((await call(t, 'POST', `/loans/${adjusted}/restructurings/${proposed.body.id}/approve`, w.approver, {})).status).toBe(409);
    const [row] = (await t.db.query(
      `SELECT restructuring_count, (SELECT count(*)::int FROM loan_schedule_history h WHERE h.loan_id = l.id) AS history FROM loans l WHERE id = $1`,
      [adjusted],
    )) as Array<{
      restructuring_count: number;
      history: number;
    }>;
    expect(row).toEqual({ restructuring_count: 1, history: 1 });
    expect((await schedule(adjusted)).map((i) => [i.dueDate, i.principal])).toEqual([
      ['2025-04-10', '0'],
      ...['2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10', '2025-09-10'].map((d) => [d, '120000000']),
    ]);
    const audit = (await t.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'loan' AND entity_id = $1 AND action LIKE 'loan.restructuring.%' ORDER BY id`,
      [adjusted],
    )) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['loan.restructuring.propose', 'loan.restructuring.approve']);
    await clean();
  });

  it('an extension moves the maturity to 10 Dec with 200,000,000 on 10 Jun, 10 Sep and 10 Dec', async () => {
    const body = {
      type: 'EXTENSION',
      reason: 'Gia hạn nợ do giá chè giảm',
      newMaturityDate: '2025-12-10',
      installments: [
        { dueDate: '2025-04-10', principal: '0' },
        { dueDate: '2025-06-10', principal: '200000000' },
        { dueDate: '2025-09-10', principal: '200000000' },
        { dueDate: '2025-12-10', principal: '200000000' },
      ],
    };
    const proposed = await call<{ id: string }>(t, 'POST', `/loans/${extended}/restructurings`, w.officer, body);
    expect(proposed.status).toBe(201);
    const rejected = await call(t, 'POST', `/loans/${extended}/restructurings/${proposed.body.id}/reject`, w.approver, { note: 'Thiếu hồ sơ' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED' });
    const again = await call<{ id: string }>(t, 'POST', `/loans/${extended}/restructurings`, w.officer, body);
    expect((await call(t, 'POST', `/loans/${extended}/restructurings/${again.body.id}/approve`, makerApprover, {})).status).toBe(200);
    expect((await loan(extended)).maturityDate).toBe('2025-12-10');
    await clean();
  });

  it('billing and DPD follow the new schedules (hand-computed)', async () => {
    await closeUntil(t, w, '2025-04-09');
    // Installment 1 is interest only on both: 600,000,000 × 6% × 31/365 = 3,057,534.
    for (const id of [adjusted, extended]) expect((await money(t, w, 'repayments', id, '3057534', '2025-04-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-15');
    expect((await loan(adjusted)).daysPastDue).toBe(0); // without the adjustment: 100,000,000 overdue, DPD 5
    await closeUntil(t, w, '2025-05-15');
    expect((await loan(extended)).daysPastDue).toBe(0); // nothing falls due on 10 May any more
    await closeUntil(t, w, '2025-05-20');
    // 120,000,000 due 10 May, unpaid; 11 overdue days: × 9% × 11/365 = 325,479; interest 600,000,000 × 6% × 30/365 = 2,958,904,
    // late × 10% × 11/365 = 8,917; normal interest on the performing 480,000,000 × 6% × 11/365 = 867,945.
    expect(await loan(adjusted)).toMatchObject({
      daysPastDue: 10,
      overduePrincipal: '120000000',
      overdueInterest: '325479',
      lateInterest: '8917',
      accruedInterest: '867945',
    });
    expect((await schedule(adjusted))[1]).toMatchObject({ dueDate: '2025-05-10', principal: '120000000', interest: '2958904', status: 'OVERDUE' });
    await closeUntil(t, w, '2025-06-15');
    // 10 Jun bills 600,000,000 × 6% × 61/365 = 6,016,438 with 200,000,000; unpaid on 15 Jun: DPD 5.
    expect((await schedule(extended))[1]).toMatchObject({ dueDate: '2025-06-10', principal: '200000000', interest: '6016438' });
    expect(await loan(extended)).toMatchObject({ daysPastDue: 5, overduePrincipal: '200000000', nextDueDate: '2025-09-10' });
    await clean();
  });

  it('writes off only a group-5 loan, with four eyes, against its specific provision; recoveries keep the register right', async () => {
    const refused = await call(t, 'POST', `/loans/${writtenOff}/write-offs`, w.officer, { reason: 'HTX giải thể' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'WRITE_OFF.NOT_GROUP_5' });
    expect((refused.body as { actual: number }).actual).toBeLessThan(5);
    // Arrange: the close's classification is not what this test is about; put the loan in group 5 and give it a
    // specific provision of 100,000,000 in the ledger (as the close's month-end provisioning would post it).
    await t.db.query(`UPDATE loans SET debt_group = 5 WHERE id = $1`, [writtenOff]);
    const [{ id: tx }] = (await t.db.query(
      `INSERT INTO journal_transactions (kind, value_date, booking_date, loan_id, description) VALUES ('PROVISION', '2025-06-15', '2025-06-15', $1, 'test arrange') RETURNING id`,
      [writtenOff],
    )) as Array<{ id: string }>;
    await t.db.query(
      `INSERT INTO journal_entries (transaction_id, account, loan_id, value_date, amount) VALUES ($1, 'PROVISION_EXPENSE', $2, '2025-06-15', 100000000), ($1, 'PROVISION_SPECIFIC', $2, '2025-06-15', -100000000)`,
      [tx, writtenOff],
    );
    const [{ provision }] = (await t.db.query(
      `SELECT coalesce(-sum(amount), 0)::text AS provision FROM journal_entries WHERE loan_id = $1 AND account = 'PROVISION_SPECIFIC'`,
      [writtenOff],
    )) as Array<{ provision: string }>;
    const proposed = await call<{ id: string }>(t, 'POST', `/loans/${writtenOff}/write-offs`, makerApprover, { reason: 'HTX giải thể, không còn tài sản' });
    expect(proposed.status).toBe(201);
    const self = await call(t, 'POST', `/loans/${writtenOff}/write-offs/${proposed.body.id}/approve`, makerApprover, {});
    expect(self.body).toMatchObject({ status: 403, code: 'WRITE_OFF.FOUR_EYES' });
    const approved = await call<Record<string, string>>(t, 'POST', `/loans/${writtenOff}/write-offs/${proposed.body.id}/approve`, w.approver, {});
    expect(approved.status).toBe(200);
    const { principal, interest, penalty, total, provisionUsed, provisionExpense, remaining } = approved.body;
    expect(principal).toBe('300000000'); // nothing was repaid: all principal is still receivable
    expect(BigInt(total)).toBe(BigInt(principal) + BigInt(interest) + BigInt(penalty));
    expect(BigInt(provision)).toBeGreaterThanOrEqual(100000000n);
    expect(provisionUsed).toBe(provision); // Dr PROVISION_SPECIFIC up to its balance for the loan …
    expect(BigInt(provisionExpense)).toBe(BigInt(total) - BigInt(provision)); // … the shortfall to PROVISION_EXPENSE
    expect(remaining).toBe(total);
    expect((await loan(writtenOff)).status).toBe('WRITTEN_OFF');
    await clean();

    const key = randomUUID();
    const recover = (amount: string, k = randomUUID()) =>
      call<Record<string, string>>(
        t,
        'POST',
        `/loans/${writtenOff}/recoveries`,
        w.officer,
        { amount, valueDate: '2025-06-16', reference: 'UNC-THU-HOI-1', channel: 'BANK_TRANSFER' },
        { 'idempotency-key': k },
      );
    const first = await recover('50000000', key);
    expect(first.status).toBe(201);
    expect(first.body.remaining).toBe((BigInt(total) - 50000000n).toString());
    const replayed = await recover('50000000', key);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect((await recover((BigInt(total) - 50000000n + 1n).toString())).body).toMatchObject({ code: 'RECOVERY.ABOVE_REMAINING' });
    expect((await call<unknown[]>(t, 'GET', `/loans/${writtenOff}/recoveries`, w.auditor)).body).toHaveLength(1);
    await clean();
    // The close skips written-off loans.
    const [before] = (await t.db.query(`SELECT last_closed_date::text AS d FROM loans WHERE id = $1`, [writtenOff])) as Array<{ d: string }>;
    await closeUntil(t, w, '2025-06-17');
    const [after] = (await t.db.query(`SELECT last_closed_date::text AS d, status FROM loans WHERE id = $1`, [writtenOff])) as Array<{
      d: string;
      status: string;
    }>;
    expect(after).toEqual({ d: before.d, status: 'WRITTEN_OFF' });
    await clean();
  });

  it('a cooperative user gets 404 for another borrower’s loan on every new route, and reads its own', async () => {
    const other = await createCooperative(t, w.officer);
    const stranger = (await userWithRoles(t, w.admin, ['COOPERATIVE'], other.id)).token;
    const owner = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    for (const path of ['restructurings', 'write-offs', 'recoveries']) {
      expect((await call(t, 'GET', `/loans/${adjusted}/${path}`, stranger)).status).toBe(404);
      expect((await call(t, 'GET', `/loans/${adjusted}/${path}`, owner)).status).toBe(200);
    }
    expect((await call(t, 'POST', `/loans/${adjusted}/restructurings`, stranger, { type: 'ADJUSTMENT', reason: 'thử', installments: [] })).status).toBe(403);
    expect((await call(t, 'POST', `/loans/${adjusted}/write-offs`, stranger, { reason: 'thử nghiệm' })).status).toBe(403);
  });
});
