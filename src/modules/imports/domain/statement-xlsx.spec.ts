import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { isXlsx, readStatementXlsx } from './statement-xlsx.js';

const workbook = async (rows: ExcelJS.CellValue[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('bank statement XLSX', () => {
  it('reads date cells, number cells, rich text and formula results, with the sheet’s row numbers', async () => {
    const bytes = await workbook([
      ['SAO KÊ TÀI KHOẢN'],
      [],
      ['Ngày GD', 'Số CT', 'Phát sinh có', { richText: [{ text: 'Diễn ' }, { text: 'giải' }] }],
      [new Date(Date.UTC(2025, 3, 10)), 'FT1', 1500000, { richText: [{ text: 'tra no ' }, { text: 'HĐTD-2025-000001' }] }],
      ['11/04/2025', 'FT2', { formula: '1000000+500000', result: 1500000 }, 'ky 2'],
    ]);
    expect(isXlsx(bytes)).toBe(true);
    const read = await readStatementXlsx(bytes);
    expect(read.problems).toEqual([]);
    expect(read.headerLine).toBe(3);
    expect(read.lines.map((l) => [l.lineNo, l.valueDate, l.amount.toFixed(), l.reference, l.description])).toEqual([
      [4, '2025-04-10', '1500000', 'FT1', 'tra no HĐTD-2025-000001'],
      [5, '2025-04-11', '1500000', 'FT2', 'ky 2'],
    ]);
  });

  it('refuses a fraction of a đồng and a bad date with their rows, and bytes that are not a workbook', async () => {
    const bytes = await workbook([
      ['date', 'amount', 'reference', 'description'],
      ['31/02/2025', 100, 'R', 'D'],
      ['2025-04-10', 100.5, 'R', 'D'],
    ]);
    expect((await readStatementXlsx(bytes)).problems.map((p) => [p.line, p.rule])).toEqual([
      [2, 'date'],
      [3, 'amount'],
    ]);
    expect((await readStatementXlsx(Buffer.from('PK\u0003\u0004garbage'))).problems.map((p) => [p.line, p.rule])).toEqual([[0, 'xlsx']]);
    expect(isXlsx(Buffer.from('date,amount'))).toBe(false);
  });
});
