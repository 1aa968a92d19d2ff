import { createHash } from 'node:crypto';
import { Money } from '../../../platform/money/money.js';
import { formatLocalDate, isLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';
import { STATEMENT_ROLES, columnIndexes, guessMapping, type ColumnMapping, type StatementRole } from './statement-columns.js';

/**
 * A bank statement as a table (the rows of a CSV file or of an XLSX sheet) → the credit lines to
 * record (design.md "bank statement import"). Pure: no NestJS, no TypeORM.
 */
export interface StatementLine {
  /** Line of the CSV file, or row of the sheet (1 = the first). */
  readonly lineNo: number;
  readonly valueDate: LocalDate;
  readonly amount: Money;
  readonly reference: string;
  readonly description: string;
  /** How many identical lines come before this one in the file: two equal payments stay two. */
  readonly occurrence: number;
  /** sha256(date | amount | reference | description | occurrence): the repayment's idempotency key. */
  readonly key: string;
}

export interface StatementProblem {
  /** The line or row; 0 for the file as a whole (not a readable workbook). */
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface StatementRead {
  readonly lines: StatementLine[];
  readonly problems: StatementProblem[];
  /** The header row found, its cells, and the mapping applied to it (null when none could be). */
  readonly headerLine: number | null;
  readonly headers: string[];
  readonly mapping: ColumnMapping | null;
  /** Rows below the header that are not credits: no amount (a debit), or no date (a total, a balance). */
  readonly skipped: number;
}

const MAX_TEXT = 500;
/** Banks put a title block (bank, account, period) above the header; it is found within these rows. */
const HEADER_SEARCH_ROWS = 30;

/** DD/MM/YYYY or DD-MM-YYYY (Vietnamese banks) or YYYY-MM-DD, optionally followed by a time of day. */
export function parseDate(raw: string): LocalDate | null {
  const v = raw.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AP]M)?$/i, '');
  const vn = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v);
  const iso = vn ? formatLocalDate(Number(vn[3]), Number(vn[2]), Number(vn[1])) : v;
  return isLocalDate(iso) ? iso : null;
}

/**
 * Whole VND: 1500000, 1.500.000 or 1,500,000 (thousands grouped by 3), and the same with zero decimals
 * in the other separator ("1,500,000.00", "1.500.000,00") as some exports print; never a fraction.
 */
export function parseAmount(raw: string): Money | null {
  const v = raw.trim();
  const m = /^(\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+)(?:([.,])0{1,2})?$/.exec(v);
  if (!m) return null;
  // "1.500" is grouping, so the decimal part must use the other separator than the grouping.
  if (m[2] && m[1].includes(m[2])) return null;
  const amount = new Money(m[1].replace(/[.,]/g, ''));
  return amount.gt(0) ? amount : null;
}

export function lineKey(valueDate: LocalDate, amount: Money, reference: string, description: string, occurrence: number): string {
  return createHash('sha256')
    .update([valueDate, amount.toFixed(), reference, description, String(occurrence)].join('\u001f'))
    .digest('hex');
}

const REQUIRED = (m: ColumnMapping): StatementRole[] => STATEMENT_ROLES.filter((r) => r !== 'reference' || m.reference !== null);

/** The header row: the first of the top rows naming every mapped column (given), or date and amount (guessed). */
function findHeader(rows: readonly TableRow[], given: ColumnMapping | undefined): { row: TableRow; mapping: ColumnMapping | null; missing: string[] } {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  if (given) {
    const row = top.find((r) => REQUIRED(given).every((role) => columnIndexes(r.cells, given)[role] >= 0));
    if (row) return { row, mapping: given, missing: [] };
    const idx = columnIndexes(rows[0].cells, given);
    return {
      row: rows[0],
      mapping: null,
      missing: REQUIRED(given)
        .filter((role) => idx[role] < 0)
        .map((role) => `${role} "${given[role] ?? ''}"`),
    };
  }
  const row =
    top.find((r) => {
      const g = guessMapping(r.cells);
      return g.date !== null && g.amount !== null;
    }) ?? rows[0];
  const g = guessMapping(row.cells);
  const missing = STATEMENT_ROLES.filter((role) => g[role] === null);
  const mapping = missing.length === 0 ? { date: g.date ?? '', amount: g.amount ?? '', reference: g.reference, description: g.description ?? '' } : null;
  return { row, mapping, missing };
}

/**
 * Every credit line of the statement, or every problem with its line number (nothing is imported then).
 * `checkFieldCount`: a CSV line must have as many fields as the header (a sheet's rows need not).
 */
export function readStatementTable(rows: readonly TableRow[], opts: { mapping?: ColumnMapping; checkFieldCount: boolean }): StatementRead {
  const problems: StatementProblem[] = [];
  const lines: StatementLine[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) {
    return {
      lines,
      problems: [{ line: 1, rule: 'header', message: 'the file is empty; expected a header date,amount,reference,description' }],
      headerLine: null,
      headers: [],
      mapping: null,
      skipped: 0,
    };
  }
  const header = findHeader(nonEmpty, opts.mapping);
  const headers = header.row.cells.map((c) => c.trim());
  if (!header.mapping) {
    return {
      lines,
      problems: [{ line: header.row.line, rule: 'header', message: `missing column(s): ${header.missing.join(', ')}` }],
      headerLine: header.row.line,
      headers,
      mapping: null,
      skipped: 0,
    };
  }
  const mapping = header.mapping;
  const idx = columnIndexes(header.row.cells, mapping);
  const body = nonEmpty.filter((r) => r.line > header.row.line);
  if (body.length === 0) problems.push({ line: header.row.line, rule: 'notEmpty', message: 'the statement has no lines' });
  const seen = new Map<string, number>();
  let skipped = 0;
  const cell = (r: TableRow, i: number): string => (i >= 0 ? (r.cells[i] ?? '') : '');
  for (const r of body) {
    if (opts.checkFieldCount && r.cells.length !== header.row.cells.length) {
      problems.push({ line: r.line, rule: 'columns', message: `expected ${header.row.cells.length} fields, found ${r.cells.length}` });
      continue;
    }
    const rawDate = cell(r, idx.date).trim();
    const rawAmount = cell(r, idx.amount).trim();
    // A row without a date ("Tổng cộng", "Số dư cuối kỳ") or without a credit (a debit) is not a repayment.
    if (!/\d/.test(rawDate) || rawAmount === '') {
      skipped += 1;
      continue;
    }
    const valueDate = parseDate(rawDate);
    const amount = parseAmount(rawAmount);
    const reference = cell(r, idx.reference).trim();
    const description = cell(r, idx.description).trim();
    if (!valueDate) problems.push({ line: r.line, rule: 'date', message: `date "${rawDate}" is not DD/MM/YYYY or YYYY-MM-DD` });
    if (!amount) problems.push({ line: r.line, rule: 'amount', message: `amount "${rawAmount}" is not a whole number of VND above zero` });
    if (reference.length > MAX_TEXT || description.length > MAX_TEXT)
      problems.push({ line: r.line, rule: 'maxLength', message: `reference and description are at most ${MAX_TEXT} characters` });
    if (!valueDate || !amount) continue;
    const identity = [valueDate, amount.toFixed(), reference, description].join('\u001f');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    lines.push({ lineNo: r.line, valueDate, amount, reference, description, occurrence, key: lineKey(valueDate, amount, reference, description, occurrence) });
  }
  return { lines: problems.length > 0 ? [] : lines, problems, headerLine: header.row.line, headers, mapping, skipped };
}
