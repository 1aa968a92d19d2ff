import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Import {
  id: string;
  status: string;
  createdBy: string;
  progress: { unmatched: number };
}
interface Candidate {
  id: string;
  contractNumber: string;
  status: string;
  borrowerId: string;
  borrowerName: string;
  outstandingPrincipal: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What the operations screens read: who uploaded, the unmatched filter, the loan picker, the close runs for all staff. */
describe('operations screens: imports list, loan picker, close runs', () => {
  let t: TestApp;
  let w: LoanWorld;
  let active: string;
  let pending: string;
  let contract: string;
  let borrowerName: string;

  const waitImport = async (id: string): Promise<Import> => {
    for (let i = 0; i < 300; i += 1) {
      const r = await call<Import>(t, 'GET', `/repayment-imports/${id}`, w.officer);
      if (r.body.status === 'DONE' || r.body.status === 'FAILED') return r.body;
      await sleep(100);
    }
    throw new Error('import did not finish');
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
    const terms = { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' };
    active = await contractedLoan(t, w, terms);
    // A second borrower's loan stays PENDING_DISBURSEMENT: a repayment cannot go there, so the picker leaves it out.
    pending = await contractedLoan(t, { ...w, borrowerId: (await createCooperative(t, w.officer)).id }, terms);
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', active, '600000000', '2025-03-10')).status).toBe(201);
    const loan = (await call<{ contractNumber: string; borrowerId: string }>(t, 'GET', `/loans/${active}`, w.officer)).body;
    contract = loan.contractNumber;
    borrowerName = (await call<{ legalName: string }>(t, 'GET', `/borrowers/${loan.borrowerId}`, w.officer)).body.legalName;
  });
  afterAll(async () => t.close());

  it('lists imports with who uploaded them, and ?unmatched=true keeps those with lines left to assign', async () => {
    const clean = (
      await call<Import>(t, 'POST', '/repayment-imports', w.officer, {
        fileName: 'khop.csv',
        content: `date,amount,reference,description\n10/03/2025,1000000,FT1,${contract}\n`,
      })
    ).body;
    const open = (
      await call<Import>(t, 'POST', '/repayment-imports', w.officer, {
        fileName: 'lech.csv',
        content: 'date,amount,reference,description\n10/03/2025,2000000,FT2,khong ro\n',
      })
    ).body;
    await waitImport(clean.id);
    expect((await waitImport(open.id)).progress.unmatched).toBe(1);

    const all = await call<{ items: Import[]; total: number }>(t, 'GET', '/repayment-imports', w.auditor);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const name = (await call<{ displayName: string }>(t, 'GET', '/auth/me', w.officer)).body.displayName;
    expect(all.body.items.map((i) => [i.id, i.createdBy])).toEqual([
      [open.id, name],
      [clean.id, name],
    ]);
    const unmatched = await call<{ items: Import[]; total: number }>(t, 'GET', '/repayment-imports?unmatched=true', w.officer);
    expect(unmatched.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: open.id })] });
    const settled = await call<{ items: Import[]; total: number }>(t, 'GET', '/repayment-imports?unmatched=false', w.officer);
    expect(settled.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: clean.id })] });

    const bad = await call<{ code: string; errors: Array<{ field: string; rule: string }> }>(t, 'GET', '/repayment-imports?unmatched=yes', w.officer);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'unmatched', rule: 'isIn' })]);
  });

  it('finds ACTIVE loans by part of the contract number or the borrower name, for officers only', async () => {
    const byContract = await call<Candidate[]>(t, 'GET', `/repayment-imports/loan-candidates?q=${encodeURIComponent(contract.slice(-6))}`, w.officer);
    expect(byContract.status).toBe(200);
    // 600,000,000 disbursed less the 1,000,000 line of khop.csv, paid on the disbursement day with nothing else owed (all principal).
    expect(byContract.body).toEqual([
      { id: active, contractNumber: contract, status: 'ACTIVE', borrowerId: expect.any(String), borrowerName, outstandingPrincipal: '599000000' },
    ]);

    const byName = await call<Candidate[]>(
      t,
      'GET',
      `/repayment-imports/loan-candidates?q=${encodeURIComponent(borrowerName.slice(-4).toLowerCase())}`,
      w.officer,
    );
    expect(byName.body.map((c) => c.id)).toContain(active);
    expect(byName.body.map((c) => c.id)).not.toContain(pending);

    // LIKE wildcards are text, not patterns.
    expect((await call<Candidate[]>(t, 'GET', '/repayment-imports/loan-candidates?q=%25%25', w.officer)).body).toEqual([]);
    const short = await call<{ errors: Array<{ field: string; rule: string }> }>(t, 'GET', '/repayment-imports/loan-candidates?q=x', w.officer);
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'q', rule: 'minLength' })]);
    expect((await call(t, 'GET', '/repayment-imports/loan-candidates?q=HD', w.auditor)).status).toBe(403);
  });

  it('records an unmatched line once when two assignments of it race, and leaves the line APPLIED with its repayment', async () => {
    const up = (
      await call<Import>(t, 'POST', '/repayment-imports', w.officer, {
        fileName: 'dua.csv',
        content: 'date,amount,reference,description\n10/03/2025,700000,FT-RACE,chuyen khoan\n',
      })
    ).body;
    expect((await waitImport(up.id)).progress.unmatched).toBe(1);
    const count = async (): Promise<number> =>
      ((await t.db.query(`SELECT count(*)::int AS n FROM loan_events WHERE loan_id = $1 AND kind = 'REPAYMENT'`, [active])) as Array<{ n: number }>)[0].n;
    const before = await count();
    const answers = await Promise.all(
      [1, 2, 3].map(() => call<{ outcome: string }>(t, 'POST', `/repayment-imports/${up.id}/lines/2/assign`, w.officer, { loanId: active })),
    );
    expect(answers.filter((a) => a.status === 200 && a.body.outcome === 'APPLIED').length).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(before + 1);
    const line = (await call<{ lines: Array<{ outcome: string; repaymentId: string | null }> }>(t, 'GET', `/repayment-imports/${up.id}`, w.officer)).body
      .lines[0];
    expect(line).toMatchObject({ outcome: 'APPLIED', repaymentId: expect.any(String) });
  });

  it('shows the close runs to officers and approvers; only an admin may close or retry', async () => {
    for (const token of [w.officer, w.approver, w.auditor, w.admin]) {
      const runs = await call<{ items: Array<{ businessDate: string; status: string }> }>(t, 'GET', '/close-of-business/runs?pageSize=1', token);
      expect(runs.status).toBe(200);
      expect(runs.body.items[0]).toMatchObject({ businessDate: '2025-03-09', status: 'SUCCEEDED' });
      expect((await call(t, 'GET', '/close-of-business/runs/2025-03-09', token)).status).toBe(200);
    }
    expect((await call(t, 'POST', '/close-of-business?wait=false', w.officer, { until: '2025-03-10' })).status).toBe(403);
    expect((await call(t, 'POST', '/close-of-business/runs/2025-03-09/retry', w.officer)).status).toBe(403);
    expect((await call(t, 'POST', '/close-of-business/runs/2025-03-09/retry', w.approver)).status).toBe(403);
  });
});
