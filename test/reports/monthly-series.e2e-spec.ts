import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Money } from '../../src/platform/money/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Point {
  month: string;
  monthEnd: string;
  outstanding: string;
  turnover: string;
  principalCollected: string;
  interestCollected: string;
}
interface Series {
  from: string;
  to: string;
  months: Point[];
}
interface Figures {
  outstanding: string;
  turnover: string;
  principalCollected: string;
  interestCollected: string;
}

/**
 * The charts' monthly series must be the portfolio report's own figures: each month-end's
 * outstanding equals the report as of that day, each month's flows the report's flows for the
 * month — including a month with no movement, a backdated repayment and a partial last month.
 */
describe('reports: monthly series', () => {
  let t: TestApp;
  let w: LoanWorld;

  const series = async (query: string, token = w.auditor): Promise<{ status: number; body: Series }> =>
    call<Series>(t, 'GET', `/reports/monthly?${query}`, token);
  const report = async (asOf: string, from: string, to: string): Promise<Figures> => {
    const r = await call<{ totals: Figures }>(t, 'GET', `/reports/portfolio?asOf=${asOf}&from=${from}&to=${to}`, w.auditor);
    expect(r.status).toBe(200);
    return r.body.totals;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    w = await loanWorld(t, '2025-01-01', {
      annualInterestRatePercent: '7.2',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
    });
    const a = await contractedLoan(t, w, {
      amount: '600000000',
      termMonths: 12,
      ratePercent: '7.2',
      creditReportDate: '2025-01-05',
      signingDate: '2025-01-08',
    });
    await closeUntil(t, w, '2025-01-09');
    expect((await money(t, w, 'disbursements', a, '600000000', '2025-01-10')).status).toBe(201);
    await closeUntil(t, w, '2025-03-13');
    const b = await contractedLoan(t, w, { amount: '240000000', termMonths: 6, ratePercent: '7.2', creditReportDate: '2025-03-10', signingDate: '2025-03-13' });
    await closeUntil(t, w, '2025-03-16');
    // Booked in March, valued in February after its month-end close: February's figures move, not March's.
    expect((await money(t, w, 'repayments', a, '100000000', '2025-02-27')).status).toBe(201);
    const disbursed = await money(t, w, 'disbursements', b, '240000000', '2025-03-17');
    if (disbursed.status !== 201) throw new Error(`disburse: ${JSON.stringify(disbursed.body)}`);
    await closeUntil(t, w, '2025-04-20');
    expect((await money(t, w, 'repayments', a, '50000000', '2025-04-21')).status).toBe(201);
    await closeUntil(t, w, '2025-05-12');
  }, 600_000);
  afterAll(async () => t?.close());

  it('gives every month from the first loan entry to the last closed date, each equal to the portfolio report', async () => {
    const res = await series('');
    expect(res.status).toBe(200);
    expect(res.body.from).toBe('2025-01-01');
    expect(res.body.to).toBe('2025-05-12');
    expect(res.body.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(res.body.months.map((m) => m.monthEnd)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-12']);
    for (const m of res.body.months) {
      const r = await report(m.monthEnd, `${m.month}-01`, m.monthEnd);
      expect({
        month: m.month,
        outstanding: m.outstanding,
        turnover: m.turnover,
        principalCollected: m.principalCollected,
        interestCollected: m.interestCollected,
      }).toEqual({
        month: m.month,
        outstanding: r.outstanding,
        turnover: r.turnover,
        principalCollected: r.principalCollected,
        interestCollected: r.interestCollected,
      });
    }
    const [jan, feb, mar, apr] = res.body.months;
    expect(jan).toMatchObject({ turnover: '600000000', outstanding: '600000000' });
    // The backdated repayment is February's collections (principal and interest), all of it.
    expect(new Money(feb.principalCollected).plus(feb.interestCollected).toFixed()).toBe('100000000');
    expect(mar.turnover).toBe('240000000');
    expect(new Money(apr.principalCollected).plus(apr.interestCollected).toFixed()).toBe('50000000');
  });

  it('starts a later span from the balance carried in, in whole months', async () => {
    const res = await series('from=2025-03-17&to=2025-04-30');
    expect(res.status).toBe(200);
    expect(res.body.from).toBe('2025-03-01');
    expect(res.body.months.map((m) => m.month)).toEqual(['2025-03', '2025-04']);
    expect(res.body.months[1].outstanding).toBe((await report('2025-04-30', '2025-04-01', '2025-04-30')).outstanding);
  });

  it('refuses a span past the last closed date, a reversed one, a bad date, and a cooperative user', async () => {
    const late = await series('to=2025-05-13');
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'REPORT.INVALID_PERIOD' });
    expect((await series('from=2025-04-01&to=2025-03-01')).status).toBe(422);
    const bad = await series('from=2025-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const coop = await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId);
    expect((await series('', coop.token)).status).toBe(403);
  });
});
