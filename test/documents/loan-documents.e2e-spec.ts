import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amountInWords } from '../../src/platform/money/index.js';
import { userWithRoles } from '../support/factories.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Where the pages go for a person to look at (docs/documents.md); .data is ignored by git. */
const PAGES = join(process.cwd(), '.data', 'document-pages');

/**
 * The documents a fund prints, rendered for real: each PDF is turned into PNG pages with
 * pdftoppm (poppler-utils) and its text layer read back with pdftotext, so a missing diacritic
 * (a font without the glyph) or an amount not written in words fails here.
 */
describe('documents a fund prints', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;
  let writtenOff: string;
  let disbursementId: string;
  let repaymentId: string;
  let restructuringId: string;
  let writeOffId: string;

  const pdf = async (path: string, token: string): Promise<{ status: number; type: string; body: Buffer }> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.rawPayload };
  };

  /** Renders the PDF's pages to PNG and returns its text layer, after checking both. */
  const render = (name: string, body: Buffer): string => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-'));
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, body);
    mkdirSync(PAGES, { recursive: true });
    for (const old of readdirSync(PAGES).filter((f) => f.startsWith(`${name}-`))) rmSync(join(PAGES, old));
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(PAGES, name)]);
    const pngs = readdirSync(PAGES).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(pngs).toHaveLength(1); // each document fits one A4 page (signatures not pushed to a page of their own)
    for (const p of pngs) expect(statSync(join(PAGES, p)).size).toBeGreaterThan(30000); // an A4 page of text at 80 dpi, not a near-blank one
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-03-01', {
      annualInterestRatePercent: '6',
      principalFrequency: 'MONTHLY',
      interestFrequency: 'MONTHLY',
      principalGracePeriods: 0,
      minTermMonths: 3,
      maxTermMonths: 36,
      maxTranches: 3,
    });
    const open = (amount: string) => ({ amount, termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    loanId = await contractedLoan(t, w, open('150000000'));
    writtenOff = await contractedLoan(t, w, open('232650000'));
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '100000000', '2025-03-10')).status).toBe(201);
    const second = await money(t, w, 'disbursements', loanId, '50000000', '2025-03-10');
    expect([second.status, second.body]).toEqual([201, expect.anything()]);
    expect((await money(t, w, 'disbursements', writtenOff, '232650000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-04-10');
    expect((await money(t, w, 'repayments', loanId, '25764384', '2025-04-10')).status).toBe(201);
    const events = (await call<Array<{ id: string; kind: string }>>(t, 'GET', `/loans/${loanId}/transactions`, w.officer)).body;
    disbursementId = events.filter((e) => e.kind === 'DISBURSEMENT')[1].id;
    repaymentId = events.find((e) => e.kind === 'REPAYMENT')!.id;
    const proposed = await call<{ id: string }>(t, 'POST', `/loans/${loanId}/restructurings`, w.officer, {
      type: 'EXTENSION',
      reason: 'Gia hạn nợ do giá chè giảm',
      newMaturityDate: '2025-12-10',
    });
    expect(proposed.status).toBe(201);
    restructuringId = proposed.body.id;
    expect((await call(t, 'POST', `/loans/${loanId}/restructurings/${restructuringId}/approve`, w.approver, { note: 'Biên bản 12/BB-HĐQL' })).status).toBe(200);
    await t.db.query(`UPDATE loans SET debt_group = 5 WHERE id = $1`, [writtenOff]);
    const wo = await call<{ id: string }>(t, 'POST', `/loans/${writtenOff}/write-offs`, w.officer, { reason: 'HTX giải thể, không còn tài sản' });
    expect(wo.status).toBe(201);
    writeOffId = wo.body.id;
    expect((await call(t, 'POST', `/loans/${writtenOff}/write-offs/${writeOffId}/approve`, w.approver, {})).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('the contract summary: motto, fund, parties, the amount in figures and in words, signatures', async () => {
    const res = await pdf(`/loans/${loanId}/documents/contract.pdf`, w.officer);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = render('contract', res.body);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thái Nguyên, ngày 05 tháng 03 năm 2025',
      'QUỸ HỖ TRỢ PHÁT TRIỂN HỢP TÁC XÃ TỈNH THÁI NGUYÊN',
      'HỢP ĐỒNG TÍN DỤNG',
      '150.000.000 đồng',
      'Bằng chữ: Một trăm năm mươi triệu đồng chẵn.',
      '6%/năm',
      'ĐẠI DIỆN BÊN VAY',
      'ĐẠI DIỆN BÊN CHO VAY',
    ])
      expect(text).toContain(s);
  });

  it('the debt acknowledgement of the second tranche counts it and the total acknowledged', async () => {
    const res = await pdf(`/loans/${loanId}/documents/disbursements/${disbursementId}/acknowledgement.pdf`, w.officer);
    expect(res.status).toBe(200);
    const text = render('acknowledgement', res.body);
    for (const s of [
      'KHẾ ƯỚC NHẬN NỢ',
      'Lần giải ngân thứ 2',
      'Năm mươi triệu đồng chẵn.',
      'Một trăm năm mươi triệu đồng chẵn.',
      'Thái Nguyên, ngày 10 tháng 03 năm 2025',
      'BÊN NHẬN NỢ',
    ])
      expect(text).toContain(s);
    // A repayment's id is not a disbursement: the same 404 as a missing one.
    expect((await pdf(`/loans/${loanId}/documents/disbursements/${repaymentId}/acknowledgement.pdf`, w.officer)).status).toBe(404);
  });

  it('the receipt shows the allocation, the GL accounts and the amount in words', async () => {
    const res = await pdf(`/loans/${loanId}/documents/repayments/${repaymentId}/receipt.pdf`, w.auditor);
    expect(res.status).toBe(200);
    const text = render('receipt', res.body);
    for (const s of [
      'PHIẾU THU',
      'Mẫu số 01 - TT',
      '25.764.384 đồng',
      'Hai mươi lăm triệu bảy trăm sáu mươi tư nghìn ba trăm tám mươi tư đồng.',
      'Nợ gốc đến hạn',
      'Lãi trong hạn',
      'Nợ TK: 1121',
      'THỦ QUỸ',
    ])
      expect(text).toContain(s);
  });

  it('the restructuring and write-off decisions', async () => {
    const r = await pdf(`/loans/${loanId}/documents/restructurings/${restructuringId}/decision.pdf`, w.approver);
    expect(r.status).toBe(200);
    const rText = render('restructuring-decision', r.body);
    for (const s of ['QUYẾT ĐỊNH', 'gia hạn nợ', '10/12/2025', 'Nghị định số 45/2021/NĐ-CP', 'GIÁM ĐỐC']) expect(rText).toContain(s);
    expect(rText).not.toContain('DỰ THẢO');
    const wo = await pdf(`/loans/${writtenOff}/documents/write-offs/${writeOffId}/decision.pdf`, w.approver);
    expect(wo.status).toBe(200);
    const woText = render('write-off-decision', wo.body);
    // The total is the principal (232,650,000) with the interest and penalty accrued to the decision.
    const [{ total }] = (await t.db.query(`SELECT total::text AS total FROM loan_write_offs WHERE id = $1`, [writeOffId])) as Array<{ total: string }>;
    for (const s of ['xử lý rủi ro', 'Nợ gốc 232.650.000', `Bằng chữ: ${amountInWords(total)}.`, 'theo dõi ngoại bảng', 'Điều 2. Khoản nợ'])
      expect(woText).toContain(s);
  });

  it('a cooperative user prints its own loan’s documents and gets 404 for another’s', async () => {
    const owner = (await userWithRoles(t, w.admin, ['COOPERATIVE'], w.borrowerId)).token;
    const other = await createCooperative(t, w.officer);
    const stranger = (await userWithRoles(t, w.admin, ['COOPERATIVE'], other.id)).token;
    const paths = [
      `/loans/${loanId}/documents/contract.pdf`,
      `/loans/${loanId}/documents/disbursements/${disbursementId}/acknowledgement.pdf`,
      `/loans/${loanId}/documents/repayments/${repaymentId}/receipt.pdf`,
      `/loans/${loanId}/documents/restructurings/${restructuringId}/decision.pdf`,
      `/loans/${writtenOff}/documents/write-offs/${writeOffId}/decision.pdf`,
    ];
    for (const p of paths) {
      expect((await pdf(p, owner)).status).toBe(200);
      const refused = await t.request(`GET`, `/api/v1${p}`, undefined, { token: stranger });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'RESOURCE.NOT_FOUND' });
    }
    expect((await pdf(`/loans/${loanId}/documents/write-offs/${writeOffId}/decision.pdf`, w.officer)).status).toBe(404); // another loan's write-off
  });
});
