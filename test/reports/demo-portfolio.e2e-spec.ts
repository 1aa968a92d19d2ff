import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMMUNES } from '../../src/demo/demo-plan.js';
import {
  DEMO_DATE,
  FULL_LOAN_COUNT,
  FULL_TURNOVER_CEILING,
  FULL_TURNOVER_FLOOR,
  type SeedResult,
  defaultCloseFrom,
  demoPlan,
  seedDemo,
} from '../../src/demo/index.js';
import { Money } from '../../src/platform/money/index.js';
import { adminToken, userWithRoles } from '../support/factories.js';
import { call } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo portfolio through the API (README "Reports, exports, statements and the demo
 * portfolio"). The full demo (504 loans, five years of daily closes) takes several minutes, so CI
 * runs the same generator scaled to DEMO_LOANS (default 48) with the turnover floor scaled in
 * proportion; `npm run test:demo:full` runs 504.
 */
const LOANS = Number(process.env.DEMO_LOANS ?? 48);

interface Row {
  keys: Record<string, Record<string, string>>;
  outstanding: string;
  shareOfOutstanding: { exact: string; display: string };
}
interface Report {
  rows: Row[];
  totals: { loanCount: number; turnover: string; outstanding: string; badDebt: string };
}

describe(`demo portfolio (${LOANS} loans)`, () => {
  let t: TestApp;
  let auditor: string;
  let seeded: SeedResult;
  const plan = demoPlan(LOANS);

  beforeAll(async () => {
    t = await createTestApp();
    // As the quick start loads it: history backdated, the real close day by day from defaultCloseFrom.
    seeded = await seedDemo((cls) => t.app.get(cls), t.db, plan, { closeFrom: defaultCloseFrom(plan), log: () => undefined });
    auditor = (await userWithRoles(t, await adminToken(t), ['AUDITOR'])).token;
  }, 1_800_000);
  afterAll(async () => t?.close());

  const report = async (groupBy: string): Promise<Report> => {
    const res = await call<Report>(t, 'GET', `/reports/portfolio?asOf=${DEMO_DATE}&from=2021-01-01&to=${DEMO_DATE}&groupBy=${groupBy}`, auditor);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('has every loan disbursed 2021–2025 and turnover between 232.6 and 232.7 bn (scaled for a smaller demo)', async () => {
    const r = await report('sector');
    expect(seeded.loans).toBe(LOANS);
    expect(r.totals.loanCount).toBe(LOANS);
    if (LOANS === FULL_LOAN_COUNT) {
      expect(new Money(r.totals.turnover).gt(FULL_TURNOVER_FLOOR.toString())).toBe(true);
      expect(new Money(r.totals.turnover).lt(FULL_TURNOVER_CEILING.toString())).toBe(true);
    }
    expect(new Money(r.totals.turnover).gt(plan.turnoverFloor.toString())).toBe(true);
    expect(r.totals.turnover).toBe(seeded.turnover);
  });

  it('shows agriculture at exactly 65.0% of outstanding, the shares adding to 100.0', async () => {
    const r = await report('sector');
    const agri = r.rows.find((row) => row.keys.sector.code === 'A');
    expect(agri?.shareOfOutstanding.display).toBe('65.0');
    expect(r.rows.reduce((s, row) => s.plus(row.shareOfOutstanding.display), new Money(0)).toFixed(1)).toBe('100.0');
    expect(r.rows.length).toBeGreaterThanOrEqual(4);
  });

  it('has overdue loans in every debt group, two capital sources and Thái Nguyên communes', async () => {
    const groups = await report('debtGroup');
    const withOutstanding = groups.rows.filter((row) => new Money(row.outstanding).gt(0)).map((row) => row.keys.debtGroup.code);
    expect(withOutstanding).toEqual(['1', '2', '3', '4', '5']);
    expect(new Money(groups.totals.badDebt).gt(0)).toBe(true);
    const sources = await report('capitalSource');
    expect(sources.rows).toHaveLength(2);
    const communes = await report('commune');
    const known = new Set(COMMUNES.map((c) => c.code));
    expect(communes.rows.every((row) => row.keys.commune.provinceCode === '19' && known.has(row.keys.commune.code))).toBe(true);
  });

  it('agrees with the ledger', async () => {
    const rec = await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', `/reports/reconciliation?asOf=${DEMO_DATE}`, auditor);
    expect(rec.body).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
  });
});
