import { describe, expect, it } from '@jest/globals';
import { contractNumberFinder } from './contract-matcher.js';
import { parseStatementCsv } from './statement-csv.js';

const format = (year: number, seq: number): string => `HĐTD-${year}-${String(seq).padStart(6, '0')}`;

describe('bank statement CSV', () => {
  it('reads a BOM, CRLF, quotes with commas and doubled quotes, both date formats and grouped amounts', () => {
    const csv = '\uFEFFDate,Amount,Reference,Description\r\n2025-04-10,"103,057,534",FT2501,"Trả nợ ""HĐTD-2025-000001"", kỳ 1"\r\n11/04/2025,1.500.000,FT2502,abc\r\n';
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
    ['a bad date and a fraction', 'date,amount,reference,description\n2025-02-30,100,R,D\n2025-04-10,100.5,R,D\n', [[2, 'date'], [3, 'amount']]],
    ['a wrong field count on line 3', 'date,amount,reference,description\n2025-04-10,100,R,D\n2025-04-10,100,R\n', [[3, 'columns']]],
    ['an unclosed quote', 'date,amount,reference,description\n2025-04-10,100,"R,D\n', [[2, 'csvQuote'], [2, 'columns']]],
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
