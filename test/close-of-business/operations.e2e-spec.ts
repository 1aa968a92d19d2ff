import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays, wallClockDate } from '../../src/platform/dates/index.js';
import { adminToken, userWithRoles } from '../support/factories.js';
import { call, closeUntil, loanWorld, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { expectCacheEqualsReplay, sleep, smallPortfolio } from './close-support.js';

jest.setTimeout(120_000);

/**
 * Queues visible to admins (design.md "Jobs") and the daily close on schedule (domain.md "Close of
 * business"): failures visible with retry, Bull Board behind auth, the scheduler fires.
 */
describe('close of business operations', () => {
  describe('a failing chunk, its visibility and its retry; Bull Board', () => {
    let t: TestApp;
    let w: LoanWorld;
    let loans: string[];
    beforeAll(async () => {
      t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'false', CLOSE_CHUNK_SIZE: '2', CLOSE_CHUNK_ATTEMPTS: '2' } });
      w = await loanWorld(t, '2025-06-02');
      loans = await smallPortfolio(t, w, '2025-06-02', 5, 4);
      await closeUntil(t, w, '2025-06-05');
    });
    afterAll(async () => t.close());

    it('answers 202 with the run when not waiting', async () => {
      const res = await call<{ runDate: string; location: string }>(t, 'POST', '/close-of-business?wait=false', w.admin, { until: '2025-06-06' });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ runDate: '2025-06-06', location: '/api/v1/close-of-business/runs/2025-06-06' });
      await closeUntil(t, w, '2025-06-06');
    });

    it('shows a failed chunk with its error, keeps the business date, and retries it', async () => {
      await t.db.query(`CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.id = ${Number(loans[2])} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
      await t.db.query(`CREATE TRIGGER test_injected_failure BEFORE UPDATE OF last_closed_date ON loans FOR EACH ROW EXECUTE FUNCTION test_injected_failure()`);
      const failed = await call(t, 'POST', '/close-of-business', w.admin, { until: '2025-06-09' });
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ code: 'CLOSE.RUN_FAILED', date: '2025-06-07' });
      const run = await call<{
        status: string;
        chunksFailed: number;
        loansDone: number;
        loansTotal: number;
        chunks: Array<{ status: string; error: string | null; attempts: number }>;
      }>(t, 'GET', '/close-of-business/runs/2025-06-07', w.auditor);
      expect(run.body).toMatchObject({ status: 'FAILED', chunksFailed: 1, loansTotal: 5 });
      expect(run.body.loansDone).toBeLessThan(5);
      expect(run.body.chunks.find((c) => c.status === 'FAILED')).toMatchObject({ attempts: 2, error: expect.stringContaining('injected failure') });
      expect((await call<{ businessDate: string }>(t, 'GET', '/business-date', w.admin)).body.businessDate).toBe('2025-06-07');

      await t.db.query(`DROP TRIGGER test_injected_failure ON loans`);
      const retried = await call<{ closedDates: string[]; businessDate: string }>(t, 'POST', '/close-of-business/runs/2025-06-07/retry?wait=true', w.admin);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ closedDates: ['2025-06-07', '2025-06-08', '2025-06-09'], businessDate: '2025-06-10' });
      const after = await call<{ status: string; attempt: number; loansDone: number }>(t, 'GET', '/close-of-business/runs/2025-06-07', w.admin);
      expect(after.body).toMatchObject({ status: 'SUCCEEDED', attempt: 2, loansDone: 5 });
      expect((await call(t, 'POST', '/close-of-business/runs/2025-06-07/retry', w.admin)).status).toBe(409);
      const history = await call<{ items: Array<{ businessDate: string; durationMs: number; loansDone: number }> }>(
        t,
        'GET',
        '/close-of-business/runs',
        w.admin,
      );
      expect(history.body.items[0]).toMatchObject({ businessDate: '2025-06-09', loansDone: 5 });
      expect(await expectCacheEqualsReplay(t, w)).toBe(5);
    });

    it('serves Bull Board to an ADMIN board session only', async () => {
      expect((await t.request('GET', '/admin/queues')).status).toBe(401);
      expect((await t.request('GET', '/admin/queues/api/queues', undefined, { token: w.admin })).status).toBe(401); // an access token is not a board session
      expect((await call(t, 'POST', '/close-of-business/board-session', w.officer)).status).toBe(403);
      const session = await call<{ token: string; url: string }>(t, 'POST', '/close-of-business/board-session', w.admin);
      expect(session.status).toBe(200);
      const cookie = String(session.headers['set-cookie']).split(';')[0];
      expect(String(session.headers['set-cookie'])).toContain('HttpOnly');
      const page = await t.request<string>('GET', '/admin/queues', undefined, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html');
      const api = await t.request<{ queues: Array<{ name: string }> }>('GET', '/admin/queues/api/queues', undefined, { token: session.body.token });
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q) => q.name).sort()).toEqual(['close-of-business', 'close-of-business-chunks']);
    });
  });

  describe('the nightly scheduler', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Every second instead of 00:05: each tick closes every day that has ended in BUSINESS_TIMEZONE.
      t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'true', CLOSE_SCHEDULE_CRON: '* * * * * *', ALLOW_FUTURE_CLOSE: 'false' } });
    });
    afterAll(async () => t.close());

    it('closes the days that have ended, and refuses a manual close of today', async () => {
      const admin = await adminToken(t);
      const today = wallClockDate(t.config.businessTimezone);
      expect((await call(t, 'PUT', '/business-date', admin, { businessDate: addDays(today, -3) })).status).toBe(200);
      let business = '';
      for (let i = 0; i < 100 && business !== today; i += 1) {
        await sleep(100);
        business = (await call<{ businessDate: string }>(t, 'GET', '/business-date', admin)).body.businessDate;
      }
      expect(business).toBe(today);
      const runs = await call<{ items: Array<{ trigger: string }> }>(t, 'GET', '/close-of-business/runs', admin);
      expect(runs.body.items.map((r) => r.trigger)).toEqual(expect.arrayContaining(['SCHEDULED']));
      const refused = await call(t, 'POST', '/close-of-business', admin, { until: today });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'CLOSE.DATE_NOT_ENDED', limit: addDays(today, -1) });
      const auditor = await userWithRoles(t, admin, ['AUDITOR']);
      expect((await call(t, 'POST', '/close-of-business', auditor.token, { until: addDays(today, -1) })).status).toBe(403);
    });
  });
});
