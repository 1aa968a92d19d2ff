import type { LocalDate } from '../../../platform/dates/index.js';
import type { Money } from '../../../platform/money/index.js';
import type { BookSheet } from '../dto/book-import.dto.js';
import { BOOK_COLUMNS } from './book-columns.js';
import { codeOf, parseDateCell, parseIntCell, parseMoneyCell, parsePercentCell } from './book-cells.js';
import type { BookProblem } from './book-model.js';
import type { BookRule, RuleParams } from './book-rules.js';
import type { RawRow } from './book-workbook.js';

/** Reads one row's cells by the column kinds, recording a problem per bad cell; the typed getters return null for a bad or empty cell. */
export class RowReader {
  ok = true;
  constructor(
    private readonly sheet: BookSheet,
    private readonly raw: RawRow,
    private readonly problems: BookProblem[],
  ) {}

  fail(column: string, rule: BookRule, params: RuleParams = {}): void {
    this.ok = false;
    this.problems.push({
      sheet: this.sheet,
      row: this.raw.row,
      column,
      rule,
      params: { column, value: this.raw.values[column] ?? '', ...params },
      value: this.raw.values[column] ?? null,
    });
  }

  private cell(column: string): string | null {
    const def = BOOK_COLUMNS[this.sheet].find((c) => c.key === column);
    const v = this.raw.values[column] ?? null;
    if (v === null) {
      if (def?.required) this.fail(column, 'book-import.required');
      return null;
    }
    if (def?.maxLength && v.length > def.maxLength) {
      this.fail(column, 'book-import.max-length', { limit: def.maxLength });
      return null;
    }
    return v;
  }

  text(column: string): string | null {
    return this.cell(column);
  }

  code(column: string): string | null {
    const v = this.cell(column);
    return v === null ? null : codeOf(v);
  }

  date(column: string, notAfter?: LocalDate): LocalDate | null {
    const v = this.cell(column);
    if (v === null) return null;
    const d = parseDateCell(v);
    if (!d) this.fail(column, 'book-import.date');
    else if (notAfter && d > notAfter) this.fail(column, 'book-import.date-after-business-date', { limit: notAfter });
    return d;
  }

  money(column: string, allowZero = false): Money | null {
    const v = this.cell(column);
    if (v === null) return null;
    const m = parseMoneyCell(v, allowZero);
    if (!m) this.fail(column, 'book-import.whole-dong');
    return m;
  }

  int(column: string): number | null {
    const v = this.cell(column);
    if (v === null) return null;
    const n = parseIntCell(v);
    if (n === null) this.fail(column, 'book-import.integer');
    return n;
  }

  percent(column: string): Money | null {
    const v = this.cell(column);
    if (v === null) return null;
    const p = parsePercentCell(v);
    if (!p) this.fail(column, 'book-import.percent');
    return p;
  }

  oneOf<T extends string>(column: string, list: readonly T[], listName: string): T | null {
    const v = this.code(column);
    if (v === null) return null;
    const upper = v.toUpperCase() as T;
    if (!list.includes(upper)) {
      this.fail(column, 'book-import.unknown-value', { list: listName });
      return null;
    }
    return upper;
  }
}
