import { formatFraction } from '../../../platform/money/index.js';
import type { Cell, ReportColumn, ReportTable, RenderedFile } from './report-table.js';

const BOM = '\uFEFF';

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(column: ReportColumn, value: Cell): string {
  if (value === null || value === undefined) return '';
  // A ratio is written as the API gives it: a fraction rounded half-up to 6 places ("0.021300").
  if (column.kind === 'ratio') return formatFraction(value);
  return quote(String(value));
}

/** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel reads Vietnamese correctly. */
export function renderCsv(table: ReportTable): RenderedFile {
  const lines = [table.columns.map((c) => quote(c.kind === 'percent' ? `${c.header} (%)` : c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(c, row[c.key] ?? null)).join(','));
  if (table.totals) lines.push(table.columns.map((c) => csvCell(c, table.totals?.[c.key] ?? null)).join(','));
  return { buffer: Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
}
