import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { bidvCsv, unrecognisedXlsx, vietcombankXlsx } from '../support/statement-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Mapping {
  date: string;
  amount: string;
  reference: string | null;
  description: string;
}
interface Preview {
  format: string;
  headerLine: number | null;
  headers: string[];
  mapping: Mapping | null;
  mappingSource: string;
  lineCount: number;
  skipped: number;
  total: string;
  sample: Array<{ lineNo: number; valueDate: string; amount: string; reference: string; description: string }>;
  problems: Array<{ line: number; rule: string }>;
}
interface Import {
  id: string;
  status: string;
  format: string;
  bankCode: string | null;
  progress: { total: number; applied: number; unmatched: number };
  lines?: Array<{ lineNo: number; outcome: string; reasonCode: string | null }>;
}
interface Problem {
  code: string;
  errors: Array<{ field: string; rule: string }>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Bank statements as XLSX and CSV in the banks' own layouts, with the officer's mapping remembered per bank. */
describe('bank statements: XLSX and CSV layouts, remembered mappings', () => {
  let t: TestApp;
  let w: LoanWorld;
  let contract: string;

  const waitImport = async (id: string): Promise<Import> => {
    for (let i = 0; i < 300; i += 1) {
      const r = await call<Import>(t, 'GET', `/repayment-imports/${id}`, w.officer);
      if (r.body.status === 'DONE' || r.body.status === 'FAILED') return r.body;
      await sleep(100);
    }
    throw new Error('import did not finish');
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
    });
    const loan = await contractedLoan(t, w, {
      amount: '600000000',
      termMonths: 6,
      ratePercent: '6',
      creditReportDate: '2025-03-01',
      signingDate: '2025-03-05',
    });
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loan, '600000000', '2025-03-10')).status).toBe(201);
    contract = (await call<{ contractNumber: string }>(t, 'GET', `/loans/${loan}`, w.officer)).body.contractNumber;
  });
  afterAll(async () => t.close());

  it('reads a Vietcombank XLSX export: finds the header under the title block, skips the debit and the totals row', async () => {
    const xlsx = await vietcombankXlsx([
      { date: '10/03/2025', amount: 1500000, reference: 'FT25069001', description: `HTX tra no ${contract}` },
      { date: '11/03/2025', amount: 2000000, reference: 'FT25070002', description: 'chuyen khoan khong ro' },
    ]);
    const body = { fileName: 'saoke-vcb-03-2025.xlsx', contentBase64: xlsx.toString('base64'), bankCode: 'VIETCOMBANK' };
    const preview = await call<Preview>(t, 'POST', '/repayment-imports/preview', w.officer, body);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      format: 'XLSX',
      headerLine: 6,
      mappingSource: 'RECOGNISED',
      lineCount: 2,
      skipped: 2,
      total: '3500000',
      problems: [],
    });
    expect(preview.body.mapping).toEqual({
      date: 'Ngày giao dịch\nTransaction date',
      amount: 'Số tiền ghi có\nCredit',
      reference: 'Số tham chiếu\nReference No.',
      description: 'Nội dung/Diễn giải\nDescription',
    });
    expect(preview.body.sample[0]).toEqual({
      lineNo: 8,
      valueDate: '2025-03-10',
      amount: '1500000',
      reference: 'FT25069001',
      description: `HTX tra no ${contract}`,
    });

    const up = await call<Import>(t, 'POST', '/repayment-imports', w.officer, body);
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ format: 'XLSX', bankCode: 'VIETCOMBANK' });
    const done = await waitImport(up.body.id);
    expect(done.progress).toMatchObject({ total: 2, applied: 1, unmatched: 1 });
    const mappings = await call<Array<{ bankCode: string; mapping: Mapping }>>(t, 'GET', '/repayment-imports/bank-mappings', w.auditor);
    expect(mappings.body.map((m) => [m.bankCode, m.mapping.amount])).toEqual([['VIETCOMBANK', 'Số tiền ghi có\nCredit']]);
  });

  it('reads a BIDV CSV export (BOM, CRLF, dotted thousands); the same payment already recorded from the XLSX is not recorded twice', async () => {
    const csv = bidvCsv([{ date: '10/03/2025', amount: 1500000, reference: 'FT25069001', description: `HTX tra no ${contract}` }]);
    const preview = (await call<Preview>(t, 'POST', '/repayment-imports/preview', w.officer, { fileName: 'bidv.csv', content: csv, bankCode: 'BIDV' })).body;
    expect(preview).toMatchObject({ format: 'CSV', headerLine: 3, mappingSource: 'RECOGNISED', lineCount: 1, skipped: 1, total: '1500000' });
    expect(preview.mapping).toEqual({ date: 'Ngày hiệu lực', amount: 'Ghi có', reference: 'Số bút toán', description: 'Mô tả' });
    const up = await call<Import>(t, 'POST', '/repayment-imports', w.officer, {
      fileName: 'bidv.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      bankCode: 'BIDV',
    });
    const done = await waitImport(up.body.id);
    expect(done.format).toBe('CSV');
    // Same date, amount, reference and description: the same line key, so the repayment path refuses a second recording.
    expect(done.lines?.[0]).toMatchObject({ lineNo: 5, outcome: 'REFUSED', reasonCode: 'IMPORT.DUPLICATE_LINE' });
  });

  it('remembers the mapping the officer chose for a bank whose headers are not recognised, and proposes it next time', async () => {
    const credits = [{ date: '12/03/2025', amount: 700000, reference: 'MB001', description: 'nop tien' }];
    const file = { fileName: 'agribank.xlsx', contentBase64: (await unrecognisedXlsx(credits)).toString('base64'), bankCode: 'AGRIBANK' };
    const first = (await call<Preview>(t, 'POST', '/repayment-imports/preview', w.officer, file)).body;
    expect(first).toMatchObject({ mappingSource: 'NONE', mapping: null, lineCount: 0 });
    expect(first.problems).toEqual([expect.objectContaining({ line: 1, rule: 'header' })]);
    const refused = await call<Problem>(t, 'POST', '/repayment-imports', w.officer, file);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'IMPORT.MALFORMED_FILE', errors: [expect.objectContaining({ field: 'line 1', rule: 'header' })] });

    const mapping = { date: 'Thời gian', amount: 'Tiền gửi vào', reference: 'Mã GD', description: 'Chi tiết' };
    const given = (await call<Preview>(t, 'POST', '/repayment-imports/preview', w.officer, { ...file, mapping })).body;
    expect(given).toMatchObject({ mappingSource: 'GIVEN', headerLine: 2, lineCount: 1, total: '700000', problems: [] });
    expect((await call<Import>(t, 'POST', '/repayment-imports', w.officer, { ...file, mapping })).status).toBe(202);

    const next = (await call<Preview>(t, 'POST', '/repayment-imports/preview', w.officer, file)).body;
    expect(next).toMatchObject({ mappingSource: 'REMEMBERED', mapping, lineCount: 1 });
  });

  it('refuses bad files whole with problem+json naming the row and rule, and stores nothing', async () => {
    const before = ((await t.db.query(`SELECT count(*)::int AS n FROM repayment_imports`)) as Array<{ n: number }>)[0].n;
    const notXlsx = await call<Problem>(t, 'POST', '/repayment-imports', w.officer, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('PK\u0003\u0004 not a zip').toString('base64'),
    });
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body).toMatchObject({ code: 'IMPORT.MALFORMED_FILE', errors: [expect.objectContaining({ field: 'file', rule: 'xlsx' })] });
    const badRows = await vietcombankXlsx([
      { date: '10/03/2025', amount: 1500000.5, reference: 'FT1', description: 'a fraction' },
      { date: '11/03/2025', amount: 100, reference: 'FT2', description: 'ok' },
    ]);
    const bad = await call<Problem>(t, 'POST', '/repayment-imports', w.officer, { fileName: 'bad.xlsx', contentBase64: badRows.toString('base64') });
    expect(bad.body).toMatchObject({ code: 'IMPORT.MALFORMED_FILE', errors: [expect.objectContaining({ field: 'line 8', rule: 'amount' })] });
    const neither = await call<Problem>(t, 'POST', '/repayment-imports', w.officer, { fileName: 'x.csv' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['content', 'contentBase64']));
    const bank = await call<Problem>(t, 'POST', '/repayment-imports', w.officer, {
      fileName: 'x.csv',
      content: 'a',
      bankCode: 'NOBANK',
      mapping: { date: '', amount: 'x'.repeat(201), description: 'd' },
    });
    expect(bank.body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['bankCode', 'mapping.date', 'mapping.amount']));
    expect(((await t.db.query(`SELECT count(*)::int AS n FROM repayment_imports`)) as Array<{ n: number }>)[0].n).toBe(before);
    expect((await call(t, 'POST', '/repayment-imports/preview', w.auditor, { fileName: 'x.csv', content: 'a' })).status).toBe(403);
  });
});
