import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AsOfService } from '../../src/modules/reports/services/as-of.service.js';
import { positionsCte } from '../../src/modules/loans/index.js';
import { SqlParams } from '../../src/platform/database/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { replayTotals } from './report-helpers.js';

interface Cached {
  id: string;
  position_date: string | null;
  position_overdue_principal: string | null;
  position_overdue_interest: string | null;
  position_penalty: string | null;
  days_past_due: number;
}

/**
 * The close's per-loan position (loans.position_*, migration 1763800000010) that the live report
 * reads instead of summing the installments: after a close it equals, loan by loan, the sums the
 * report takes from the installments (and DPD = D − the oldest unpaid due date); any other writer of
 * the loan's state (repayment, restructuring, write-off) invalidates it; and the live report's
 * figures are the same with or without the cache, and equal the engine replay.
 */
describe('cached positions for the live report', () => {
  let t: TestApp;
  let w: LoanWorld;
  const loans: Record<string, string> = {};

  const lastClosed = async (): Promise<string> => (await call<{ lastClosedDate: string }>(t, 'GET', '/business-date', w.admin)).body.lastClosedDate;
  const cached = async (): Promise<Cached[]> =>
    t.db.query(
      `SELECT id::text, position_date::text, position_overdue_principal::text, position_overdue_interest::text, position_penalty::text, days_past_due
       FROM loans WHERE status = 'ACTIVE' ORDER BY id`,
    );
  /** The report's own installment sums (cachedPositionsCte's fallback), per ACTIVE loan, as of D. */
  const summed = async (d: string): Promise<Cached[]> =>
    t.db.query(
      `SELECT l.id::text, $1::text AS position_date,
              coalesce(sum(i.principal_due - i.principal_paid), 0)::text AS position_overdue_principal,
              coalesce(sum(coalesce(i.interest_due, 0) - i.interest_paid), 0)::text AS position_overdue_interest,
              coalesce(sum(CASE WHEN i.overdue_interest_numerator > 0 THEN lms_round_numerator(i.overdue_interest_numerator, l.rounding_unit) - i.overdue_interest_paid ELSE 0 END
                + CASE WHEN i.late_interest_numerator > 0 THEN lms_round_numerator(i.late_interest_numerator, l.rounding_unit) - i.late_interest_paid ELSE 0 END), 0)::text AS position_penalty,
              coalesce($1::date - min(i.due_date) FILTER (WHERE i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid), 0) AS days_past_due
       FROM loans l LEFT JOIN loan_installments i ON i.loan_id = l.id AND i.billed AND NOT i.superseded AND i.due_date <= $1::date
         AND (i.principal_due > i.principal_paid OR i.interest_due > i.interest_paid OR i.overdue_interest_numerator > 0 OR i.late_interest_numerator > 0)
       WHERE l.status = 'ACTIVE' GROUP BY l.id ORDER BY l.id`,
      [d],
    );
  /** The live plan's per-loan positions (LIVE path, cachedPositionsCte). */
  const livePositions = async (): Promise<unknown[]> => {
    const d = await lastClosed();
    const plan = await t.app.get(AsOfService).plan(d, d);
    expect(plan.source).toBe('LIVE');
    expect(plan.cachedExcept).toBeDefined();
    const p = new SqlParams();
    return t.db.query(
      `WITH ${positionsCte(plan, p)} SELECT loan_id::text, outstanding::text, overdue_principal::text, overdue_interest::text, penalty_interest::text, dpd,
              debt_group, specific_provision::text, general_provision::text FROM pos ORDER BY loan_id`,
      p.values,
    );
  };
  const report = async (): Promise<Record<string, unknown>> =>
    (await call<{ totals: Record<string, unknown> }>(t, 'GET', `/reports/portfolio?asOf=${await lastClosed()}`, w.auditor)).body.totals;
  /** `f` with every cached position ignored (each loan summed from its installments), then the positions put back as they were. */
  const withoutCache = async <T>(f: () => Promise<T>): Promise<T> => {
    const saved = (await t.db.query(`SELECT id::text, position_date::text FROM loans WHERE position_date IS NOT NULL`)) as Array<{
      id: string;
      position_date: string;
    }>;
    await t.db.query(`UPDATE loans SET position_date = NULL`);
    try {
      return await f();
    } finally {
      await t.db.query(`UPDATE loans l SET position_date = s.d FROM unnest($1::bigint[], $2::date[]) AS s(id, d) WHERE l.id = s.id`, [
        saved.map((x) => x.id),
        saved.map((x) => x.position_date),
      ]);
    }
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
    const open = (amount: string) => ({ amount, termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    for (const name of ['onTime', 'late', 'silent', 'restructured', 'writtenOff'])
      loans[name] = await contractedLoan(t, w, open(name === 'writtenOff' ? '300000000' : '600000000'));
    await closeUntil(t, w, '2025-03-09');
    for (const id of Object.values(loans))
      expect((await money(t, w, 'disbursements', id, id === loans.writtenOff ? '300000000' : '600000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-09');
    expect((await money(t, w, 'repayments', loans.onTime, '102958904', '2025-04-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-24');
    expect((await money(t, w, 'repayments', loans.late, '50000000', '2025-04-25')).status).toBe(201); // partly, 15 days late
    await closeUntil(t, w, '2025-05-20');
  }, 600_000);
  afterAll(async () => t?.close());

  it('after a close every ACTIVE loan’s cached position equals its installment sums as of D, DPD included', async () => {
    const d = await lastClosed();
    const c = await cached();
    expect(c.every((x) => x.position_date === d)).toBe(true);
    expect(c).toEqual(await summed(d));
    // Overdue and penalty figures are exercised, not only zeros.
    expect(c.some((x) => Number(x.position_penalty) > 0 && x.days_past_due > 30)).toBe(true);
  });

  it('the live report is the same with and without the cache, and equals the engine replay', async () => {
    const d = await lastClosed();
    const live = await livePositions();
    const totals = await report();
    const plain = await withoutCache(async () => ({ positions: await livePositions(), totals: await report() }));
    expect(live).toEqual(plain.positions);
    expect(totals).toEqual(plain.totals);
    const r = await replayTotals(t, d);
    expect(totals).toMatchObject({
      outstanding: r.outstanding,
      overduePrincipal: r.overduePrincipal,
      overdueInterest: r.overdueInterest,
      penaltyInterest: r.penaltyInterest,
    });
  });

  it('a repayment (open day and backdated), a restructuring and a write-off invalidate the position in their own write', async () => {
    const d = await lastClosed();
    const business = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await money(t, w, 'repayments', loans.onTime, '1000000', business)).status).toBe(201);
    expect((await money(t, w, 'repayments', loans.late, '2000000', '2025-05-15')).status).toBe(201); // backdated, valued ≤ D
    const makerApprover = (await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER'])).token;
    // Extended to 10 Dec 2025 (the overdue April and May installments move with the rest).
    const body = { type: 'EXTENSION', reason: 'Gia hạn nợ do giá chè giảm', newMaturityDate: '2025-12-10' };
    const proposed = await call<{ id: string }>(t, 'POST', `/loans/${loans.restructured}/restructurings`, makerApprover, body);
    expect([proposed.status, proposed.body]).toEqual([201, expect.anything()]);
    expect((await call(t, 'POST', `/loans/${loans.restructured}/restructurings/${proposed.body.id}/approve`, w.approver, {})).status).toBe(200);
    await t.db.query(`UPDATE loans SET debt_group = 5 WHERE id = $1`, [loans.writtenOff]); // arrange: only a group-5 loan may be written off
    const wo = await call<{ id: string }>(t, 'POST', `/loans/${loans.writtenOff}/write-offs`, makerApprover, { reason: 'HTX giải thể, không còn tài sản' });
    expect(wo.status).toBe(201);
    expect((await call(t, 'POST', `/loans/${loans.writtenOff}/write-offs/${wo.body.id}/approve`, w.approver, {})).status).toBe(200);
    const rows = (await t.db.query(`SELECT id::text, position_date::text FROM loans`)) as Array<{ id: string; position_date: string | null }>;
    const dateOf = (id: string): string | null | undefined => rows.find((x) => x.id === id)?.position_date;
    for (const name of ['onTime', 'late', 'restructured', 'writtenOff']) expect([name, dateOf(loans[name])]).toEqual([name, null]);
    expect(dateOf(loans.silent)).toBe(d);
    // The live report with the few invalidated loans summed from their installments is the one without any cache.
    const live = await livePositions();
    const plain = await withoutCache(livePositions);
    expect(live).toEqual(plain);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });

  it('the next close writes the position again for every ACTIVE loan', async () => {
    const d = await lastClosed();
    const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await closeUntil(t, w, next);
    const c = await cached();
    expect(c.every((x) => x.position_date === next)).toBe(true);
    expect(c).toEqual(await summed(next));
  });
});
