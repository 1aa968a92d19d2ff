import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays } from '../../src/platform/dates/index.js';
import { Money } from '../../src/platform/money/index.js';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { capitalSource, contract, expectCacheEqualsReplay, product } from './close-support.js';

jest.setTimeout(600_000);

/**
 * Day after day in order (domain.md "Close of business"): a small portfolio moves through 400
 * business days (2025-01-02 → 2026-02-05) by the manual close, with debt groups and provisions on
 * sampled dates checked against the hand computations below (domain.md "Restructuring and risk"
 * table, Decree 86 rates).
 *
 *   A2  borrower A, 120,000,000, 12 months monthly, disbursed 2025-01-10, never paid. Installment 1
 *       is due 2025-02-10, so DPD after the close of X = X − 2025-02-10; outstanding stays 120,000,000.
 *   A1  borrower A, 60,000,000, same terms, every installment (5,000,000 + interest) paid on its due
 *       date: DPD 0, own group 1, but the cross-loan rule gives it A2's group (reason CROSS_LOAN).
 *       Outstanding after k payments = 60,000,000 − 5,000,000 k; settled on 2026-01-10.
 *   B1  borrower B, 100,000,000 from an entrusted source (no credit risk for the fund), never paid:
 *       same groups as A2 by its own DPD, provisions always 0.
 *   The BANK policy (Circular 31/2024: 10–89 → 2, 90–179 → 3, 180–359 → 4, ≥ 360 → 5) is in force
 *   from 2025-09-01; MICROFINANCE (< 10 → 1, 10–29 → 2, 30–89 → 3, 90–179 → 4, ≥ 180 → 5) before.
 *   Specific = rate(group) × outstanding (1: 0%, 2: 2%, 3: 25%, 4: 50%, 5: 100%); general = 0.5% ×
 *   outstanding in groups 1–4.
 */
const SAMPLES: Array<{ date: string; a2: [number, string, string]; a1: [number, string, string] | 'CLOSED'; b1Group: number }> = [
  // 02-19: DPD 9 → group 1. A2 general 0.5% × 120M = 600,000; A1 paid 1 → 55M: general 275,000.
  { date: '2025-02-19', a2: [1, '0', '600000'], a1: [1, '0', '275000'], b1Group: 1 },
  // 02-20: DPD 10 → 2. A2 2% × 120M = 2,400,000; A1 2% × 55M = 1,100,000, general 275,000.
  { date: '2025-02-20', a2: [2, '2400000', '600000'], a1: [2, '1100000', '275000'], b1Group: 2 },
  // 03-12: DPD 30 → 3. A2 25% × 120M = 30,000,000; A1 paid 2 → 50M: 12,500,000, general 250,000.
  { date: '2025-03-12', a2: [3, '30000000', '600000'], a1: [3, '12500000', '250000'], b1Group: 3 },
  // 05-11: DPD 90 → 4. A2 50% × 120M = 60,000,000; A1 paid 4 → 40M: 20,000,000, general 200,000.
  { date: '2025-05-11', a2: [4, '60000000', '600000'], a1: [4, '20000000', '200000'], b1Group: 4 },
  // 05-31 (month-end, DPD 110 → 4): same figures; the ledger holds 80,000,000 specific and 800,000 general.
  { date: '2025-05-31', a2: [4, '60000000', '600000'], a1: [4, '20000000', '200000'], b1Group: 4 },
  // 08-09: DPD 180 → 5. A2 100% = 120,000,000, no general; A1 paid 6 → 30M: 30,000,000.
  { date: '2025-08-09', a2: [5, '120000000', '0'], a1: [5, '30000000', '0'], b1Group: 5 },
  // 09-01, BANK in force: DPD 203 → 4. A2 60,000,000 + 600,000; A1 paid 7 → 25M: 12,500,000 + 125,000.
  { date: '2025-09-01', a2: [4, '60000000', '600000'], a1: [4, '12500000', '125000'], b1Group: 4 },
  // 2026-02-05 (day 400): DPD 360 → 5 under BANK. A2 120,000,000; A1 settled 2026-01-10: CLOSED, provisions 0.
  { date: '2026-02-05', a2: [5, '120000000', '0'], a1: 'CLOSED', b1Group: 5 },
];

describe('a portfolio through 400 business days: groups and provisions', () => {
  let t: TestApp;
  let w: LoanWorld;
  const ids = { a1: '', a2: '', b1: '' };

  const loan = async (
    id: string,
  ): Promise<{ status: string; debt_group: number; specific_provision: string; general_provision: string; debt_group_reason: string }> =>
    (
      (await t.db.query(`SELECT status, debt_group, specific_provision::text, general_provision::text, debt_group_reason FROM loans WHERE id = $1`, [
        id,
      ])) as Array<{
        status: string;
        debt_group: number;
        specific_provision: string;
        general_provision: string;
        debt_group_reason: string;
      }>
    )[0];

  beforeAll(async () => {
    t = await createTestApp({ env: { CLOSE_SCHEDULE_ENABLED: 'false' } });
    w = await loanWorld(t, '2025-01-02');
    const risky = await capitalSource(t, w.admin, true);
    const entrusted = await capitalSource(t, w.admin, false);
    const productId = await product(t, w.admin, { amortizationMethod: 'EQUAL_PRINCIPAL', annualInterestRatePercent: '12' });
    const b = (await createCooperative(t, w.officer)).id;
    const spec = { productId, termMonths: 12, ratePercent: '12', frequency: 'MONTHLY', signingDate: '2025-01-02' };
    ids.a2 = await contract(t, w, { ...spec, borrowerId: w.borrowerId, sourceId: risky, amount: '120000000' });
    ids.a1 = await contract(t, w, { ...spec, borrowerId: w.borrowerId, sourceId: risky, amount: '60000000' });
    ids.b1 = await contract(t, w, { ...spec, borrowerId: b, sourceId: entrusted, amount: '100000000' });
    expect((await call(t, 'POST', '/classification-policies', w.admin, { code: 'BANK', effectiveFrom: '2025-09-01' })).status).toBe(201);
    await closeUntil(t, w, '2025-01-09');
    for (const [id, amount] of [
      [ids.a2, '120000000'],
      [ids.a1, '60000000'],
      [ids.b1, '100000000'],
    ]) {
      expect((await money(t, w, 'disbursements', id, amount, '2025-01-10')).status).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('classifies and provisions as computed by hand on every sampled date', async () => {
    const dueDates = Array.from({ length: 12 }, (_, k) => `${k < 11 ? 2025 : 2026}-${String(((k + 1) % 12) + 1).padStart(2, '0')}-10`);
    const steps = [
      ...dueDates.map((d) => ({ key: d, kind: 'pay' as const, date: d })),
      ...SAMPLES.map((s) => ({ key: addDays(s.date, 1), kind: 'sample' as const, date: s.date })),
    ].sort((x, y) => (x.key === y.key ? (x.kind === 'sample' ? -1 : 1) : x.key < y.key ? -1 : 1));
    const started = Date.now();
    for (const step of steps) {
      if (step.kind === 'pay') {
        await closeUntil(t, w, addDays(step.date, -1));
        const schedule = (await call<Array<{ dueDate: string; principal: string; interest: string }>>(t, 'GET', `/loans/${ids.a1}/schedule`, w.officer)).body;
        const inst = schedule.find((i) => i.dueDate === step.date);
        const paid = await money(t, w, 'repayments', ids.a1, new Money(inst?.principal ?? 0).plus(inst?.interest ?? 0).toFixed(), step.date);
        expect(paid.status).toBe(201);
        continue;
      }
      await closeUntil(t, w, step.date);
      const s = SAMPLES.find((x) => x.date === step.date);
      if (!s) throw new Error('sample');
      const [a2, a1, b1] = [await loan(ids.a2), await loan(ids.a1), await loan(ids.b1)];
      expect({ date: s.date, group: a2.debt_group, specific: a2.specific_provision, general: a2.general_provision }).toEqual({
        date: s.date,
        group: s.a2[0],
        specific: s.a2[1],
        general: s.a2[2],
      });
      if (s.a1 === 'CLOSED')
        expect({ status: a1.status, specific: a1.specific_provision, general: a1.general_provision }).toEqual({
          status: 'CLOSED',
          specific: '0',
          general: '0',
        });
      else {
        expect({ date: s.date, group: a1.debt_group, specific: a1.specific_provision, general: a1.general_provision }).toEqual({
          date: s.date,
          group: s.a1[0],
          specific: s.a1[1],
          general: s.a1[2],
        });
        expect(a1.debt_group_reason).toBe(s.a1[0] > 1 ? 'CROSS_LOAN' : 'DPD');
      }
      expect({ date: s.date, group: b1.debt_group, specific: b1.specific_provision, general: b1.general_provision }).toEqual({
        date: s.date,
        group: s.b1Group,
        specific: '0',
        general: '0',
      });
    }
    const bd = (await call<{ businessDate: string }>(t, 'GET', '/business-date', w.admin)).body.businessDate;
    expect(bd).toBe('2026-02-06'); // 400 days closed since 2025-01-02
    process.stderr.write(`[400 days] closed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('stores each change of group with its date and reason', async () => {
    const history = (await t.db.query(
      `SELECT loan_id::text, date::text, from_group, to_group, reason FROM loan_group_history ORDER BY loan_id, date`,
    )) as Array<{
      loan_id: string;
      date: string;
      from_group: number;
      to_group: number;
      reason: string;
    }>;
    const of = (id: string): string[] => history.filter((h) => h.loan_id === id).map((h) => `${h.date} ${h.from_group}→${h.to_group} ${h.reason}`);
    expect(of(ids.a2)).toEqual([
      '2025-02-20 1→2 DPD',
      '2025-03-12 2→3 DPD',
      '2025-05-11 3→4 DPD',
      '2025-08-09 4→5 DPD',
      '2025-09-01 5→4 DPD',
      '2026-02-05 4→5 DPD',
    ]);
    expect(of(ids.a1)).toEqual([
      '2025-02-20 1→2 CROSS_LOAN',
      '2025-03-12 2→3 CROSS_LOAN',
      '2025-05-11 3→4 CROSS_LOAN',
      '2025-08-09 4→5 CROSS_LOAN',
      '2025-09-01 5→4 CROSS_LOAN',
    ]);
  });

  it('posts provisions as month-end balances and writes the month-end snapshots', async () => {
    const [may] = (await t.db.query(
      `SELECT coalesce(-sum(amount) FILTER (WHERE account = 'PROVISION_SPECIFIC'), 0)::text AS specific,
              coalesce(-sum(amount) FILTER (WHERE account = 'PROVISION_GENERAL'), 0)::text AS general
       FROM journal_entries WHERE value_date <= '2025-05-31'`,
    )) as Array<{ specific: string; general: string }>;
    expect(may).toEqual({ specific: '80000000', general: '800000' });
    const snaps = (await t.db.query(
      `SELECT loan_id::text, debt_group, days_past_due, outstanding_principal::text FROM loan_snapshots WHERE snapshot_date = '2025-05-31' ORDER BY loan_id`,
    )) as Array<{
      loan_id: string;
      debt_group: number;
      days_past_due: number;
      outstanding_principal: string;
    }>;
    expect(snaps).toEqual([
      { loan_id: ids.a2, debt_group: 4, days_past_due: 110, outstanding_principal: '120000000' },
      { loan_id: ids.a1, debt_group: 4, days_past_due: 0, outstanding_principal: '40000000' },
      { loan_id: ids.b1, debt_group: 4, days_past_due: 110, outstanding_principal: '100000000' },
    ]);
    const [{ months }] = (await t.db.query(`SELECT count(DISTINCT snapshot_date)::int AS months FROM loan_snapshots`)) as Array<{ months: number }>;
    expect(months).toBe(13); // 2025-01-31 … 2026-01-31
    expect(await expectCacheEqualsReplay(t, w)).toBe(3);
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
  });
});
