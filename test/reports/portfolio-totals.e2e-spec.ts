import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACTOR } from '../../src/platform/actor/index.js';
import { Money } from '../../src/platform/money/index.js';
import { PortfolioReportService, PortfolioTotalsService, checkKeptTotals, portfolioGroupings } from '../../src/modules/reports/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The portfolio report's kept totals (reports PortfolioTotalsService): once the close committed a
 * day it enqueues the job that keeps them, the latest day and every month-end stay, and the report read from
 * them is the per-loan report byte for byte for every grouping (every dimension and every pair),
 * over on-time, late, partial, two-tranche, restructured and written-off loans. Anything booked
 * later with a value date ≤ D (a backdated reversal), or a borrower edited after the rows were kept
 * (its type and commune are kept as of then), makes the report of D read per loan again.
 */
describe('portfolio report kept totals', () => {
  let t: TestApp;
  let w: LoanWorld;
  const loans: Record<string, string> = {};
  const repayments: Record<string, string> = {};

  const pay = async (name: string, amount: string, date: string): Promise<string> => {
    const res = await money(t, w, 'repayments', loans[name], amount, date);
    expect([name, res.status]).toEqual([name, 201]);
    return (res.body as { repayment: { id: string } }).repayment.id;
  };
  const dueOn = async (name: string, date: string): Promise<string> => {
    const q = (await call<Record<string, string>>(t, 'GET', `/loans/${loans[name]}/payoff?date=${date}`, w.officer)).body;
    return new Money(q.duePrincipal).plus(q.billedInterest).plus(q.overdueInterest).plus(q.lateInterest).toFixed();
  };
  const lastClosed = async (): Promise<string> => (await call<{ lastClosedDate: string }>(t, 'GET', '/business-date', w.admin)).body.lastClosedDate;
  const keptDays = async (): Promise<string[]> =>
    ((await t.db.query(`SELECT kept_date::text AS d FROM portfolio_totals_days ORDER BY 1`)) as Array<{ d: string }>).map((r) => r.d);

  // The close enqueues the day's totals job once the day is committed (CloseDaySteps); the jobs run in order.
  const keptBy = async (day: string): Promise<void> => {
    for (let i = 0; i < 600 && !(await keptDays()).includes(day); i++) await new Promise((r) => setTimeout(r, 200));
    expect(await keptDays()).toContain(day);
  };

  beforeAll(async () => {
    // The periodic sweep stays out of the way (it would keep a day this spec removes on purpose); the last test calls it.
    t = await createTestApp({ env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000', QUEUE_SWEEP_AFTER_SECONDS: '3600' } });
    w = await loanWorld(t, '2025-01-01', {
      annualInterestRatePercent: '7.2',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
      maxTranches: 3,
    });
    const terms = (amount: string, termMonths: number) => ({
      amount,
      termMonths,
      ratePercent: '7.2',
      creditReportDate: '2025-01-02',
      signingDate: '2025-01-05',
    });
    for (const [name, amount, term] of [
      ['onTime', '600000000', 12],
      ['late', '240000000', 6],
      ['partial', '360000000', 24],
      ['restructured', '480000000', 12],
      ['writtenOff', '120000000', 6],
    ] as const)
      loans[name] = await contractedLoan(t, w, terms(amount, term));
    // A second borrower in another sector and commune, with a loan of two tranches.
    const other = await createCooperative(t, w.officer, { sectorCode: 'C', communeCode: '05488' });
    const saved = w.borrowerId;
    w.borrowerId = other.id;
    loans.tranches = await contractedLoan(t, w, terms('900000000', 36));
    loans.other = await contractedLoan(t, w, terms('150000000', 12));
    w.borrowerId = saved;
    await closeUntil(t, w, '2025-01-09');
    for (const [name, id] of Object.entries(loans)) {
      const amount = name === 'tranches' ? '500000000' : (await call<{ approvedAmount: string }>(t, 'GET', `/loans/${id}`, w.officer)).body.approvedAmount;
      expect([name, (await money(t, w, 'disbursements', id, amount, '2025-01-10')).status]).toEqual([name, 201]);
    }
    for (const m of ['02', '03', '04']) {
      await closeUntil(t, w, `2025-${m}-09`);
      for (const name of ['onTime', 'restructured', 'tranches', 'other'])
        repayments[`${name}-${m}`] = await pay(name, await dueOn(name, `2025-${m}-10`), `2025-${m}-10`);
      // 70 % of what is due (domain.md "Overdue": the rest stays overdue).
      await pay('partial', new Money(await dueOn('partial', `2025-${m}-10`)).times('0.7').round().toFixed(), `2025-${m}-10`);
      if (m === '02') expect((await money(t, w, 'disbursements', loans.tranches, '400000000', '2025-02-10')).status).toBe(201);
    }
    // "late" pays February–April at once on 25 April, with its penalties.
    await closeUntil(t, w, '2025-04-24');
    await pay('late', await dueOn('late', '2025-04-25'), '2025-04-25');
    const makerApprover = (await userWithRoles(t, w.admin, ['OFFICER', 'APPROVER'])).token;
    const proposed = await call<{ id: string }>(t, 'POST', `/loans/${loans.restructured}/restructurings`, makerApprover, {
      type: 'EXTENSION',
      reason: 'Gia hạn nợ do giá chè giảm',
      newMaturityDate: '2026-06-10',
    });
    expect(proposed.status).toBe(201);
    expect((await call(t, 'POST', `/loans/${loans.restructured}/restructurings/${proposed.body.id}/approve`, w.approver, {})).status).toBe(200);
    await t.db.query(`UPDATE loans SET debt_group = 5 WHERE id = $1`, [loans.writtenOff]); // arrange: only a group-5 loan may be written off
    const wo = await call<{ id: string }>(t, 'POST', `/loans/${loans.writtenOff}/write-offs`, makerApprover, { reason: 'HTX giải thể, không còn tài sản' });
    expect(wo.status).toBe(201);
    expect((await call(t, 'POST', `/loans/${loans.writtenOff}/write-offs/${wo.body.id}/approve`, w.approver, {})).status).toBe(200);
    await closeUntil(t, w, '2025-05-03');
    await keptBy('2025-05-03');
  }, 900_000);
  afterAll(async () => t?.close());

  it('keeps the latest closed day and every month-end, and drops the other days', async () => {
    expect(await keptDays()).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-03']);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM portfolio_totals WHERE kept_date = '2025-05-03'`)) as Array<{ n: number }>;
    expect(n).toBeGreaterThan(0);
    // One row per group of each grouping (total, 8 dimensions, 28 pairs), not per loan or borrower.
    const [{ g }] = (await t.db.query(`SELECT count(DISTINCT grouping)::int AS g FROM portfolio_totals WHERE kept_date = '2025-05-03'`)) as Array<{
      g: number;
    }>;
    expect(g).toBe(1 + 8 + 28);
    // The job is idempotent, and skips a day that is neither the latest nor a month-end.
    const totals = t.app.get(PortfolioTotalsService);
    expect(await totals.keepClosed('2025-05-03')).toBe(n);
    expect(await totals.keepClosed('2025-05-02')).toBeNull();
    // A day without rows reads per loan.
    expect(await totals.validFor('2025-05-02')).toBe(false);
    expect((await t.app.get(PortfolioReportService).read(SYSTEM_ACTOR, { asOf: '2025-05-02' }, 'auto')).kept).toBe(false);
  });

  it.each(['2025-05-03', '2025-04-30', '2025-03-31', '2025-01-31'])(
    'as of %s the report from the kept totals equals the per-loan report for every dimension and pair',
    async (asOf) => {
      const reports = t.app.get(PortfolioReportService);
      const check = await checkKeptTotals(reports, SYSTEM_ACTOR, asOf, portfolioGroupings(true));
      expect(check.groupings).toBe(8 + 8 * 7);
      expect(check.mismatches).toEqual([]);
      // The route answers from them, and the figures are not all zeros.
      const res = await call<{ totals: Record<string, string | number>; rows: unknown[] }>(
        t,
        'GET',
        `/reports/portfolio?asOf=${asOf}&groupBy=sector`,
        w.auditor,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual((await reports.read(SYSTEM_ACTOR, { asOf, groupBy: ['sector'] }, 'perLoan')).report);
      expect(res.body.rows.length).toBeGreaterThan(0);
      expect(new Money(String(res.body.totals.outstanding)).gt(0)).toBe(true);
    },
  );

  it('the May report shows the late, partial, restructured and written-off loans the kept rows summed', async () => {
    const r = (await t.app.get(PortfolioReportService).read(SYSTEM_ACTOR, { asOf: '2025-05-03', groupBy: ['debtGroup'] }, 'kept')).report;
    expect(r.totals.loanCount).toBe(7);
    expect(r.totals.turnover).toBe('2850000000');
    expect(new Money(r.totals.overduePrincipal).gt(0)).toBe(true);
    expect(r.rows.map((x) => x.keys.debtGroup.code).length).toBeGreaterThan(1);
  });

  it('a backdated reversal valued into March makes every kept day since read per loan, still right, until the next close', async () => {
    const totals = t.app.get(PortfolioTotalsService);
    expect(await totals.validFor('2025-03-31')).toBe(true);
    const rev = await call(
      t,
      'POST',
      `/loans/${loans.onTime}/repayments/${repayments['onTime-03']}/reversal`,
      w.officer,
      { reason: 'Sai tài khoản thụ hưởng' },
      { 'idempotency-key': `reversal-${repayments['onTime-03']}-totals` },
    );
    if (rev.status !== 200) throw new Error(`reversal: ${rev.status} ${JSON.stringify(rev.body)}`);
    const reports = t.app.get(PortfolioReportService);
    for (const asOf of ['2025-03-31', '2025-04-30', '2025-05-03']) {
      const { report, kept } = await reports.read(SYSTEM_ACTOR, { asOf, groupBy: ['sector'] }, 'auto');
      expect([asOf, kept]).toEqual([asOf, false]);
      expect(report).toEqual((await reports.read(SYSTEM_ACTOR, { asOf, groupBy: ['sector'] }, 'perLoan')).report);
    }
    await expect(reports.read(SYSTEM_ACTOR, { asOf: '2025-03-31' }, 'kept')).rejects.toThrow(/no valid kept totals/);
    expect(await totals.validFor('2025-02-28')).toBe(true);
    // The next close keeps its day from the state after the reversal, and agrees with the per-loan report.
    const next = '2025-05-04';
    await closeUntil(t, w, next);
    expect(await lastClosed()).toBe(next);
    await keptBy(next);
    expect((await checkKeptTotals(reports, SYSTEM_ACTOR, next, portfolioGroupings(false))).mismatches).toEqual([]);
    expect(await keptDays()).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', next]);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });
  it('a borrower moved to another commune after the day was kept makes that day read per loan, right, until the next keep', async () => {
    const totals = t.app.get(PortfolioTotalsService);
    const reports = t.app.get(PortfolioReportService);
    const day = await lastClosed();
    expect(await totals.validFor(day)).toBe(true);
    const before = (await reports.read(SYSTEM_ACTOR, { asOf: day, groupBy: ['commune'] }, 'kept')).report;
    // A new phone number and name groups nothing differently: the kept rows still answer.
    const renamed = await call(t, 'PATCH', `/borrowers/${w.borrowerId}`, w.officer, { phone: '0912000111', shortName: 'HTX Chè Tân Cương' });
    expect(renamed.status).toBe(200);
    expect(await totals.validFor(day)).toBe(true);
    expect((await reports.read(SYSTEM_ACTOR, { asOf: day, groupBy: ['commune'] }, 'auto')).kept).toBe(true);
    const moved = await call(t, 'PATCH', `/borrowers/${w.borrowerId}`, w.officer, { communeCode: '05488' });
    expect(moved.status).toBe(200);
    expect(await totals.validFor(day)).toBe(false);
    const { report, kept } = await reports.read(SYSTEM_ACTOR, { asOf: day, groupBy: ['commune', 'sector'] }, 'auto');
    expect(kept).toBe(false);
    expect(report).toEqual((await reports.read(SYSTEM_ACTOR, { asOf: day, groupBy: ['commune', 'sector'] }, 'perLoan')).report);
    // Both borrowers are now in one commune: the per-loan report has fewer commune groups than the rows kept before the move.
    const now = (await reports.read(SYSTEM_ACTOR, { asOf: day, groupBy: ['commune'] }, 'perLoan')).report;
    expect(now.rows.length).toBe(before.rows.length - 1);
    expect(now.rows[0].borrowerCount).toBe(2);
    // The next day's rows hold the new commune and agree with the per-loan report again.
    const next = '2025-05-05';
    await closeUntil(t, w, next);
    await keptBy(next);
    expect(await totals.validFor(next)).toBe(true);
    expect((await checkKeptTotals(reports, SYSTEM_ACTOR, next, portfolioGroupings(true))).mismatches).toEqual([]);
  });

  it('a closed day whose keeping job was lost is kept again by the sweep once the close is old enough', async () => {
    const totals = t.app.get(PortfolioTotalsService);
    const reports = t.app.get(PortfolioReportService);
    const day = await lastClosed();
    // As if the worker died between the close's commit and the enqueue, for the last day and the latest month-end.
    await t.db.query(`DELETE FROM portfolio_totals_days WHERE kept_date IN ($1, '2025-04-30')`, [day]);
    expect(await totals.validFor(day)).toBe(false);
    // Closed less than an hour ago: the close's own job may still be coming.
    expect(await totals.sweep(3600)).toEqual([]);
    expect(await totals.sweep(0)).toEqual(['portfolio-totals 2025-04-30', `portfolio-totals ${day}`]);
    await keptBy(day);
    await keptBy('2025-04-30');
    expect(await keptDays()).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', day]);
    // Nothing is missing any more, and the last day kept again agrees with the per-loan report (April's
    // month-end reads per loan since the backdated reversal above, kept or not).
    expect(await totals.sweep(0)).toEqual([]);
    expect(await totals.validFor(day)).toBe(true);
    expect((await checkKeptTotals(reports, SYSTEM_ACTOR, day, portfolioGroupings(false))).mismatches).toEqual([]);
  });
});
