import { describe, expect, it } from '@jest/globals';
import { contractNumberFinder } from './contract-matcher.js';
import { parseStatementCsv, readStatementCsv } from './statement-csv.js';
import { parseAmount } from './statement-table.js';

const format = (year: number, seq: number): string => `HĐTD-${year}-${String(seq).padStart(6, '0')}`;

describe('bank statement CSV', () => {
  it('reads a BOM, CRLF, quotes with commas and doubled quotes, both date formats and grouped amounts', () => {
    const csv =
      '\uFEFFDate,Amount,Reference,Description\r\n2025-04-10,"103,057,534",FT2501,"Trả nợ ""HĐTD-2025-000001"", kỳ 1"\r\n11/04/2025,1.500.000,FT2502,abc\r\n';
    const { lines, problems } = parseStatementCsv(csv);
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.lineNo, l.valueDate, l.amount.toFixed(), l.reference, l.description])).toEqual([
      [2, '2025-04-10', '103057534', 'FT2501', 'Trả nợ "HĐTD-2025-000001", kỳ 1'],
      [3, '2025-04-11', '1500000', 'FT2502', 'abc'],
    ]);
  });

  it('keeps two identical lines apart by their occurrence index, and the same file gives the same keys', () => {
    const csv = 'date,amount,reference,description\n2025-04-10,100,R,D\n2025-04-10,100,R,D\n';
    const a = parseStatementCsv(csv).lines;
    expect(a.map((l) => l.occurrence)).toEqual([0, 1]);
    expect(a[0].key).not.toBe(a[1].key);
    expect(parseStatementCsv(csv).lines.map((l) => l.key)).toEqual(a.map((l) => l.key));
  });

  it.each([
    ['a missing column', 'date,amount,reference\n2025-04-10,100,R\n', [[1, 'header']]],
    [
      'a bad date and a fraction',
      'date,amount,reference,description\n2025-02-30,100,R,D\n2025-04-10,100.5,R,D\n',
      [
        [2, 'date'],
        [3, 'amount'],
      ],
    ],
    ['a wrong field count on line 3', 'date,amount,reference,description\n2025-04-10,100,R,D\n2025-04-10,100,R\n', [[3, 'columns']]],
    ['an unclosed quote', 'date,amount,reference,description\n2025-04-10,100,"R,D\n', [[2, 'csvQuote']]],
    ['text after a closing quote', 'date,amount,reference,description\n2025-04-10,100,"R"x,D\n', [[2, 'csvQuote']]],
    ['no lines', 'date,amount,reference,description\n', [[1, 'notEmpty']]],
  ] as const)('refuses %s with line numbers', (_, csv, expected) => {
    const { lines, problems } = parseStatementCsv(csv);
    expect(lines).toEqual([]);
    expect(problems.map((p) => [p.line, p.rule])).toEqual(expected);
  });
});

describe('contract numbers in statement text', () => {
  const find = contractNumberFinder('HĐTD-{yyyy}-{seq:6}', format);
  it.each([
    ['TRA NO HDTD-2025-000001 KY 1', ['HĐTD-2025-000001']],
    ['hđtd 2025 000042', ['HĐTD-2025-000042']],
    ['HĐTD-2025-0000012 (7 digits)', []],
    ['XHDTD-2025-000001', []],
    ['HDTD-2025-000001 va HDTD2025000002', ['HĐTD-2025-000001', 'HĐTD-2025-000002']],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe('bank layouts', () => {
  it('recognises Vietnamese headers under a title block, skips debits and totals, reads zero decimals and times', () => {
    const csv = [
      'NGAN HANG TMCP CONG THUONG VIET NAM;;;;',
      'Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung',
      '10/04/2025 09:15:00;FT1;;1.500.000,00;HTX tra no',
      '10/04/2025 10:00:00;FT2;200.000;;phi',
      'Tổng cộng;;200.000;1.500.000;',
    ].join('\n');
    const read = readStatementCsv(csv);
    expect(read.problems).toEqual([]);
    expect(read).toMatchObject({
      headerLine: 2,
      skipped: 2,
      mapping: { date: 'Ngày giao dịch', amount: 'Số tiền ghi có', reference: 'Số tham chiếu', description: 'Nội dung' },
    });
    expect(read.lines.map((l) => [l.lineNo, l.valueDate, l.amount.toFixed(), l.reference])).toEqual([[3, '2025-04-10', '1500000', 'FT1']]);
  });

  it('applies a given mapping, without a reference column, and refuses one the file does not have', () => {
    const csv = 'Thời gian,Tiền vào,Chi tiết\n12/03/2025,"700,000",nop tien\n';
    const ok = readStatementCsv(csv, { date: 'thời gian', amount: 'TIỀN VÀO', reference: null, description: 'Chi tiết' });
    expect(ok.lines.map((l) => [l.valueDate, l.amount.toFixed(), l.reference, l.description])).toEqual([['2025-03-12', '700000', '', 'nop tien']]);
    const missing = readStatementCsv(csv, { date: 'Ngày', amount: 'Tiền vào', reference: null, description: 'Chi tiết' });
    expect(missing.problems.map((p) => [p.line, p.rule, p.message])).toEqual([[1, 'header', 'missing column(s): date "Ngày"']]);
  });

  it.each([
    ['1.500.000', '1500000'],
    ['1,500,000.00', '1500000'],
    ['1500000,00', '1500000'],
    ['1.500.000.00', null],
    ['1,500.5', null],
    ['0', null],
  ])('amount %s → %s', (raw, expected) => {
    expect(parseAmount(raw)?.toFixed() ?? null).toBe(expected);
  });
});
