import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Money, formatFraction } from '../../src/platform/money/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { applicationBody, applicationUnderAppraisal, createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pdfText, replayTotals } from './report-helpers.js';

interface Figures {
  loanCount: number;
  outstandingLoanCount: number;
  turnover: string;
  principalCollected: string;
  interestCollected: string;
  outstanding: string;
  overduePrincipal: string;
  overdueInterest: string;
  penaltyInterest: string;
  badDebt: string;
  par30: string;
  par90: string;
  badDebtRatio: string;
}
interface Row extends Figures {
  keys: Record<string, Record<string, string>>;
  shareOfOutstanding: { exact: string; display: string };
  shareOfTurnover: { exact: string; display: string };
}
interface Portfolio {
  asOf: string;
  source: string;
  shareMethod: { method: string; decimals: number; exactDecimals: number };
  rows: Row[];
  totals: Figures;
}
interface Inst {
  seq: number;
  dueDate: string;
  principal: string;
  interest: string;
  principalPaid: string;
  interestPaid: string;
}

/**
 * A small portfolio through a year of real closes: on-time payers in three sectors, one loan that
 * stops paying (overdue into bad debt) and one that pays a month late with penalties. Reports for
 * the last closed day, a month-end and ordinary past days must equal an engine replay of every loan.
 */
describe('portfolio reports', () => {
  let t: TestApp;
  let w: LoanWorld;
  let coopToken: string;
  const loans: Record<string, string> = {};

  const contract = async (borrowerId: string, sector: string, amount: string, term: number): Promise<string> => {
    const body = applicationBody(borrowerId, w.productId, w.capitalSourceId, {
      requestedAmount: amount,
      termMonths: term,
      repaymentFrequency: 'MONTHLY',
      totalInvestment: String(BigInt(amount) * 2n),
      ownContribution: amount,
      creditReportDate: '2025-01-05',
      sectorCode: sector,
    });
    const appId = await applicationUnderAppraisal(t, { officer: w.officer, appraiser: w.appraiser, approver: w.approver }, body);
    const ok = await call(t, 'POST', `/loan-applications/${appId}/approve`, w.approver, {
      approvedAmount: amount,
      approvedTermMonths: term,
      approvedRatePercent: '7.2',
    });
    expect(ok.status).toBe(200);
    const c = await call<{ id: string }>(t, 'POST', `/loan-applications/${appId}/contract`, w.officer, { signingDate: '2025-01-08' });
    expect(c.status).toBe(201);
    return c.body.id;
  };
  const installment = async (id: string, seq: number): Promise<Inst> => (await call<Inst[]>(t, 'GET', `/loans/${id}/schedule`, w.officer)).body[seq - 1];
  const payInstallment = async (id: string, seq: number, date: string): Promise<void> => {
    const i = await installment(id, seq);
    const amount = new Money(i.principal).minus(i.principalPaid).plus(i.interest).minus(i.interestPaid);
    const res = await money(t, w, 'repayments', id, amount.toFixed(), date);
    expect(res.status).toBe(201);
  };
  const portfolio = async (query: string, token = w.auditor): Promise<Portfolio> => {
    const res = await call<Portfolio>(t, 'GET', `/reports/portfolio?${query}`, token);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_EXPORT_ASYNC_ROWS: '3', REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    w = await loanWorld(t, '2025-01-01', {
      annualInterestRatePercent: '7.2',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
    });
    const agri = await createCooperative(t, w.officer, { sectorCode: 'A', communeCode: '05503' });
    const tea = await createCooperative(t, w.officer, { sectorCode: 'C', communeCode: '05488' });
    const shop = await createCooperative(t, w.officer, { sectorCode: 'G', communeCode: '05830' });
    loans.agri = await contract(agri.id, 'A', '600000000', 12);
    loans.agri2 = await contract(agri.id, 'A', '300000000', 24);
    loans.tea = await contract(tea.id, 'C', '240000000', 12);
    loans.shop = await contract(shop.id, 'G', '120000000', 12);
    loans.late = await contract(tea.id, 'C', '90000000', 6);
    coopToken = (await userWithRoles(t, w.admin, ['COOPERATIVE'], agri.id)).token;
    await closeUntil(t, w, '2025-01-09');
    for (const id of Object.values(loans))
      expect(
        (
          await money(
            t,
            w,
            'disbursements',
            id,
            (await call<{ approvedAmount: string }>(t, 'GET', `/loans/${id}`, w.officer)).body.approvedAmount,
            '2025-01-10',
          )
        ).status,
      ).toBe(201);
    for (let m = 2; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const seq = m - 1;
      await closeUntil(t, w, `2025-${mm}-09`);
      for (const key of ['agri', 'agri2', 'tea']) await payInstallment(loans[key], seq, `2025-${mm}-10`);
      if (seq <= 3) await payInstallment(loans.shop, seq, `2025-${mm}-10`); // then it stops paying
      if (seq <= 6 && seq !== 3) await payInstallment(loans.late, seq, `2025-${mm}-10`);
      // A backdated partial repayment into August, booked after the month-end close snapshotted it.
      if (m === 9) expect((await money(t, w, 'repayments', loans.shop, '10000000', '2025-08-29')).status).toBe(201);
      if (seq === 3) {
        // Installment 3 of "late" is paid 15 days late with its penalties (domain.md "Overdue").
        await closeUntil(t, w, `2025-${mm}-24`);
        const q = (await call<Record<string, string>>(t, 'GET', `/loans/${loans.late}/payoff?date=2025-${mm}-25`, w.officer)).body;
        const amount = new Money(q.duePrincipal).plus(q.billedInterest).plus(q.overdueInterest).plus(q.lateInterest);
        expect((await money(t, w, 'repayments', loans.late, amount.toFixed(), `2025-${mm}-25`)).status).toBe(201);
      }
    }
    await closeUntil(t, w, '2025-12-31');
  }, 600_000);
  afterAll(async () => t?.close());

  it.each(['2025-12-31', '2025-08-31', '2025-06-20', '2025-04-24', '2025-04-10', '2025-02-28'])(
    'as of %s the report equals an engine replay of every loan',
    async (asOf) => {
      const r = await portfolio(`asOf=${asOf}&from=2025-01-01&to=${asOf}`);
      const replay = await replayTotals(t, asOf);
      expect(r.totals).toMatchObject({
        outstanding: replay.outstanding,
        overduePrincipal: replay.overduePrincipal,
        overdueInterest: replay.overdueInterest,
        penaltyInterest: replay.penaltyInterest,
        outstandingLoanCount: replay.outstandingLoans,
        turnover: '1350000000',
        loanCount: 5,
      });
      // Ratios are fractions rounded half-up to 6 places (platform/money formatFraction).
      const outstanding = new Money(replay.outstanding);
      expect(r.totals.par30).toBe(formatFraction(outstanding.isZero() ? 0 : new Money(replay.par30Amount).div(outstanding)));
      for (const f of [r.totals.par30, r.totals.par90, r.totals.badDebtRatio]) expect(f).toMatch(/^[01]\.\d{6}$/);
      if (asOf === '2025-12-31') expect(r.source).toMatch(/LIVE|SNAPSHOT/);
      if (asOf === '2025-06-20') expect(r.source).toBe('RECONSTRUCTED');
      // A month-end the close snapshotted is read from loan_snapshots, unless something was booked
      // into it later (the backdated August repayment): then it is reconstructed.
      const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM loan_snapshots WHERE snapshot_date = $1`, [asOf])) as Array<{ n: number }>;
      if (n > 0 && asOf === '2025-02-28') expect(r.source).toBe('SNAPSHOT');
      if (asOf === '2025-08-31') expect(r.source).toBe('RECONSTRUCTED');
    },
  );

  it('catches the late payer’s penalties mid-month and the stopped loan in bad debt at year end', async () => {
    const april = await portfolio('asOf=2025-04-24');
    expect(new Money(april.totals.penaltyInterest).gt(0)).toBe(true);
    const dec = await portfolio('asOf=2025-12-31&groupBy=debtGroup');
    const bad = dec.rows.filter((row) => Number(row.keys.debtGroup.code) >= 3);
    expect(bad.length).toBeGreaterThan(0);
    expect(dec.totals.badDebt).not.toBe('0');
  });

  it('gives sector rows with VSIC code, version and names; shares are exact and shown ones add to exactly 100.0', async () => {
    const r = await portfolio('asOf=2025-06-30&from=2025-01-01');
    expect(r.shareMethod.method).toBe('LARGEST_REMAINDER');
    const a = r.rows.find((row) => row.keys.sector.code === 'A');
    expect(a?.keys.sector).toEqual({
      code: 'A',
      classificationVersion: 'VSIC2018',
      nameVi: 'Nông nghiệp, lâm nghiệp và thủy sản',
      nameEn: 'Agriculture, forestry and fishing',
    });
    const sum = (f: (x: Row) => string): string => r.rows.reduce((s, row) => s.plus(f(row)), new Money(0)).toFixed(1);
    expect(sum((x) => x.shareOfOutstanding.display)).toBe('100.0');
    expect(sum((x) => x.shareOfTurnover.display)).toBe('100.0');
    expect(a?.shareOfOutstanding.exact).toBe(formatFraction(new Money(a?.outstanding ?? 0).div(r.totals.outstanding)));
    expect(r.shareMethod).toMatchObject({ decimals: 1, exactDecimals: 6 });
    const crossed = await portfolio('asOf=2025-06-30&groupBy=sector&groupBy=commune');
    expect(crossed.rows.every((row) => row.keys.sector && row.keys.commune)).toBe(true);
    // A commune group carries its 2025 name, so neither the page nor the exports show a bare code.
    expect(crossed.rows.find((row) => row.keys.commune.code === '05488')?.keys.commune).toEqual({
      code: '05488',
      provinceCode: '19',
      nameVi: 'Xã Đại Phúc',
      nameEn: 'Dai Phuc Commune',
    });
    expect(crossed.rows.reduce((s, row) => s.plus(row.shareOfOutstanding.display), new Money(0)).toFixed(1)).toBe('100.0');
  });

  it('aging, loan list, capital sources and reconciliation agree with the portfolio', async () => {
    const p = await portfolio('asOf=2025-10-15');
    const aging = (
      await call<{ totals: { outstanding: string }; rows: Array<{ bucket: string; loanCount: number }> }>(t, 'GET', '/reports/aging?asOf=2025-10-15', w.auditor)
    ).body;
    expect(aging.totals.outstanding).toBe(p.totals.outstanding);
    expect(aging.rows.map((b) => b.bucket)).toEqual(['CURRENT', 'DPD_1_9', 'DPD_10_29', 'DPD_30_89', 'DPD_90_179', 'DPD_180_PLUS']);
    const list = (
      await call<{ total: number; items: Array<{ outstanding: string; contractNumber: string }> }>(
        t,
        'GET',
        '/reports/loans?asOf=2025-10-15&pageSize=2&page=1',
        w.auditor,
      )
    ).body;
    expect(list.total).toBe(5);
    expect(list.items).toHaveLength(2);
    const all = (
      await call<{ items: Array<{ outstanding: string; communeCode: string; communeNameVi: string | null }> }>(
        t,
        'GET',
        '/reports/loans?asOf=2025-10-15&pageSize=200',
        w.auditor,
      )
    ).body;
    expect(all.items.find((i) => i.communeCode === '05488')?.communeNameVi).toBe('Xã Đại Phúc');
    expect(all.items.reduce((s, i) => s.plus(i.outstanding), new Money(0)).toFixed()).toBe(p.totals.outstanding);
    const cs = (
      await call<{ rows: Array<{ outstanding: string; capital: string; available: string }> }>(t, 'GET', '/reports/capital-sources?asOf=2025-10-15', w.auditor)
    ).body;
    expect(cs.rows.reduce((s, x) => s.plus(x.outstanding), new Money(0)).toFixed()).toBe(p.totals.outstanding);
    for (const d of ['2025-10-15', '2025-12-31']) {
      const rec = (
        await call<{ mismatches: unknown[]; unbalancedTransactions: unknown[]; ledgerPrincipal: string }>(
          t,
          'GET',
          `/reports/reconciliation?asOf=${d}`,
          w.auditor,
        )
      ).body;
      expect(rec).toMatchObject({ mismatches: [], unbalancedTransactions: [] });
    }
  });

  it('exports CSV with a BOM, XLSX that parses back, and a PDF whose text layer holds Vietnamese', async () => {
    const csv = await t.request<string>('GET', '/api/v1/reports/portfolio?asOf=2025-06-30&format=csv', undefined, { token: w.auditor });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('Nông nghiệp');

    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/portfolio?asOf=2025-06-30&format=xlsx',
      headers: { authorization: `Bearer ${w.auditor}` },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    const values = ws.getSheetValues().flat().map(String);
    expect(values.some((v) => v.includes('Nông nghiệp'))).toBe(true);
    const header = (ws.views[0] as { ySplit?: number }).ySplit ?? 0;
    expect(ws.getCell(header, 2).value).toBe('Lượt vay');
    expect(ws.getColumn(7).numFmt).toContain('#,##0');

    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/portfolio?asOf=2025-06-30&format=pdf',
      headers: { authorization: `Bearer ${w.auditor}` },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Nông nghiệp');
    expect(text).toContain('Quỹ Hỗ trợ phát triển hợp tác xã');
  });

  it('runs a large export as a job with progress and serves the file when ready', async () => {
    const res = await call<{ id: string; status: string; downloadUrl: string }>(t, 'GET', '/reports/loans?asOf=2025-12-31&format=xlsx', w.auditor);
    expect(res.status).toBe(202);
    let status = '';
    for (let i = 0; i < 100 && status !== 'DONE'; i++) {
      const s = await call<{ status: string; progress: number }>(t, 'GET', `/report-exports/${res.body.id}`, w.auditor);
      status = s.body.status;
      if (status !== 'DONE') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('DONE');
    const other = await call(t, 'GET', `/report-exports/${res.body.id}`, w.officer);
    expect(other.status).toBe(404);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/report-exports/${res.body.id}/download`,
      headers: { authorization: `Bearer ${w.auditor}` },
    });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(5);
  });

  it('refuses every report to a COOPERATIVE user', async () => {
    for (const path of [
      '/reports/portfolio',
      '/reports/aging',
      '/reports/loans',
      '/reports/capital-sources',
      '/reports/reconciliation',
      '/reports/portfolio?format=pdf',
    ]) {
      expect((await call(t, 'GET', path, coopToken)).status).toBe(403);
    }
  });

  it('gives a cooperative its own statement with a QR code; /verify confirms contract, period and closing balance only', async () => {
    expect((await call(t, 'GET', `/loans/${loans.tea}/statement`, coopToken)).status).toBe(404);
    const json = await call<{ closingBalance: string; transactions: unknown[]; schedule: unknown[] }>(
      t,
      'GET',
      `/loans/${loans.agri}/statement?from=2025-03-01&to=2025-06-30`,
      coopToken,
    );
    expect(json.status).toBe(200);
    expect(json.body.transactions).toHaveLength(4);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/loans/${loans.agri}/statement?from=2025-03-01&to=2025-06-30&format=pdf`,
      headers: { authorization: `Bearer ${coopToken}` },
    });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    const code = /Verification code:\s*([A-Z2-9]{12})/.exec(text)?.[1];
    expect(code).toBeDefined();
    const v = await t.request('GET', `/api/v1/verify/${code}`);
    expect(v.status).toBe(200);
    const [{ contract_number }] = (await t.db.query(`SELECT contract_number FROM loans WHERE id = $1`, [loans.agri])) as Array<{ contract_number: string }>;
    expect(v.body).toEqual({ valid: true, contractNumber: contract_number, from: '2025-03-01', to: '2025-06-30', closingBalance: json.body.closingBalance });
    expect((await t.request('GET', '/api/v1/verify/AAAAAAAAAAAA')).status).toBe(404);
  });
});
