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
  totals: { loanCount: number; turnover: string; outstanding: string; badDebt: string; specificProvision: string };
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

  /**
   * The demo's policy (docs/collateral.md "Demo"): MICROFINANCE groups and rates, collateral
   * deducted. Worked here from the pledges themselves, not from the close's derived
   * loan_collateral: specific = rate(group) × max(0, outstanding − Σ allocated × deduction rate),
   * half-up to the đồng, never above the outstanding; 0 on the entrusted budget (no credit risk).
   */
  it('deducts the pledged collateral from the month-end specific provisions, and the report shows both figures', async () => {
    // Decree 86/2024/NĐ-CP deduction values of the demo's two asset types; the MICROFINANCE specific rates by group.
    const deduction: Record<string, string> = { REAL_ESTATE: '0.5', OTHER: '0.3' };
    const rate: Record<number, string> = { 1: '0', 2: '0.02', 3: '0.25', 4: '0.5', 5: '1' };
    const policies = await call<Array<{ code: string; effectiveFrom: string; definition: Record<string, unknown> }>>(
      t,
      'GET',
      '/classification-policies',
      auditor,
    );
    const [first, demo] = policies.body;
    expect(policies.body).toHaveLength(2);
    expect(demo).toMatchObject({ code: 'MICROFINANCE', effectiveFrom: defaultCloseFrom(plan) });
    expect(demo.definition).toEqual({ ...first.definition, deductCollateral: true });

    const rows: Array<{
      loan_id: string;
      group: number;
      outstanding: string;
      bears: boolean;
      specific: string;
      pledges: Array<{ type: string; allocated: string }> | null;
    }> = await t.db.query(
      `SELECT s.loan_id::text, s.debt_group AS group, s.outstanding_principal::text AS outstanding, cs.bears_credit_risk AS bears, s.specific_provision::text AS specific,
                (SELECT json_agg(json_build_object('type', a.type, 'allocated', p.allocated_value::text)) FROM collateral_pledges p JOIN collateral_assets a ON a.id = p.asset_id
                  WHERE p.loan_id = s.loan_id AND p.status = 'ACTIVE') AS pledges
           FROM loan_snapshots s JOIN loans l ON l.id = s.loan_id JOIN capital_sources cs ON cs.id = l.capital_source_id
          WHERE s.snapshot_date = $1 AND s.outstanding_principal > 0 ORDER BY s.loan_id`,
      [DEMO_DATE],
    );
    const specific = (r: (typeof rows)[number], deduct: boolean): Money => {
      if (!r.bears) return new Money(0);
      const deducted = deduct ? (r.pledges ?? []).reduce((s, p) => s.plus(new Money(p.allocated).mul(deduction[p.type])), new Money(0)) : new Money(0);
      const base = Money.max(0, new Money(r.outstanding).minus(deducted));
      return Money.min(new Money(rate[r.group]).mul(base).toDecimalPlaces(0, Money.ROUND_HALF_UP), r.outstanding);
    };
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.loan_id, new Money(r.specific).toFixed()]).toEqual([r.loan_id, specific(r, true).toFixed()]);
    const lowered = rows.filter((r) => r.pledges && specific(r, true).lt(specific(r, false)));
    expect(lowered.length).toBeGreaterThan(0);
    // The portfolio report's month-end total is the deducted one.
    // README "Demo portfolio": 168,750,000 VND for the full demo, net of the pledged collateral.
    if (LOANS === FULL_LOAN_COUNT) expect((await report('debtGroup')).totals.specificProvision).toBe('168750000');
    expect((await report('debtGroup')).totals.specificProvision).toBe(rows.reduce((s, r) => s.plus(specific(r, true)), new Money(0)).toFixed());

    const shown = await call<{
      asOf: string;
      policy: string;
      deductsCollateral: boolean;
      items: Array<{ loanId: string; specificBefore: string; specificAfter: string }>;
    }>(t, 'GET', '/reports/collateral-provisions', auditor);
    expect(shown.body).toMatchObject({ asOf: DEMO_DATE, policy: 'MICROFINANCE', deductsCollateral: true });
    for (const r of lowered) {
      expect(shown.body.items.find((i) => i.loanId === r.loan_id)).toMatchObject({
        specificBefore: specific(r, false).toFixed(),
        specificAfter: specific(r, true).toFixed(),
      });
    }
  });

  it('agrees with the ledger', async () => {
    const rec = await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', `/reports/reconciliation?asOf=${DEMO_DATE}`, auditor);
    expect(rec.body).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
  });
});
