import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('repayments under concurrency, bad input and cooperative access', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;
  const counts = async (): Promise<{ events: number; journal: number }> => {
    const [r] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM loan_events WHERE loan_id = $1) AS events, (SELECT count(*)::int FROM journal_transactions) AS journal`,
      [loanId],
    )) as Array<{ events: number; journal: number }>;
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '16' } });
    w = await loanWorld(t, '2025-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
    });
    loanId = await contractedLoan(t, w, { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '600000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-03-19');
  });
  afterAll(async () => t.close());

  it('records each of 64 concurrent repayments once, despite timeouts retried with the same key, plus 8 re-sent with new keys', async () => {
    // Mid-period, nothing is due: every 1,000,000 prepays principal, so the outcome is exact.
    const keys = Array.from({ length: 64 }, () => randomUUID());
    const send = (key: string) => money(t, w, 'repayments', loanId, '1000000', '2025-03-20', key);
    const untilDone = async (key: string): Promise<number> => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const res = await send(key);
        if (res.status !== 409) return res.status;
        await sleep(20);
      }
      return 409;
    };
    const firsts = keys.map((k) => send(k)); // the "timed out" first attempts, still running
    const retries = keys.map(async (k) => {
      await sleep(Math.floor(Math.random() * 30));
      return untilDone(k);
    });
    const duplicates = Array.from({ length: 8 }, () => send(randomUUID()));
    const results = await Promise.all([...firsts, ...duplicates]);
    const retried = await Promise.all(retries);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(retried.every((s) => s === 201)).toBe(true);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM loan_events WHERE loan_id = $1 AND kind = 'REPAYMENT'`, [loanId])) as Array<{
      n: number;
    }>;
    expect(n).toBe(72);
    const loan = await call<{ outstandingPrincipal: string }>(t, 'GET', `/loans/${loanId}`, w.officer);
    expect(loan.body.outstandingPrincipal).toBe(String(600_000_000 - 72_000_000));
    const [{ cash }] = (await t.db.query(`SELECT sum(amount)::text AS cash FROM journal_entries WHERE loan_id = $1 AND account = 'CASH'`, [loanId])) as Array<{
      cash: string;
    }>;
    expect(cash).toBe(String(-600_000_000 + 72_000_000));
    expect(await reconciliation(t, w)).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
  });

  it.each([
    ['a negative amount', { amount: '-5', valueDate: '2025-03-20', reference: 'X', channel: 'CASH' }, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
    ['a zero amount', { amount: '0', valueDate: '2025-03-20', reference: 'X', channel: 'CASH' }, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
    ['decimals in VND', { amount: '1000.5', valueDate: '2025-03-20', reference: 'X', channel: 'CASH' }, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
    ['a number instead of a string', { amount: 1000, valueDate: '2025-03-20', reference: 'X', channel: 'CASH' }, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
    ['an impossible date', { amount: '1000', valueDate: '2025-02-30', reference: 'X', channel: 'CASH' }, 400, 'REQUEST.VALIDATION_FAILED', 'valueDate'],
    ['a future value date', { amount: '1000', valueDate: '2025-03-21', reference: 'X', channel: 'CASH' }, 422, 'LOAN.VALUE_DATE_IN_FUTURE', null],
  ])('refuses %s and changes nothing', async (_name, body, status, code, field) => {
    const before = await counts();
    const res = await call<{ code: string; errors: Array<{ field: string }> }>(t, 'POST', `/loans/${loanId}/repayments`, w.officer, body, {
      'idempotency-key': randomUUID(),
    });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.errors.map((e) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown loan and 403 for a role that may not move money', async () => {
    const before = await counts();
    expect((await money(t, w, 'repayments', '999999', '1000', '2025-03-20')).status).toBe(404);
    const auditor = await call(
      t,
      'POST',
      `/loans/${loanId}/repayments`,
      w.auditor,
      { amount: '1000', valueDate: '2025-03-20', reference: 'X', channel: 'CASH' },
      { 'idempotency-key': randomUUID() },
    );
    expect(auditor.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('gives a cooperative user its own loans and 404 for another borrower’s', async () => {
    const coop = await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId);
    const own = await call<{ id: string }>(t, 'GET', `/loans/${loanId}`, coop.token);
    expect(own.status).toBe(200);
    expect((await call(t, 'GET', `/loans/${loanId}/schedule`, coop.token)).status).toBe(200);
    const other = await createCooperative(t, w.officer);
    const stranger = await userWithRoles(t, w.admin, ['COOPERATIVE'], other.id);
    for (const path of [`/loans/${loanId}`, `/loans/${loanId}/schedule`, `/loans/${loanId}/transactions`, `/loans/${loanId}/payoff`]) {
      const res = await call(t, 'GET', path, stranger.token);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'RESOURCE.NOT_FOUND' });
    }
    const missing = await call(t, 'GET', '/loans/987654', stranger.token);
    expect(missing.body).toMatchObject({ code: 'RESOURCE.NOT_FOUND', status: 404 });
    const list = await call<{ total: number }>(t, 'GET', '/loans', stranger.token);
    expect(list.body.total).toBe(0);
    const repay = await call(
      t,
      'POST',
      `/loans/${loanId}/repayments`,
      coop.token,
      { amount: '1000', valueDate: '2025-03-20', reference: 'X', channel: 'CASH' },
      { 'idempotency-key': randomUUID() },
    );
    expect(repay.status).toBe(403);
  });
});
