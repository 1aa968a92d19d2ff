import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A repayment's round trips to PostgreSQL (issue: each one is latency under the loan's row lock):
 * the Idempotency-Key claim, then BEGIN, the lock with everything read after it, one write, COMMIT.
 */
describe('round trips of a repayment', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;

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
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '600000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-03-19');
  });
  afterAll(async () => t.close());

  it('takes five statements: the claim, then BEGIN, the lock, one write and COMMIT', async () => {
    expect((await money(t, w, 'repayments', loanId, '1000000', '2025-03-20')).status).toBe(201);
    const seen: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...a: unknown[]) {
      const q = a[0];
      seen.push(typeof q === 'string' ? q : JSON.stringify(q).slice(0, 200));
      return original.apply(this, a);
    };
    try {
      expect((await money(t, w, 'repayments', loanId, '1000000', '2025-03-20')).status).toBe(201);
    } finally {
      proto.query = original;
    }
    const kinds = seen.map((s) => s.replace(/\s+/g, ' ').slice(0, 40));
    expect(kinds).toHaveLength(5);
    expect(kinds[0]).toContain('INSERT INTO idempotency_keys');
    expect(kinds[1]).toBe('START TRANSACTION');
    expect(kinds[4]).toBe('COMMIT');
  });
});
