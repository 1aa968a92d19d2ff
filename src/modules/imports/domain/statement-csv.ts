import { parse } from 'csv-parse/sync';
import type { ColumnMapping } from './statement-columns.js';
import { readStatementTable, type StatementProblem, type StatementRead, type TableRow } from './statement-table.js';

export { lineKey, type StatementLine } from './statement-table.js';
export type CsvProblem = StatementProblem;
export const STATEMENT_COLUMNS = ['date', 'amount', 'reference', 'description'] as const;

/**
 * A bank statement as CSV (design.md "bank statement import"): UTF-8, optional BOM, RFC 4180 quoting
 * (csv-parse), CRLF or LF, comma-separated, or semicolon-separated as some exports are. The header row
 * names the columns date, amount, reference, description (any order, any case, extra columns ignored),
 * or a bank's own headers through the officer's mapping. Pure: no NestJS, no TypeORM.
 */

/** Splits CSV text into records of fields, each with the line it starts on. */
export function csvRecords(text: string): { records: TableRow[]; problems: StatementProblem[] } {
  const problems: StatementProblem[] = [];
  // One line ending everywhere, so csv-parse's line count is the file's (a CR inside quotes included).
  const unified = text.replace(/\r\n?/g, '\n');
  const firstLine = unified.slice(0, unified.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parsed = parse(unified, {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = (err as { lines?: number } | undefined)?.lines ?? 1;
      const rule = err?.code?.includes('QUOTE') ? 'csvQuote' : 'csv';
      // After a bad quote the parser may stumble again on the same line: one problem per line is enough.
      if (!problems.some((p) => p.line === line && p.rule === rule)) problems.push({ line, rule, message: err?.message ?? 'unreadable CSV' });
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const records = parsed.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted field may span lines.
    const spanned = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - spanned, cells: record };
  });
  return { records, problems };
}

/** Every line of the statement, or every problem with its line number (nothing is imported then). */
export function readStatementCsv(content: string, mapping?: ColumnMapping): StatementRead {
  const { records, problems } = csvRecords(content.normalize('NFC'));
  const read = readStatementTable(records, { mapping, checkFieldCount: true });
  // A record csv-parse could not read is reported as such, not again as a statement without lines.
  const tableProblems = problems.length > 0 ? read.problems.filter((p) => p.rule !== 'notEmpty') : read.problems;
  const all = [...problems, ...tableProblems].sort((a, b) => a.line - b.line);
  return { ...read, lines: all.length > 0 ? [] : read.lines, problems: all };
}

/** The original CSV contract: date, amount, reference, description headers. */
export function parseStatementCsv(content: string): Pick<StatementRead, 'lines' | 'problems'> {
  const { lines, problems } = readStatementCsv(content);
  return { lines, problems };
}
