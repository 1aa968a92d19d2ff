import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays } from '../../src/platform/dates/index.js';
import { Money } from '../../src/platform/money/index.js';
import { MICROFINANCE_POLICY, applyCrossLoanRule, loanGroup, loanProvision } from '../../src/modules/risk/index.js';
import { call, closeUntil, loanWorld, money, reconciliation, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { businessDate, capitalSource, contract, expectCacheEqualsReplay, prng, product } from './close-support.js';

jest.setTimeout(600_000);

const SEED = Number(process.env.CLOSE_REPLAY_SEED ?? 20250102);
const START = '2025-01-02';
const END = '2025-05-10'; // 128 days, four month-ends

interface PlannedLoan {
  id: string;
  amount: bigint;
  tranches: Array<{ date: string; amount: string; done?: boolean }>;
  disbursedOn?: string;
}

/**
 * The close gives the engine's results (domain.md "Close of business"; design.md "Jobs"): a random
 * portfolio (methods, frequencies, tranches, partial, late, backdated and missed repayments,
 * settlements) goes through every close of 128 days via the real BullMQ flows (several chunks a
 * day); then each loan's cache equals a full replay of its events, groups and provisions equal the
 * domain functions, and the ledger reconciles.
 */
describe('close of business equals the engine on a random portfolio', () => {
  let t: TestApp;
  let w: LoanWorld;
  const rnd = prng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const loans: PlannedLoan[] = [];
  let closeSeconds = 0;
  let closeDays = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { CLOSE_CHUNK_SIZE: '7', CLOSE_WORKER_CONCURRENCY: '4', CLOSE_SCHEDULE_ENABLED: 'false', DATABASE_POOL_SIZE: '16' } });
    w = await loanWorld(t, START);
    const risky = await capitalSource(t, w.admin, true);
    const entrusted = await capitalSource(t, w.admin, false);
    const borrowers = [w.borrowerId, ...(await Promise.all([1, 2, 3, 4].map(async () => (await createCooperative(t, w.officer)).id)))];
    const products = [
      { id: await product(t, w.admin, { amortizationMethod: 'EQUAL_PRINCIPAL', maxTranches: 2 }), frequency: 'MONTHLY', terms: [6, 9, 12], tranches: 2 },
      { id: await product(t, w.admin, { amortizationMethod: 'ANNUITY', annualInterestRatePercent: '9.6' }), frequency: 'MONTHLY', terms: [6, 12], tranches: 1 },
      {
        id: await product(t, w.admin, { amortizationMethod: 'BULLET', principalFrequency: 'QUARTERLY', interestFrequency: 'MONTHLY' }),
        frequency: 'QUARTERLY',
        terms: [6, 12],
        tranches: 1,
      },
      {
        id: await product(t, w.admin, {
          amortizationMethod: 'EQUAL_PRINCIPAL',
          principalFrequency: 'QUARTERLY',
          interestFrequency: 'MONTHLY',
          principalGracePeriods: 1,
          maxTranches: 2,
          minTermMonths: 12,
        }),
        frequency: 'QUARTERLY',
        terms: [12, 24],
        tranches: 2,
      },
    ];
    for (let i = 0; i < 40; i += 1) {
      const p = pick(products);
      const amount = BigInt(50 + Math.floor(rnd() * 450)) * 1_000_000n;
      const id = await contract(t, w, {
        borrowerId: pick(borrowers),
        productId: p.id,
        sourceId: rnd() < 0.8 ? risky : entrusted,
        amount: amount.toString(),
        termMonths: pick(p.terms),
        ratePercent: pick(['6', '7.2', '9.6']),
        frequency: p.frequency,
        signingDate: START,
      });
      const first = addDays(START, 1 + Math.floor(rnd() * 18));
      const split = p.tranches > 1 && rnd() < 0.5;
      const tranches = split
        ? [
            { date: first, amount: (amount / 2n).toString() },
            { date: addDays(first, 5 + Math.floor(rnd() * 25)), amount: (amount - amount / 2n).toString() },
          ]
        : [{ date: first, amount: amount.toString() }];
      loans.push({ id, amount, tranches });
    }
  });
  afterAll(async () => t.close());

  const repayRandomly = async (day: string): Promise<void> => {
    for (const loan of loans) {
      if (rnd() > 0.25) continue;
      const valueDate = rnd() < 0.1 ? addDays(day, -1 - Math.floor(rnd() * 4)) : day;
      const status = (await call<{ status: string }>(t, 'GET', `/loans/${loan.id}`, w.officer)).body.status;
      if (status !== 'ACTIVE' || loan.disbursedOn === undefined || valueDate < loan.disbursedOn) continue;
      const quote = await call<{ total: string }>(t, 'GET', `/loans/${loan.id}/payoff?date=${valueDate}`, w.officer);
      if (quote.status !== 200) continue;
      const total = new Money(quote.body.total);
      const settle = rnd() < 0.04 && loan.tranches.every((x) => x.done);
      const amount = settle ? total : total.mul(0.02 + rnd() * 0.2).toDecimalPlaces(0, Money.ROUND_DOWN);
      if (amount.lte(0)) continue;
      const res = await money(t, w, 'repayments', loan.id, amount.toFixed(), valueDate);
      expect([201, 422]).toContain(res.status);
    }
  };

  it('closes 128 days through BullMQ flows while money moves', async () => {
    await closeUntil(t, w, START);
    let day = await businessDate(t, w);
    while (day <= END) {
      for (const loan of loans) {
        for (const tr of loan.tranches.filter((x) => !x.done && x.date <= day)) {
          const res = await money(t, w, 'disbursements', loan.id, tr.amount, day);
          expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
          tr.done = true;
          loan.disbursedOn ??= day;
        }
      }
      await repayRandomly(day);
      const next = addDays(day, 1 + Math.floor(rnd() * 6));
      const started = Date.now();
      await closeUntil(t, w, addDays(next, -1));
      closeSeconds += (Date.now() - started) / 1000;
      closeDays += Math.round((Date.parse(next) - Date.parse(day)) / 86_400_000);
      day = next;
    }
    process.stderr.write(
      `[close-replay] ${closeDays} days closed in ${closeSeconds.toFixed(1)} s (${((closeSeconds / closeDays) * 1000).toFixed(0)} ms/day, 40 loans)\n`,
    );
    expect(closeDays).toBeGreaterThanOrEqual(120);
    const runs = await call<{ items: Array<{ status: string; chunksTotal: number }>; total: number }>(
      t,
      'GET',
      '/close-of-business/runs?pageSize=200',
      w.admin,
    );
    expect(runs.body.total).toBeGreaterThanOrEqual(120);
    expect(runs.body.items.every((r) => r.status === 'SUCCEEDED')).toBe(true);
    expect(Math.max(...runs.body.items.map((r) => r.chunksTotal))).toBeGreaterThan(3);
  });

  it('leaves every loan equal to a full replay of its events, to the last decimal', async () => {
    expect(await expectCacheEqualsReplay(t, w)).toBe(40);
  });

  it('classifies and provisions every loan as the domain functions do, cross-loan rule included', async () => {
    const rows = (await t.db.query(
      `SELECT l.id::text, l.borrower_id::text, l.days_past_due, l.restructuring_count, l.debt_group, l.outstanding_principal, l.specific_provision, l.general_provision, cs.bears_credit_risk
       FROM loans l JOIN capital_sources cs ON cs.id = l.capital_source_id WHERE l.status = 'ACTIVE' ORDER BY l.id`,
    )) as Array<{
      id: string;
      borrower_id: string;
      days_past_due: number;
      restructuring_count: number;
      debt_group: number;
      outstanding_principal: string;
      specific_provision: string;
      general_provision: string;
      bears_credit_risk: boolean;
    }>;
    const groups = applyCrossLoanRule(
      rows.map((r) => ({
        loanId: r.id,
        borrowerId: r.borrower_id,
        group: loanGroup(MICROFINANCE_POLICY, { dpd: r.days_past_due, restructuringCount: r.restructuring_count }).group,
      })),
    );
    rows.forEach((r, i) => {
      const p = loanProvision(MICROFINANCE_POLICY, {
        group: groups[i].group,
        outstanding: new Money(r.outstanding_principal),
        bearsCreditRisk: r.bears_credit_risk,
      });
      expect({ id: r.id, group: r.debt_group, specific: new Money(r.specific_provision).toFixed(), general: new Money(r.general_provision).toFixed() }).toEqual(
        {
          id: r.id,
          group: groups[i].group,
          specific: p.specific.toFixed(),
          general: p.general.toFixed(),
        },
      );
    });
    expect(rows.some((r) => r.debt_group > 1)).toBe(true);
  });

  it('reconciles the ledger and posts month-end provisions and snapshots', async () => {
    expect(await reconciliation(t, w)).toEqual(expect.objectContaining({ mismatches: [], unbalancedTransactions: [] }));
    const snaps = (await t.db.query(`SELECT snapshot_date::text AS d, count(*)::int AS n FROM loan_snapshots GROUP BY 1 ORDER BY 1`)) as Array<{
      d: string;
      n: number;
    }>;
    expect(snaps.map((s) => s.d)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
    expect(snaps[3].n).toBeGreaterThan(30);
    const [prov] = (await t.db.query(
      `SELECT (SELECT coalesce(-sum(amount), 0) FROM journal_entries WHERE account = 'PROVISION_SPECIFIC' AND value_date <= '2025-04-30')::text AS ledger,
              (SELECT sum(specific_provision) FROM loan_snapshots WHERE snapshot_date = '2025-04-30')::text AS snapshot`,
    )) as Array<{ ledger: string; snapshot: string }>;
    expect(new Money(prov.ledger).toFixed()).toBe(new Money(prov.snapshot).toFixed());
  });
});
