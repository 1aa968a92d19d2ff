import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FORMER_FUND_PRODUCT, type FormerFundBook, formerFundBook } from '../../bench/former-fund-book.js';
import { Money } from '../../src/platform/money/index.js';
import { uploadBook, waitCommitted as waitFor } from '../support/book-import-client.js';
import { adminToken } from '../support/factories.js';
import { call, closeUntil, contractedLoan, type LoanWorld, loanWorld, money } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface ImportDto {
  id: string;
  status: string;
  errors: Array<{ sheet: string; row: number; column: string; rule: string; message: string }>;
  summary: { counts: Record<string, number>; cutOverDate: string | null };
}
type Keys = Record<string, Record<string, string | null>>;
interface Report {
  source: string;
  rows: Array<{ keys: Keys; outstanding: string; overduePrincipal: string; loanCount: number }>;
  totals: { outstanding: string; overduePrincipal: string; loanCount: number };
}
interface LoanItem {
  loanId: string;
  contractNumber: string;
  status: string;
  outstanding: string;
  overduePrincipal: string;
  overdueInterest: string;
  daysPastDue: number;
  debtGroup: number;
}

const BUSINESS_DATE = '2025-12-05';
const SOURCES = ['Vốn Quỹ HTX Bắc Kạn chuyển về', 'Vốn ngân sách Bắc Kạn ủy thác'];
const ORIGIN = 'Quỹ HTX Bắc Kạn';

/**
 * A former fund's book brought in as opening positions at a cut-over date (docs/book-import.md
 * "Opening positions"), on real PostgreSQL and Redis: the loans continue from the stated state, the
 * ledger receives the opening balances, and the close carries them on like any loan.
 */
describe('loan book import: opening positions at a cut-over date', () => {
  let t: TestApp;
  let w: LoanWorld;
  let book: FormerFundBook;
  let cutOver: string;
  let ids: Map<string, string>;
  let ownLoanId: string;

  const sumBy = <K extends string>(key: (o: FormerFundBook['openings'][number]) => K): Map<K, Money> => {
    const out = new Map<K, Money>();
    for (const o of book.openings) out.set(key(o), (out.get(key(o)) ?? new Money(0)).plus(o.outstanding));
    return out;
  };
  const report = async (asOf: string, groupBy: string): Promise<Report> => {
    const res = await call<Report>(t, 'GET', `/reports/portfolio?asOf=${asOf}&groupBy=${groupBy}`, w.auditor);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, BUSINESS_DATE, { ...FORMER_FUND_PRODUCT }, '500000000000');
    const admin = await adminToken(t);
    for (const name of SOURCES) {
      const source = await call<{ id: string }>(t, 'POST', '/capital-sources', admin, { name, kind: 'ENTRUSTED_BUDGET', bearsCreditRisk: true });
      await call(
        t,
        'POST',
        `/capital-sources/${source.body.id}/movements`,
        admin,
        { kind: 'ALLOCATION', movementDate: '2019-01-02', reference: 'QĐ sáp nhập', amount: '500000000000' },
        { 'idempotency-key': randomUUID() },
      );
    }
    const communes = (await call<Array<{ code: string }>>(t, 'GET', '/reference/communes?provinceCode=19', w.officer)).body.map((c) => c.code);
    book = await formerFundBook({
      businessDate: BUSINESS_DATE,
      capitalSources: SOURCES,
      communes,
      loans: 30,
      bad: false,
      openingShare: 1,
      oldAddresses: false,
      reconciliationDifferences: 0,
      seed: 23,
    });
    cutOver = book.openings[0].cutOverDate;
  }, 120_000);
  afterAll(async () => t?.close());

  it('the generated book is all opening positions, some overdue, some repaid before the cut-over', () => {
    expect(book.history).toEqual([]);
    expect(book.openings.length).toBeGreaterThan(15);
    expect(book.openings.some((o) => o.dpd > 0 && new Money(o.overduePrincipal).gt(0))).toBe(true);
    expect(book.openings.some((o) => o.dpd === 0 && new Money(o.outstanding).gt(0))).toBe(true);
  });

  it('commits the opening positions through submit, four eyes and the job', async () => {
    const up = await uploadBook<ImportDto>(t, w.officer, book.buffer, ORIGIN);
    expect(up.status).toBe(201);
    expect(up.body.errors).toEqual([]);
    expect(up.body).toMatchObject({
      status: 'READY',
      summary: { cutOverDate: cutOver, counts: { openingPositions: book.openings.length, loansWithHistory: 0 } },
    });
    const submitted = await call<ImportDto>(t, 'POST', `/book-imports/${up.body.id}/submit`, w.officer);
    expect(submitted.status).toBe(200);
    const approved = await call(t, 'POST', `/book-imports/${up.body.id}/approve`, w.approver, undefined, { 'idempotency-key': randomUUID() });
    expect(approved.status).toBe(202);
    expect(await waitFor(t, w.auditor, up.body.id)).toMatchObject({ status: 'COMMITTED', failure: null, percent: 100 });
    const result = (
      await call<{ loans: Array<{ ref: string; id: string }>; openingJournalId: string | null; auditEventId: string | null }>(
        t,
        'GET',
        `/book-imports/${up.body.id}/result`,
        w.auditor,
      )
    ).body;
    expect(result.loans).toHaveLength(book.openings.length);
    expect(result.openingJournalId).not.toBeNull();
    expect(result.auditEventId).not.toBeNull();
    ids = new Map(result.loans.map((l) => [l.ref, l.id]));
  }, 600_000);

  it('gives each opened loan the file’s outstanding, overdue and DPD on the cut-over date, and its debt group until the close', async () => {
    const list = await call<{ items: LoanItem[]; source: string }>(t, 'GET', `/reports/loans?asOf=${cutOver}&pageSize=100`, w.auditor);
    expect(list.status).toBe(200);
    const byId = new Map(list.body.items.map((i) => [i.loanId, i]));
    for (const o of book.openings) {
      const item = byId.get(ids.get(o.ref) as string);
      expect({
        ref: o.ref,
        outstanding: item?.outstanding,
        overduePrincipal: item?.overduePrincipal,
        overdueInterest: item?.overdueInterest,
        dpd: item?.daysPastDue,
      }).toEqual({
        ref: o.ref,
        outstanding: o.outstanding,
        overduePrincipal: o.overduePrincipal,
        overdueInterest: o.overdueInterest,
        dpd: o.dpd,
      });
    }
    for (const o of book.openings) {
      const loan = (
        await call<{ status: string; outstandingPrincipal: string; debtGroup: number; origin: string | null }>(t, 'GET', `/loans/${ids.get(o.ref)}`, w.auditor)
      ).body;
      // Nothing was repaid after the cut-over: the principal stands; the old book's group is the loan's until the next close.
      expect({ ref: o.ref, outstanding: loan.outstandingPrincipal, group: loan.debtGroup, origin: loan.origin }).toEqual({
        ref: o.ref,
        outstanding: o.outstanding,
        group: o.debtGroup,
        origin: ORIGIN,
      });
      expect(loan.status).toBe(
        new Money(o.outstanding).isZero() && new Money(o.overdueInterest).isZero() && new Money(o.accruedInterest).isZero() ? 'CLOSED' : 'ACTIVE',
      );
    }
  });

  it('posts the opening balances against OPENING_BALANCE, balanced, valued on the cut-over date', async () => {
    const tb = (
      await call<{ totalBalance: string; accounts: Array<{ account: string; balance: string }> }>(t, 'GET', `/ledger/trial-balance?asOf=${cutOver}`, w.auditor)
    ).body;
    expect(tb.totalBalance).toBe('0');
    const balance = (a: string): Money => new Money(tb.accounts.find((x) => x.account === a)?.balance ?? '0');
    const outstanding = book.openings.reduce((s, o) => s.plus(o.outstanding), new Money(0));
    const interest = book.openings.reduce((s, o) => s.plus(o.overdueInterest).plus(o.accruedInterest), new Money(0));
    expect(balance('PRINCIPAL_RECEIVABLE').toFixed()).toBe(outstanding.toFixed());
    expect(balance('INTEREST_RECEIVABLE').toFixed()).toBe(interest.toFixed());
    expect(balance('OPENING_BALANCE').toFixed()).toBe(outstanding.plus(interest).neg().toFixed());
  });

  it('the close carries the opened loans on: the reconciliation is clean, the trial balance balances, the audit chain verifies', async () => {
    // The fund's own book beside the imported one: a loan disbursed through the API on the business date.
    ownLoanId = await contractedLoan(t, w, {
      amount: '100000000',
      termMonths: 12,
      ratePercent: '7.2',
      frequency: 'QUARTERLY',
      creditReportDate: BUSINESS_DATE,
      signingDate: BUSINESS_DATE,
    });
    expect((await money(t, w, 'disbursements', ownLoanId, '100000000', BUSINESS_DATE)).status).toBe(201);
    await closeUntil(t, w, BUSINESS_DATE);
    const rec = await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', '/ledger/reconciliation', w.auditor);
    expect(rec.body).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
    // As of the cut-over too: each loan's principal by its events (the opening position) equals the ledger's.
    const asOf = await call<{ loansChecked: number; mismatches: unknown[]; unbalancedTransactions: unknown[]; ledgerPrincipal: string }>(
      t,
      'GET',
      `/reports/reconciliation?asOf=${cutOver}`,
      w.auditor,
    );
    expect(asOf.body).toMatchObject({ loansChecked: book.openings.length, mismatches: [], unbalancedTransactions: [] });
    expect(asOf.body.ledgerPrincipal).toBe(book.openings.reduce((s, o) => s.plus(o.outstanding), new Money(0)).toFixed());
    const tb = (await call<{ totalBalance: string }>(t, 'GET', `/ledger/trial-balance?asOf=${BUSINESS_DATE}`, w.auditor)).body;
    expect(tb.totalBalance).toBe('0');
    expect((await call<{ ok: boolean }>(t, 'GET', '/audit-events/verify', w.auditor)).body.ok).toBe(true);
    // The close accrued, billed and aged them as any loan: an overdue loan's DPD grew by the days since the cut-over.
    const days = (Date.parse(BUSINESS_DATE) - Date.parse(cutOver)) / 86_400_000;
    const late = book.openings.find((o) => o.dpd > 0 && new Money(o.overduePrincipal).gt(0)) as FormerFundBook['openings'][number];
    const loan = (await call<{ daysPastDue: number; debtGroup: number; overdueInterest: string }>(t, 'GET', `/loans/${ids.get(late.ref)}`, w.auditor)).body;
    expect(loan.daysPastDue).toBe(late.dpd + days);
    expect(new Money(loan.overdueInterest).gt(0)).toBe(true);
    const dpd = late.dpd + days;
    expect(loan.debtGroup).toBe(dpd > 360 ? 5 : dpd > 180 ? 4 : dpd > 90 ? 3 : dpd >= 10 ? 2 : 1);
  }, 600_000);

  it('the portfolio report as of the cut-over matches the workbook by sector, capital source and origin', async () => {
    const bySector = await report(cutOver, 'sector');
    for (const [code, outstanding] of sumBy((o) => o.sectorCode))
      expect({ code, outstanding: bySector.rows.find((r) => r.keys.sector.code === code)?.outstanding }).toEqual({ code, outstanding: outstanding.toFixed() });
    const bySource = await report(cutOver, 'capitalSource');
    for (const [name, outstanding] of sumBy((o) => o.capitalSource))
      expect({ name, outstanding: bySource.rows.find((r) => r.keys.capitalSource.name === name)?.outstanding }).toEqual({
        name,
        outstanding: outstanding.toFixed(),
      });
    const total = book.openings.reduce((s, o) => s.plus(o.outstanding), new Money(0));
    const byOrigin = await report(cutOver, 'origin');
    expect(byOrigin.rows.map((r) => ({ origin: r.keys.origin.code, outstanding: r.outstanding }))).toEqual([{ origin: ORIGIN, outstanding: total.toFixed() }]);
    const overdue = book.openings.reduce((s, o) => s.plus(o.overduePrincipal), new Money(0));
    expect(byOrigin.totals.overduePrincipal).toBe(overdue.toFixed());
  });

  it('takes repayments on an opened loan like any other: a part, then the payoff, and the books still reconcile', async () => {
    const late = book.openings.find((o) => o.dpd > 0 && new Money(o.overduePrincipal).gt(0)) as FormerFundBook['openings'][number];
    const id = ids.get(late.ref) as string;
    const next = (await call<{ businessDate: string }>(t, 'GET', '/business-date', w.auditor)).body.businessDate;
    const part = await money(t, w, 'repayments', id, '1000000', next);
    expect(part.status).toBe(201);
    const payoff = (await call<{ total: string }>(t, 'GET', `/loans/${id}/payoff?date=${next}`, w.auditor)).body;
    const settled = await money(t, w, 'repayments', id, payoff.total, next);
    expect(settled.status).toBe(201);
    const loan = (await call<{ status: string; outstandingPrincipal: string }>(t, 'GET', `/loans/${id}`, w.auditor)).body;
    expect(loan).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0' });
    const rec = await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[] }>(t, 'GET', '/ledger/reconciliation', w.auditor);
    expect(rec.body).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
    // What the position brought stays in the report as of the cut-over: the payment is valued later.
    const asOfCut = await report(cutOver, 'origin');
    expect(asOfCut.totals.outstanding).toBe(book.openings.reduce((a, o) => a.plus(o.outstanding), new Money(0)).toFixed());
  });

  it('reports both books apart and together by origin after the close', async () => {
    // As of the business date (closed): the payments above are valued the day after, so the imported book is as the file stated it.
    const byOrigin = await report(BUSINESS_DATE, 'origin');
    const imported = book.openings.reduce((s, o) => s.plus(o.outstanding), new Money(0));
    expect(byOrigin.rows.map((r) => ({ origin: r.keys.origin.code, outstanding: r.outstanding }))).toEqual([
      { origin: ORIGIN, outstanding: imported.toFixed() },
      { origin: null, outstanding: '100000000' },
    ]);
    expect(byOrigin.totals.outstanding).toBe(imported.plus(100_000_000).toFixed());
    const crossed = await call<Report>(t, 'GET', `/reports/portfolio?asOf=${BUSINESS_DATE}&groupBy=origin&groupBy=capitalSource`, w.auditor);
    expect(crossed.status).toBe(200);
    expect(
      crossed.body.rows
        .filter((r) => r.keys.origin.code === ORIGIN)
        .map((r) => r.keys.capitalSource.name)
        .sort(),
    ).toEqual([...SOURCES].sort());
  });
});
