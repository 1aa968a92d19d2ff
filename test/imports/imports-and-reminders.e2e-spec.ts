import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Line {
  lineNo: number;
  outcome: string;
  loanId: string | null;
  repaymentId: string | null;
  reasonCode: string | null;
}
interface Import {
  id: string;
  status: string;
  progress: { total: number; processed: number; applied: number; unmatched: number; refused: number };
  lines: Line[];
}
interface Notification {
  loanId: string;
  borrowerId: string;
  kind: string;
  installmentSeq: number;
  daysPastDue: number;
  principalAmount: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reminders (daily BullMQ job) and bank-statement imports (BullMQ job per file), on real PostgreSQL and Redis. */
describe('reminders and bank-statement imports', () => {
  let t: TestApp;
  let w: LoanWorld;
  let mine: string; // borrower A's loan
  let theirs: string; // borrower B's loan
  let contractA: string;
  let coopA: string;
  let otherBorrower: string;

  const waitJob = async (jobId: string): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 200; i += 1) {
      const r = await call<{ state: string; result: Record<string, unknown> }>(t, 'GET', `/notifications/reminder-runs/${jobId}`, w.officer);
      if (r.body.state === 'completed') return r.body.result;
      if (r.body.state === 'failed') throw new Error('reminder job failed');
      await sleep(100);
    }
    throw new Error('reminder job did not finish');
  };
  const runReminders = async (): Promise<Record<string, unknown>> => {
    const started = await call<{ jobId: string }>(t, 'POST', '/notifications/reminder-runs', w.admin, {});
    expect(started.status).toBe(202);
    return waitJob(started.body.jobId);
  };
  const waitImport = async (id: string): Promise<Import> => {
    for (let i = 0; i < 300; i += 1) {
      const r = await call<Import>(t, 'GET', `/repayment-imports/${id}`, w.auditor);
      if (r.body.status === 'DONE' || r.body.status === 'FAILED') return r.body;
      await sleep(100);
    }
    throw new Error('import did not finish');
  };
  const upload = (content: string, fileName = 'saoke.csv') => call<Import>(t, 'POST', '/repayment-imports', w.officer, { fileName, content });
  const repaymentsOf = async (loanId: string): Promise<number> =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM loan_events WHERE loan_id = $1 AND kind = 'REPAYMENT'`, [loanId])) as Array<{ n: number }>)[0].n;

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
    const terms = { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' };
    mine = await contractedLoan(t, w, terms);
    otherBorrower = (await createCooperative(t, w.officer)).id;
    theirs = await contractedLoan(t, { ...w, borrowerId: otherBorrower }, terms);
    coopA = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    await closeUntil(t, w, '2025-03-09');
    for (const id of [mine, theirs]) expect((await money(t, w, 'disbursements', id, '600000000', '2025-03-10')).status).toBe(201);
    contractA = (await call<{ contractNumber: string }>(t, 'GET', `/loans/${mine}`, w.officer)).body.contractNumber;
  });
  afterAll(async () => t.close());

  it('writes DUE_SOON reminders 5 days ahead, once per installment and day; a cooperative user sees only its own', async () => {
    await closeUntil(t, w, '2025-04-06'); // business date 7 Apr: installment 1 due 10 Apr is within 5 days
    expect(await runReminders()).toMatchObject({ forDate: '2025-04-07', created: 2, emailed: 0 });
    expect(await runReminders()).toMatchObject({ created: 0 }); // idempotent per (installment, kind, date)
    const own = await call<{ items: Notification[]; total: number }>(t, 'GET', '/notifications', coopA);
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(1);
    expect(own.body.items[0]).toMatchObject({ loanId: mine, kind: 'DUE_SOON', installmentSeq: 1, principalAmount: '100000000' });
    const filtered = await call<{ total: number; items: Notification[] }>(t, 'GET', `/notifications?borrowerId=${otherBorrower}`, w.officer);
    expect(filtered.body.items.map((n) => n.loanId)).toEqual([theirs]);
    // The filter cannot widen a cooperative user's view.
    expect((await call<{ total: number }>(t, 'GET', `/notifications?borrowerId=${otherBorrower}`, coopA)).body.total).toBe(1);
  });

  it('writes OVERDUE reminders for installments unpaid at the end of their due date', async () => {
    await closeUntil(t, w, '2025-04-12'); // business date 13 Apr; installment 1 (10 Apr) unpaid through 12 Apr
    expect(await runReminders()).toMatchObject({ forDate: '2025-04-13', created: 2 });
    const own = await call<{ items: Notification[] }>(t, 'GET', '/notifications?kind=OVERDUE', coopA);
    expect(own.body.items).toEqual([expect.objectContaining({ loanId: mine, kind: 'OVERDUE', daysPastDue: 2 })]);
  });

  it('refuses a malformed file with its line numbers and imports nothing', async () => {
    const bad = await upload('date,amount,reference,description\n2025-04-10,100,R1,ok\n2025-13-01,100,R2,bad date\n2025-04-10,12.5,R3,bad amount\n');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'IMPORT.MALFORMED_FILE' });
    expect((bad.body as unknown as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['line 3', 'line 4']);
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM repayment_imports`)) as Array<{ n: number }>)[0].n).toBe(0);
  });

  it('matches lines by contract number, records them through the repayment path, and a second upload records nothing twice', async () => {
    const folded = contractA
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/Đ/g, 'D');
    const csv =
      '\uFEFFdate,amount,reference,description\r\n' +
      `10/04/2025,103057534,FT25100001,"HTX tra no ${folded} ky 1"\r\n` + // installment 1 of loan A: 100,000,000 + 3,057,534
      '10/04/2025,5000000,FT25100002,Chuyen tien khong ghi so hop dong\r\n' +
      `10/04/2025,999999999999,FT25100003,${contractA}\r\n`; // above the payoff
    const first = await upload(csv);
    expect(first.status).toBe(202);
    const done = await waitImport(first.body.id);
    expect(done.status).toBe('DONE');
    expect(done.progress).toMatchObject({ total: 3, processed: 3, applied: 1, unmatched: 1, refused: 1 });
    expect(done.lines.map((l) => [l.lineNo, l.outcome, l.reasonCode])).toEqual([
      [2, 'APPLIED', null],
      [3, 'UNMATCHED', 'IMPORT.NO_CONTRACT_NUMBER'],
      [4, 'REFUSED', 'LOAN.REPAYMENT_ABOVE_PAYOFF'],
    ]);
    expect(done.lines[0].loanId).toBe(mine);
    expect((await call<{ daysPastDue: number }>(t, 'GET', `/loans/${mine}`, w.officer)).body.daysPastDue).toBe(0); // paid on its due date
    expect(await repaymentsOf(mine)).toBe(1);

    const second = await waitImport((await upload(csv, 'saoke-lan-2.csv')).body.id);
    expect(second.lines.map((l) => [l.outcome, l.reasonCode])).toEqual([
      ['REFUSED', 'IMPORT.DUPLICATE_LINE'],
      ['UNMATCHED', 'IMPORT.NO_CONTRACT_NUMBER'],
      ['REFUSED', 'LOAN.REPAYMENT_ABOVE_PAYOFF'],
    ]);
    expect(second.lines[0].repaymentId).toBe(done.lines[0].repaymentId);
    expect(await repaymentsOf(mine)).toBe(1);

    // The unmatched line is assigned by hand, once.
    const assigned = await call<Line>(t, 'POST', `/repayment-imports/${first.body.id}/lines/3/assign`, w.officer, { loanId: theirs });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ outcome: 'APPLIED', loanId: theirs });
    expect((await call(t, 'POST', `/repayment-imports/${first.body.id}/lines/3/assign`, w.officer, { loanId: theirs })).status).toBe(409);
    const dup = await call<Line>(t, 'POST', `/repayment-imports/${second.id}/lines/3/assign`, w.officer, { loanId: theirs });
    expect(dup.body).toMatchObject({ outcome: 'REFUSED', reasonCode: 'IMPORT.DUPLICATE_LINE' });
    expect(await repaymentsOf(theirs)).toBe(1);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });

  it('keeps imports to staff: a cooperative user is refused', async () => {
    expect((await call(t, 'GET', '/repayment-imports', coopA)).status).toBe(403);
    expect((await call(t, 'POST', '/repayment-imports', coopA, { fileName: 'x.csv', content: 'date,amount,reference,description\n' })).status).toBe(403);
  });
});
