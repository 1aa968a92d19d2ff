import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type Row, writeBook } from '../../bench/former-fund-book.js';
import { addDays } from '../../src/platform/dates/index.js';
import { uploadBook, waitCommitted } from '../support/book-import-client.js';
import { call, closeUntil, contractedLoan, type LoanWorld, loanWorld, money } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface History {
  amount: number;
  termMonths: number;
  disburseAfter: number;
  repayments: Array<{ after: number; amount: number }>;
}
interface LoanView {
  outstandingPrincipal: string;
  accruedInterest: string;
  billedUnpaidInterest: string;
  overduePrincipal: string;
  overdueInterest: string;
  lateInterest: string;
  daysPastDue: number;
  nextDueDate: string | null;
  nextDueAmount: string | null;
  principalDisbursed: string;
  status: string;
}

const START = '2025-01-02';
const END = '2025-05-30';
const RATE = '7.2';
/** Few runs: each history is lived day by day through the API (closes included), then imported. */
const RUNS = 3;

const history: fc.Arbitrary<History> = fc.record({
  amount: fc.integer({ min: 30, max: 200 }).map((n) => n * 10_000_000),
  termMonths: fc.constantFrom(6, 12),
  disburseAfter: fc.integer({ min: 3, max: 20 }),
  repayments: fc.array(fc.record({ after: fc.integer({ min: 1, max: 125 }), amount: fc.integer({ min: 1, max: 30 }).map((n) => n * 1_000_000 + 12_345) }), {
    maxLength: 5,
  }),
});

/**
 * A loan's history replayed by the book import gives the same schedule and balances as the same
 * loan entered through the API day by day (README "Bringing in an existing loan book": the same
 * engine and the same close). Histories are generated (fast-check); each is lived through the API
 * from START to END, then the same contract, disbursement and repayments are imported as a
 * workbook, and both loans are compared field by field.
 */
describe('book import replay = the API day by day (property)', () => {
  let t: TestApp;
  let w: LoanWorld;
  const samples = fc.sample(history, { numRuns: RUNS, seed: 23 });
  const live: string[] = [];
  let imported: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(
      t,
      START,
      {
        annualInterestRatePercent: RATE,
        principalFrequency: 'MONTHLY',
        interestFrequency: 'MONTHLY',
        principalGracePeriods: 0,
        minTermMonths: 3,
        maxTermMonths: 24,
      },
      '100000000000',
    );
    const events = samples
      .flatMap((h, i) => {
        const disbursed = addDays(START, h.disburseAfter);
        return [
          { date: disbursed, loan: i, kind: 'disbursements' as const, amount: String(h.amount) },
          ...h.repayments
            .map((r) => ({ date: addDays(disbursed, r.after), loan: i, kind: 'repayments' as const, amount: String(r.amount) }))
            .filter((e) => e.date <= END),
        ];
      })
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? a.loan - b.loan : a.kind === 'disbursements' ? -1 : 1));
    for (const h of samples) {
      live.push(
        await contractedLoan(t, w, { amount: String(h.amount), termMonths: h.termMonths, ratePercent: RATE, creditReportDate: START, signingDate: START }),
      );
    }
    let business = START;
    for (const e of events) {
      if (e.date > business) {
        await closeUntil(t, w, addDays(e.date, -1));
        business = e.date;
      }
      const res = await money(t, w, e.kind, live[e.loan], e.amount, e.date);
      expect(res.status).toBe(201);
    }
    await closeUntil(t, w, END);
    const borrower = (await call<{ identityCode: string }>(t, 'GET', `/borrowers/${w.borrowerId}`, w.officer)).body;
    const product = (await call<{ code: string }>(t, 'GET', `/loan-products/${w.productId}`, w.officer)).body;
    const source = (await call<{ name: string }>(t, 'GET', `/capital-sources/${w.capitalSourceId}`, w.officer)).body;
    const loans: Row[] = samples.map((h, i) => ({
      ref: `P-${i}`,
      borrowerRef: borrower.identityCode,
      productCode: product.code,
      capitalSource: source.name,
      sectorCode: 'A',
      purpose: 'Vốn lưu động',
      signingDate: START,
      amount: h.amount,
      ratePercent: Number(RATE),
      termMonths: h.termMonths,
      frequency: 'MONTHLY',
      mode: 'HISTORY',
    }));
    const byKind = (kind: string): Row[] =>
      events.filter((e) => e.kind === kind).map((e) => ({ loanRef: `P-${e.loan}`, date: e.date, amount: Number(e.amount) }));
    const book = await writeBook({ Loans: loans, Disbursements: byKind('disbursements'), Repayments: byKind('repayments') });
    const up = await uploadBook<{ id: string; status: string; errors: unknown[] }>(t, w.officer, book);
    expect(up.body.errors).toEqual([]);
    expect(up.body.status).toBe('READY');
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/submit`, w.officer)).status).toBe(200);
    expect((await call(t, 'POST', `/book-imports/${up.body.id}/approve`, w.approver, undefined, { 'idempotency-key': `approve-${up.body.id}-x` })).status).toBe(
      202,
    );
    expect(await waitCommitted(t, w.auditor, up.body.id)).toMatchObject({ status: 'COMMITTED' });
    const result = (await call<{ loans: Array<{ ref: string; id: string }> }>(t, 'GET', `/book-imports/${up.body.id}/result`, w.auditor)).body;
    imported = new Map(result.loans.map((l) => [l.ref, l.id]));
  }, 900_000);
  afterAll(async () => t?.close());

  it.each(samples.map((h, i) => [i, h] as const))('history %i gives the same balances and schedule both ways', async (i) => {
    const a = (await call<LoanView>(t, 'GET', `/loans/${live[i]}`, w.auditor)).body;
    const b = (await call<LoanView>(t, 'GET', `/loans/${imported.get(`P-${i}`)}`, w.auditor)).body;
    const pick = (l: LoanView): Partial<LoanView> => ({
      outstandingPrincipal: l.outstandingPrincipal,
      accruedInterest: l.accruedInterest,
      billedUnpaidInterest: l.billedUnpaidInterest,
      overduePrincipal: l.overduePrincipal,
      overdueInterest: l.overdueInterest,
      lateInterest: l.lateInterest,
      daysPastDue: l.daysPastDue,
      nextDueDate: l.nextDueDate,
      nextDueAmount: l.nextDueAmount,
      principalDisbursed: l.principalDisbursed,
      status: l.status,
    });
    expect(pick(b)).toEqual(pick(a));
    const sa = (await call<unknown[]>(t, 'GET', `/loans/${live[i]}/schedule`, w.auditor)).body;
    const sb = (await call<unknown[]>(t, 'GET', `/loans/${imported.get(`P-${i}`)}/schedule`, w.auditor)).body;
    expect(sb).toEqual(sa);
  });
});
