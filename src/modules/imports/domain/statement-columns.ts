/**
 * Which column of a bank statement holds what (README "Restructuring, write-off, reminders and statement
 * imports", design.md "bank statement import"). Vietnamese banks' internet-banking exports (Vietcombank,
 * BIDV, Agribank, VietinBank…) put a few title rows above a header such as "Ngày giao dịch | Số tham
 * chiếu | Số tiền ghi nợ | Số tiền ghi có | Số dư | Nội dung/Diễn giải", often bilingual. The officer's
 * mapping names, for each role, the header text as it stands in the file; it is remembered per bank.
 */
export const STATEMENT_ROLES = ['date', 'amount', 'reference', 'description'] as const;
export type StatementRole = (typeof STATEMENT_ROLES)[number];

/** Header text per role, as written in the file; a null reference: the bank's export has none. */
export interface ColumnMapping {
  date: string;
  amount: string;
  reference: string | null;
  description: string;
}

/** The banks whose statements the fund receives; OTHER for any else (its mapping is remembered too). */
export const BANK_CODES = ['VIETCOMBANK', 'BIDV', 'AGRIBANK', 'VIETINBANK', 'TECHCOMBANK', 'MBBANK', 'VPBANK', 'ACB', 'SACOMBANK', 'OTHER'] as const;
export type BankCode = (typeof BANK_CODES)[number];

/** Lower case, no diacritics, one space: "Số tiền ghi có" → "so tien ghi co". */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Header names per role (as headerKey gives them), the plain English names of the original CSV first.
const SYNONYMS: Readonly<Record<StatementRole, readonly string[]>> = {
  date: [
    'date',
    'ngay giao dich',
    'ngay gd',
    'ngay hieu luc',
    'ngay hach toan',
    'ngay',
    'transaction date',
    'trans date',
    'value date',
    'effective date',
    'posting date',
    'ngay thuc hien',
  ],
  amount: [
    'amount',
    'so tien ghi co',
    'ghi co',
    'so tien co',
    'phat sinh co',
    'so tien phat sinh co',
    'credit',
    'credit amount',
    'co',
    'tien vao',
    'so tien vao',
  ],
  reference: [
    'reference',
    'so tham chieu',
    'so but toan',
    'ma giao dich',
    'so giao dich',
    'so ct',
    'so chung tu',
    'ma gd',
    'so gd',
    'transaction no',
    'transaction no.',
    'ref no',
    'ref no.',
    'reference no',
    'reference number',
    'trace no',
  ],
  description: [
    'description',
    'noi dung',
    'dien giai',
    'noi dung giao dich',
    'noi dung/dien giai',
    'mo ta',
    'chi tiet giao dich',
    'chi tiet',
    'transaction description',
    'details',
    'transaction details',
    'remark',
    'remarks',
  ],
};

/** The parts of a bilingual header ("Ngày giao dịch / Transaction date", "Số tiền ghi có\n(Credit)"). */
function headerParts(text: string): string[] {
  const whole = headerKey(text);
  const parts = text
    .split(/[/\n()]/)
    .map(headerKey)
    .filter((p) => p !== '');
  return [whole, ...parts];
}

/** The role a header names, if any. */
export function roleOf(header: string): StatementRole | null {
  const parts = headerParts(header);
  for (const role of STATEMENT_ROLES) if (parts.some((p) => SYNONYMS[role].includes(p))) return role;
  return null;
}

/** The mapping a header row suggests: for each role the first header naming it (or null). */
export function guessMapping(headers: readonly string[]): { [R in StatementRole]: string | null } {
  const out: { [R in StatementRole]: string | null } = { date: null, amount: null, reference: null, description: null };
  for (const h of headers) {
    const role = roleOf(h);
    if (role && out[role] === null) out[role] = h.trim();
  }
  return out;
}

/** The index of each mapped column in a header row (by headerKey), or -1. */
export function columnIndexes(headers: readonly string[], mapping: ColumnMapping): { [R in StatementRole]: number } {
  const keys = headers.map(headerKey);
  const at = (name: string | null): number => (name === null ? -1 : keys.indexOf(headerKey(name)));
  return { date: at(mapping.date), amount: at(mapping.amount), reference: at(mapping.reference), description: at(mapping.description) };
}
