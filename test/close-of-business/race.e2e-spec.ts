import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { businessDate, expectCacheEqualsReplay, sleep, smallPortfolio, waitForBusinessDate } from './close-support.js';

jest.setTimeout(300_000);

/**
 * Repayments during the close (design.md "Rules that keep money right": the loan row is locked
 * while money moves): repayments arrive while the close runs (chunks hold their loans' rows 300 ms;
 * a repayment waits at most 100 ms for a row). Each is either recorded or answered 409
 * CONCURRENCY.CONFLICT with Retry-After, and retried with the same key until recorded: none lost,
 * none counted twice, every loan equals its replay, the ledger reconciles.
 */
describe('repayments racing the close', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loans: string[];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CLOSE_CHUNK_SIZE: '2',
        CLOSE_WORKER_CONCURRENCY: '2',
        CLOSE_TEST_CHUNK_DELAY_MS: '300',
        REPAYMENT_LOCK_TIMEOUT_MS: '100',
        CLOSE_SCHEDULE_ENABLED: 'false',
        DATABASE_POOL_SIZE: '20',
      },
    });
    w = await loanWorld(t, '2025-03-03');
    loans = await smallPortfolio(t, w, '2025-03-03', 8, 5);
    await closeUntil(t, w, '2025-04-01');
  });
  afterAll(async () => t.close());

  it('records every repayment exactly once while four days close', async () => {
    const close = await call(t, 'POST', '/close-of-business?wait=false', w.admin, { until: '2025-04-09' });
    expect(close.status).toBe(202);
    let conflicts = 0;
    const pay = async (loanId: string, n: number): Promise<string> => {
      await sleep(n * 97);
      const key = randomUUID();
      const valueDate = await businessDate(t, w); // kept for the retries: the same key must carry the same body
      for (let attempt = 0; attempt < 300; attempt += 1) {
        const res = await money(t, w, 'repayments', loanId, '1000000', valueDate, key);
        if (res.status === 201) return key;
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'CONCURRENCY.CONFLICT' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        conflicts += 1;
        await sleep(50);
      }
      throw new Error('repayment never recorded');
    };
    const keys = await Promise.all(loans.flatMap((id) => [0, 1, 2, 3, 4].map((n) => pay(id, n + (Number(id) % 3)))));
    await waitForBusinessDate(t, w, '2025-04-09');
    process.stderr.write(`[race] ${keys.length} repayments, ${conflicts} answered 409 and retried\n`);
    expect(conflicts).toBeGreaterThan(0);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM loan_events WHERE kind = 'REPAYMENT' AND reversed_at IS NULL`)) as Array<{ n: number }>;
    expect(n).toBe(keys.length);
    const runs = await call<{ items: Array<{ businessDate: string; status: string }> }>(
      t,
      'GET',
      '/close-of-business/runs?status=SUCCEEDED&pageSize=200',
      w.admin,
    );
    expect(runs.body.items.map((r) => r.businessDate)).toEqual(expect.arrayContaining(['2025-04-02', '2025-04-05', '2025-04-09']));
    expect(await expectCacheEqualsReplay(t, w)).toBe(8);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });
});
