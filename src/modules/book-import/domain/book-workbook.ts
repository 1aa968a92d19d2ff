// exceljs (about 150 modules) is loaded on the first workbook read, not at the API's boot.
import type ExcelJS from 'exceljs';
import { BOOK_SHEETS, type BookSheet } from '../dto/book-import.dto.js';
import { BOOK_COLUMNS, headerKey } from './book-columns.js';

/** One data row as read: its spreadsheet row number and each column's cell as text (null when empty). */
export interface RawRow {
  readonly row: number;
  readonly values: Readonly<Record<string, string | null>>;
}

export interface RawProblem {
  readonly sheet: BookSheet | 'Workbook';
  readonly row: number;
  readonly column: string;
  readonly rule: 'book-import.missing-sheet' | 'book-import.missing-header';
  readonly value: string | null;
}

export interface RawBook {
  readonly sheets: Record<BookSheet, RawRow[]>;
  readonly problems: RawProblem[];
}

/** At most this many data rows per sheet (a fund's whole book is far smaller). */
export const MAX_ROWS_PER_SHEET = 50_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as text: dates as yyyy-MM-dd (Excel stores them as UTC midnight), numbers without exponent, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value) return cellText((value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
    if ('text' in value) return cellText((value as { text: string }).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return null;
}

/**
 * Reads the five data sheets: the first row is the header (Vietnamese or English, any order),
 * rows with every cell empty are skipped. A sheet or a required header missing is a problem of
 * the workbook; anything else is judged by the rules (book-validation.ts).
 */
export async function readBook(buffer: Buffer): Promise<RawBook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const problems: RawProblem[] = [];
  const sheets = Object.fromEntries(BOOK_SHEETS.map((s) => [s, [] as RawRow[]])) as Record<BookSheet, RawRow[]>;
  for (const name of BOOK_SHEETS) {
    const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
    if (!ws) {
      problems.push({ sheet: 'Workbook', row: 0, column: 'sheet', rule: 'book-import.missing-sheet', value: name });
      continue;
    }
    const header = ws.getRow(1);
    const keyOfColumn = new Map<number, string>();
    header.eachCell((cell, colNumber) => {
      const key = headerKey(name, cellText(cell.value) ?? '');
      if (key) keyOfColumn.set(colNumber, key);
    });
    const present = new Set(keyOfColumn.values());
    const missing = BOOK_COLUMNS[name].filter((c) => c.required && !present.has(c.key));
    for (const c of missing) problems.push({ sheet: name, row: 1, column: c.key, rule: 'book-import.missing-header', value: null });
    if (missing.length > 0) continue;
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      if (rowNumber === 1 || rows.length >= MAX_ROWS_PER_SHEET) return;
      const values: Record<string, string | null> = Object.fromEntries(BOOK_COLUMNS[name].map((c) => [c.key, null]));
      let any = false;
      for (const [colNumber, key] of keyOfColumn) {
        const text = cellText(r.getCell(colNumber).value);
        values[key] = text;
        if (text !== null) any = true;
      }
      if (any) rows.push({ row: rowNumber, values });
    });
    sheets[name] = rows;
  }
  return { sheets, problems };
}
