import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays } from '../../src/platform/dates/index.js';
import { Money } from '../../src/platform/money/index.js';
import { type LoanRow, LOAN_COLUMNS, loanEngine, loanStore, termsOf } from '../../src/modules/loans/index.js';
import { call, type LoanWorld } from '../support/loan-factories.js';
import { applicationBody, applicationUnderAppraisal } from '../support/origination-factories.js';
import type { TestApp } from '../support/test-app.js';

/** A deterministic PRNG (mulberry32) so a failing portfolio can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function capitalSource(t: TestApp, admin: string, bearsCreditRisk: boolean, capital = '900000000000'): Promise<string> {
  const s = await call<{ id: string }>(t, 'POST', '/capital-sources', admin, {
    name: `Nguồn ${randomUUID().slice(0, 8)}`,
    kind: bearsCreditRisk ? 'CHARTER_CAPITAL' : 'ENTRUSTED_BUDGET',
    bearsCreditRisk,
  });
  if (s.status !== 201) throw new Error(`source: ${JSON.stringify(s.body)}`);
  const m = await call(
    t,
    'POST',
    `/capital-sources/${s.body.id}/movements`,
    admin,
    { kind: 'ALLOCATION', movementDate: '2020-01-05', reference: 'QĐ 2/QĐ-UBND', amount: capital },
    { 'idempotency-key': randomUUID() },
  );
  if (m.status !== 201) throw new Error(`movement: ${JSON.stringify(m.body)}`);
  return s.body.id;
}

export async function product(t: TestApp, admin: string, o: Record<string, unknown>): Promise<string> {
  const p = await call<{ id: string }>(t, 'POST', '/loan-products', admin, {
    code: `P-${randomUUID().slice(0, 6).toUpperCase()}`,
    name: 'Cho vay thử nghiệm chốt ngày',
    minAmount: '10000000',
    maxAmount: '5000000000',
    minTermMonths: 3,
    maxTermMonths: 60,
    annualInterestRatePercent: '9.6',
    principalFrequency: 'MONTHLY',
    interestFrequency: 'MONTHLY',
    principalGracePeriods: 0,
    allowedBorrowerTypes: ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'],
    allowedSectors: [],
    collateralRequired: false,
    // The expected figures keep due dates on days off (docs/working-days.md: NONE).
    businessDayRule: 'NONE',
    ...o,
  });
  if (p.status !== 201) throw new Error(`product: ${JSON.stringify(p.body)}`);
  return p.body.id;
}

export interface LoanSpec {
  borrowerId: string;
  productId: string;
  sourceId: string;
  amount: string;
  termMonths: number;
  ratePercent: string;
  frequency: string;
  signingDate: string;
}

export async function contract(t: TestApp, w: LoanWorld, s: LoanSpec): Promise<string> {
  const body = applicationBody(s.borrowerId, s.productId, s.sourceId, {
    requestedAmount: s.amount,
    termMonths: s.termMonths,
    repaymentFrequency: s.frequency,
    totalInvestment: String(BigInt(s.amount) * 2n),
    ownContribution: s.amount,
    creditReportDate: s.signingDate,
  });
  const appId = await applicationUnderAppraisal(t, { officer: w.officer, appraiser: w.appraiser, approver: w.approver }, body);
  const ok = await call(t, 'POST', `/loan-applications/${appId}/approve`, w.approver, {
    approvedAmount: s.amount,
    approvedTermMonths: s.termMonths,
    approvedRatePercent: s.ratePercent,
  });
  if (ok.status !== 200) throw new Error(`approve: ${JSON.stringify(ok.body)}`);
  const c = await call<{ id: string }>(t, 'POST', `/loan-applications/${appId}/contract`, w.officer, { signingDate: s.signingDate });
  if (c.status !== 201) throw new Error(`contract: ${JSON.stringify(c.body)}`);
  return c.body.id;
}

export async function businessDate(t: TestApp, w: LoanWorld): Promise<string> {
  return (await call<{ businessDate: string }>(t, 'GET', '/business-date', w.officer)).body.businessDate;
}

const n = (v: Money | null): string | null => (v === null ? null : new Money(v).toFixed());

function serial(s: loanEngine.LoanState): Record<string, unknown> {
  return {
    disbursed: n(s.disbursedPrincipal),
    outstanding: n(s.outstandingPrincipal),
    prepaid: n(s.prepaidPrincipal),
    numerator: n(s.periodInterestNumerator),
    periodPaid: n(s.periodInterestPaid),
    lastClosed: s.lastClosedDate,
    installments: s.installments.map((i) => ({
      seq: i.seq,
      due: i.dueDate,
      billed: i.billed,
      principal: n(i.principalDue),
      interest: n(i.interestDue),
      principalPaid: n(i.principalPaid),
      interestPaid: n(i.interestPaid),
      overdueNum: n(i.overdueInterestNumerator),
      lateNum: n(i.lateInterestNumerator),
      overduePaid: n(i.overdueInterestPaid),
      latePaid: n(i.lateInterestPaid),
    })),
  };
}

/**
 * Every disbursed loan's cached state (loan row + installments, and DPD) equals the engine's
 * replay of its events to the open day, to the last decimal of every numerator.
 */
export async function expectCacheEqualsReplay(t: TestApp, w: LoanWorld): Promise<number> {
  const lastClosed = addDays(await businessDate(t, w), -1);
  const rows = (await t.db.query(`SELECT ${LOAN_COLUMNS} FROM loans l WHERE l.status <> 'PENDING_DISBURSEMENT' ORDER BY l.id`)) as LoanRow[];
  for (const row of rows) {
    const cached = await loanStore.state(t.db.manager, row);
    if (!cached) throw new Error(`loan ${row.id} has no state`);
    const asOf = row.status === 'ACTIVE' ? lastClosed : (row.last_closed_date as string);
    const replayed = loanEngine.replayToOpenDay(termsOf(row) as loanEngine.LoanTerms, await loanStore.events(t.db.manager, row.id), asOf).state;
    expect({ loan: row.id, ...serial(cached) }).toEqual({ loan: row.id, ...serial(replayed) });
    if (row.status === 'ACTIVE') expect({ loan: row.id, dpd: row.days_past_due }).toEqual({ loan: row.id, dpd: loanEngine.daysPastDue(replayed, asOf) });
  }
  return rows.length;
}

/** n loans of 100–300 million on `borrowers` cooperatives (monthly, equal principal, 12 months), disbursed on `start`. */
export async function smallPortfolio(t: TestApp, w: LoanWorld, start: string, n: number, borrowers: number): Promise<string[]> {
  const { createCooperative } = await import('../support/origination-factories.js');
  const source = await capitalSource(t, w.admin, true);
  const productId = await product(t, w.admin, { amortizationMethod: 'EQUAL_PRINCIPAL' });
  const owners = [w.borrowerId];
  while (owners.length < borrowers) owners.push((await createCooperative(t, w.officer)).id);
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const amount = String((100 + ((i * 37) % 200)) * 1_000_000);
    const id = await contract(t, w, {
      borrowerId: owners[i % owners.length],
      productId,
      sourceId: source,
      amount,
      termMonths: 12,
      ratePercent: '7.2',
      frequency: 'MONTHLY',
      signingDate: start,
    });
    const res = await call(
      t,
      'POST',
      `/loans/${id}/disbursements`,
      w.officer,
      { amount, valueDate: start, reference: `GN-${i}`, channel: 'BANK_TRANSFER' },
      { 'idempotency-key': randomUUID() },
    );
    if (res.status !== 201) throw new Error(`disburse: ${JSON.stringify(res.body)}`);
    ids.push(id);
  }
  return ids;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the business date is past `until` (the close is asynchronous with ?wait=false). */
export async function waitForBusinessDate(t: TestApp, w: LoanWorld, after: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await businessDate(t, w)) <= after) {
    if (Date.now() > deadline) throw new Error(`business date still ≤ ${after}`);
    await sleep(100);
  }
}
