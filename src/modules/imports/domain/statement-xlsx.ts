// Loaded on first use, as the report exports do: the API process carries exceljs only once a workbook comes.
import type ExcelJS from 'exceljs';
import type { ColumnMapping } from './statement-columns.js';
import { readStatementTable, type StatementRead, type TableRow } from './statement-table.js';

/**
 * A bank statement as an XLSX workbook (internet-banking exports): the first sheet with rows, read with
 * exceljs; date cells become ISO dates, numbers their plain digits, formulas their cached result. Row
 * numbers are the sheet's, so a problem points at the row the officer sees in Excel.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads a date cell as that calendar day at 00:00 UTC.
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** The rows of the workbook's first non-empty sheet, or a problem when the bytes are not a workbook. */
export async function xlsxRows(bytes: Buffer): Promise<{ rows: TableRow[]; problem: string | null }> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { rows: [], problem: `not a readable XLSX workbook (${e instanceof Error ? e.message : String(e)})` };
  }
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return { rows: [], problem: null };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value).normalize('NFC');
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { rows, problem: null };
}

/** Every credit line of the sheet, or every problem with its row number (nothing is imported then). */
export async function readStatementXlsx(bytes: Buffer, mapping?: ColumnMapping): Promise<StatementRead> {
  const { rows, problem } = await xlsxRows(bytes);
  if (problem) return { lines: [], problems: [{ line: 0, rule: 'xlsx', message: problem }], headerLine: null, headers: [], mapping: null, skipped: 0 };
  return readStatementTable(rows, { mapping, checkFieldCount: false });
}

/** XLSX files are ZIP archives: "PK\x03\x04". */
export function isXlsx(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
