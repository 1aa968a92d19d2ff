import { createHash } from 'node:crypto';
import { Money } from '../../../platform/money/money.js';
import { formatLocalDate, isLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';

/**
 * A bank statement as CSV (design.md "bank statement import"): UTF-8, optional BOM, a header row
 * naming the columns date, amount, reference, description (any order, any case; extra columns are
 * ignored), RFC 4180 quoting, CRLF or LF. Pure: no NestJS, no TypeORM.
 */
export interface StatementLine {
  /** Physical line number in the file (1 = the header). */
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

export interface CsvProblem {
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export const STATEMENT_COLUMNS = ['date', 'amount', 'reference', 'description'] as const;
const MAX_TEXT = 500;

/** Splits CSV text into records of fields, each with the physical line it starts on. */
export function csvRecords(text: string): { records: Array<{ line: number; fields: string[] }>; problems: CsvProblem[] } {
  const records: Array<{ line: number; fields: string[] }> = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let afterQuote = false;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '' && !afterQuote) {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line += 1;
      start = line;
    } else if (afterQuote && c.trim() !== '') {
      problems.push({ line, rule: 'csvQuote', message: 'text after a closing quote' });
    } else if (!afterQuote) {
      field += c;
    }
  }
  if (quoted) problems.push({ line: start, rule: 'csvQuote', message: 'a quoted field is not closed' });
  endRecord();
  return { records, problems };
}

/** DD/MM/YYYY (Vietnamese banks) or YYYY-MM-DD. */
function parseDate(raw: string): LocalDate | null {
  const v = raw.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = vn ? formatLocalDate(Number(vn[3]), Number(vn[2]), Number(vn[1])) : v;
  return isLocalDate(iso) ? iso : null;
}

/** Whole VND: 1500000, 1.500.000 or 1,500,000 (thousands grouped by 3); never a fraction. */
function parseAmount(raw: string): Money | null {
  const v = raw.trim();
  if (!/^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$/.test(v)) return null;
  const amount = new Money(v.replace(/[.,]/g, ''));
  return amount.gt(0) ? amount : null;
}

export function lineKey(valueDate: LocalDate, amount: Money, reference: string, description: string, occurrence: number): string {
  return createHash('sha256').update([valueDate, amount.toFixed(), reference, description, String(occurrence)].join('\u001f')).digest('hex');
}

/** Every line of the statement, or every problem with its line number (nothing is imported then). */
export function parseStatementCsv(content: string): { lines: StatementLine[]; problems: CsvProblem[] } {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const { records, problems } = csvRecords(text.normalize('NFC'));
  const lines: StatementLine[] = [];
  const [header, ...rows] = records;
  if (!header) return { lines, problems: [...problems, { line: 1, rule: 'header', message: `the file is empty; expected a header ${STATEMENT_COLUMNS.join(',')}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = Object.fromEntries(STATEMENT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof STATEMENT_COLUMNS)[number], number>;
  const missing = STATEMENT_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) return { lines, problems: [...problems, { line: header.line, rule: 'header', message: `missing column(s): ${missing.join(', ')}` }] };
  if (rows.length === 0) problems.push({ line: header.line, rule: 'notEmpty', message: 'the statement has no lines' });
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== names.length) {
      problems.push({ line: r.line, rule: 'columns', message: `expected ${names.length} fields, found ${r.fields.length}` });
      continue;
    }
    const valueDate = parseDate(r.fields[index.date]);
    const amount = parseAmount(r.fields[index.amount]);
    const reference = r.fields[index.reference].trim();
    const description = r.fields[index.description].trim();
    if (!valueDate) problems.push({ line: r.line, rule: 'date', message: `date "${r.fields[index.date]}" is not DD/MM/YYYY or YYYY-MM-DD` });
    if (!amount) problems.push({ line: r.line, rule: 'amount', message: `amount "${r.fields[index.amount]}" is not a whole number of VND above zero` });
    if (reference.length > MAX_TEXT || description.length > MAX_TEXT) problems.push({ line: r.line, rule: 'maxLength', message: `reference and description are at most ${MAX_TEXT} characters` });
    if (!valueDate || !amount) continue;
    const identity = [valueDate, amount.toFixed(), reference, description].join('\u001f');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    lines.push({ lineNo: r.line, valueDate, amount, reference, description, occurrence, key: lineKey(valueDate, amount, reference, description, occurrence) });
  }
  return { lines: problems.length > 0 ? [] : lines, problems };
}
