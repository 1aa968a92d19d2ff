/**
 * A report as a table, the one shape every export format renders (CSV, XLSX, PDF). Money and
 * ratios stay decimal strings here; each renderer decides how its format shows them.
 */
export type ColumnKind = 'text' | 'int' | 'vnd' | 'percent' | 'ratio';

export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  /** vnd: whole VND; percent: a displayed percentage ("65.0"); ratio: a fraction ("0.0212"), written by every format rounded half-up to 6 places (platform/money formatFraction). */
  readonly kind: ColumnKind;
  /** Relative width in the PDF (default 1). */
  readonly width?: number;
}

export type Cell = string | number | null;
export type ReportRow = Readonly<Record<string, Cell>>;

export interface ReportTable {
  readonly title: string;
  /** Lines under the title: report date, period, source, rounding method. */
  readonly subtitle: readonly string[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly totals?: ReportRow;
  readonly notes?: readonly string[];
}

export interface ExportMeta {
  readonly fundName: string;
  readonly generatedBy: string;
  /** ISO timestamp. */
  readonly generatedAt: string;
  readonly timeZone: string;
}

export interface RenderedFile {
  readonly buffer: Buffer;
  readonly contentType: string;
  readonly extension: string;
}

/** "2025-12-31 17:05:09 (Asia/Ho_Chi_Minh)" */
export function formatTimestamp(iso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return `${f.format(new Date(iso))} (${timeZone})`;
}
