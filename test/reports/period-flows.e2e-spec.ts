import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Money } from '../../src/platform/money/index.js';
import { AsOfService } from '../../src/modules/reports/services/as-of.service.js';
import { type FlowPlan, flowsCte } from '../../src/modules/reports/services/loan-flows.js';
import { SqlParams } from '../../src/platform/database/index.js';
import { call, closeUntil, contractedLoan, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface FlowRow {
  loan_id: string;
  turnover: string;
  principal_collected: string;
  interest_collected: string;
}

/**
 * The portfolio report's turnover and collections in a period read from the per-loan flow
 * counters (loans + month-end snapshots, migration 1763800000007) must equal the sums of the
 * journal entries valued in the period, loan by loan, across tranches, a loan paid off early,
 * a loan disbursed after the snapshots, repayments backdated into a snapshotted month, a reversal
 * of a snapshotted month's repayment, and repayments on the open business day.
 */
describe('period flows: counters equal the journal', () => {
  let t: TestApp;
  let w: LoanWorld;
  const loans: Record<string, string> = {};

  const pay = async (id: string, amount: string, date: string): Promise<string> => {
    const res = await money(t, w, 'repayments', id, amount, date);
    if (res.status !== 201) throw new Error(`repay ${date}: ${JSON.stringify(res.body)}`);
    return (res.body as { repayment: { id: string } }).repayment.id;
  };
  const disburse = async (id: string, amount: string, date: string): Promise<void> => {
    const res = await money(t, w, 'disbursements', id, amount, date);
    if (res.status !== 201) throw new Error(`disburse ${date}: ${JSON.stringify(res.body)}`);
  };
  const flows = async (plan: FlowPlan): Promise<FlowRow[]> => {
    const p = new SqlParams();
    const cte = flowsCte(plan, p);
    return t.db.query(
      `WITH ${cte} SELECT loan_id::text, turnover::text, principal_collected::text, interest_collected::text FROM flows ORDER BY loan_id`,
      p.values,
    );
  };
  const lastClosed = async (): Promise<string> => (await call<{ lastClosedDate: string }>(t, 'GET', '/business-date', w.admin)).body.lastClosedDate;

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-01-01', {
      annualInterestRatePercent: '7.2',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
      maxTranches: 2,
    });
    const terms = { termMonths: 12, ratePercent: '7.2', creditReportDate: '2025-01-05', signingDate: '2025-01-08' };
    loans.tranches = await contractedLoan(t, w, { ...terms, amount: '600000000' });
    loans.plain = await contractedLoan(t, w, { ...terms, amount: '240000000' });
    loans.early = await contractedLoan(t, w, { ...terms, amount: '120000000' });
    await closeUntil(t, w, '2025-01-09');
    await disburse(loans.tranches, '360000000', '2025-01-10');
    await disburse(loans.plain, '240000000', '2025-01-10');
    await disburse(loans.early, '120000000', '2025-01-10');
    await closeUntil(t, w, '2025-01-19');
    const janRepayment = await pay(loans.plain, '25000000', '2025-01-20');
    await closeUntil(t, w, '2025-02-09'); // the January month-end snapshot
    await pay(loans.plain, '21440000', '2025-02-10');
    await pay(loans.tranches, '31000000', '2025-02-10');
    const payoff = (await call<{ total: string }>(t, 'GET', `/loans/${loans.early}/payoff?date=2025-02-10`, w.officer)).body.total;
    await pay(loans.early, payoff, '2025-02-10'); // closed in February: no later snapshot row
    await closeUntil(t, w, '2025-02-19');
    await disburse(loans.tranches, '240000000', '2025-02-20');
    await closeUntil(t, w, '2025-03-04'); // the February month-end snapshot
    loans.late = await contractedLoan(t, w, { ...terms, amount: '180000000', creditReportDate: '2025-02-25', signingDate: '2025-03-04' });
    await disburse(loans.late, '180000000', '2025-03-05');
    // Booked in March, valued in February (backdated into a snapshotted month), and the reversal of
    // a January repayment (the reversal is valued on the repayment's value date).
    await pay(loans.plain, '5000000', '2025-02-25');
    const rev = await call(
      t,
      'POST',
      `/loans/${loans.plain}/repayments/${janRepayment}/reversal`,
      w.officer,
      { reason: 'Sai tài khoản thụ hưởng' },
      { 'idempotency-key': `rev-${janRepayment}-flows` },
    );
    expect(rev.status).toBe(200);
    await closeUntil(t, w, '2025-03-09');
    await pay(loans.tranches, '40000000', '2025-03-10');
    await pay(loans.plain, '22000000', '2025-03-10');
    await closeUntil(t, w, '2025-04-09'); // the March month-end snapshot
    await pay(loans.late, '16000000', '2025-04-10');
    // The open business day (after the last closed date): already posted, not in any period yet.
    await closeUntil(t, w, '2025-04-14');
    await pay(loans.plain, '7000000', '2025-04-15');
    await pay(loans.tranches, '9000000', '2025-04-15');
  }, 600_000);
  afterAll(async () => t?.close());

  it('keeps every loan’s counters equal to its journal entries (reconciliation clean)', async () => {
    const r = await reconciliation(t, w);
    expect(r.mismatches).toEqual([]);
    expect(r.unbalancedTransactions).toEqual([]);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM loan_snapshots WHERE snapshot_date IN ('2025-01-31', '2025-02-28', '2025-03-31')`,
    )) as Array<{ n: number }>;
    expect(n).toBeGreaterThan(5);
  });

  it.each([
    ['2025-01-01', '2025-01-31'],
    ['2025-01-01', '2025-02-28'],
    ['2025-02-01', '2025-02-28'],
    ['2025-02-01', '2025-03-31'],
    ['2025-03-01', '2025-03-31'],
    ['2025-01-01', '2025-03-31'],
    ['2025-04-01', 'LAST'],
    ['2025-03-01', 'LAST'],
    ['2025-02-01', 'LAST'],
    ['2025-01-01', 'LAST'],
    ['2025-01-01', '2025-02-10'],
    ['2025-02-01', '2025-02-20'],
  ])('from %s to %s: every end the counters can take gives the journal’s rows', async (from, toArg) => {
    const to = toArg === 'LAST' ? await lastClosed() : toArg;
    const journal = await flows({ from, to });
    expect(journal.length).toBeGreaterThan(0);
    const beforeDate = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const monthEnd = (d: string): boolean => ['2025-01-31', '2025-02-28', '2025-03-31'].includes(d);
    const befores: Array<'SNAPSHOT' | 'NONE'> = beforeDate === '2024-12-31' ? ['NONE', 'SNAPSHOT'] : monthEnd(beforeDate) ? ['SNAPSHOT'] : [];
    const tos: Array<'AFTER' | 'SNAPSHOT'> = monthEnd(to) ? ['AFTER', 'SNAPSHOT'] : ['AFTER'];
    for (const before of befores) {
      for (const end of tos) expect(await flows({ from, to, counters: { to: end, before, beforeDate } })).toEqual(journal);
    }
  });

  it('the report’s turnover and collections equal the journal’s, as of the last closed day and a past month-end', async () => {
    const last = await lastClosed();
    const asOfs = t.app.get(AsOfService);
    for (const [asOf, from] of [
      [last, '2025-01-01'],
      [last, '2025-02-01'],
      ['2025-02-28', '2025-01-01'],
      ['2025-03-31', '2025-02-01'],
    ]) {
      // These periods are read from the counters, not the journal.
      expect((await asOfs.flowPlan(from, asOf, last)).counters).toBeDefined();
      const r = await call<{ totals: { turnover: string; principalCollected: string; interestCollected: string; loanCount: number } }>(
        t,
        'GET',
        `/reports/portfolio?asOf=${asOf}&from=${from}`,
        w.auditor,
      );
      expect(r.status).toBe(200);
      const [j] = (await t.db.query(
        `SELECT coalesce(sum(je.amount) FILTER (WHERE jt.kind = 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0)::text AS turnover,
                coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account = 'PRINCIPAL_RECEIVABLE'), 0)::text AS principal,
                coalesce(-sum(je.amount) FILTER (WHERE jt.kind <> 'DISBURSEMENT' AND je.account IN ('INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE')), 0)::text AS interest
         FROM journal_entries je JOIN journal_transactions jt ON jt.id = je.transaction_id
         WHERE je.loan_id IS NOT NULL AND jt.kind IN ('DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL') AND je.value_date BETWEEN $1 AND $2`,
        [from, asOf],
      )) as Array<{ turnover: string; principal: string; interest: string }>;
      expect({ turnover: r.body.totals.turnover, principal: r.body.totals.principalCollected, interest: r.body.totals.interestCollected }).toEqual(j);
      expect(new Money(j.principal).gt(0)).toBe(true);
    }
  });
});
