import type { BookSheet } from '../dto/book-import.dto.js';

/** What a cell must hold; the parser turns each into a typed value or an error (book-rules.ts). */
export type CellKind = 'text' | 'date' | 'money' | 'int' | 'percent' | 'code';

/** A drop-down list the template fills from reference data (book-templates.service.ts). */
export type ListSource = 'borrowerTypes' | 'communes' | 'sectors' | 'products' | 'capitalSources' | 'frequencies' | 'modes' | 'loanRefs' | 'borrowerRefs';

export interface BookColumn {
  readonly key: string;
  readonly vi: string;
  readonly en: string;
  readonly kind: CellKind;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly list?: ListSource;
  readonly width?: number;
  readonly noteVi?: string;
  readonly noteEn?: string;
}

const col = (key: string, vi: string, en: string, kind: CellKind, required: boolean, extra: Partial<BookColumn> = {}): BookColumn => ({
  key,
  vi,
  en,
  kind,
  required,
  ...extra,
});

/**
 * The workbook's sheets and columns. Sheet names and column keys are the same in both languages;
 * the header row may be written in Vietnamese or English (the upload recognises either).
 */
export const BOOK_COLUMNS: Readonly<Record<BookSheet, readonly BookColumn[]>> = {
  Borrowers: [
    col('ref', 'Mã khách hàng (sổ cũ)', 'Borrower ref (old book)', 'code', true, { maxLength: 50, width: 20 }),
    col('type', 'Loại khách hàng', 'Borrower type', 'code', true, { list: 'borrowerTypes', width: 20 }),
    col('identityCode', 'Mã số thuế / CCCD', 'Tax code / citizen ID', 'code', true, { maxLength: 14, width: 18 }),
    col('legalName', 'Tên khách hàng', 'Legal name', 'text', true, { maxLength: 200, width: 36 }),
    col('shortName', 'Tên viết tắt', 'Short name', 'text', false, { maxLength: 100, width: 20 }),
    col('legalRepresentative', 'Người đại diện', 'Legal representative', 'text', false, { maxLength: 200, width: 24 }),
    col('phone', 'Điện thoại', 'Phone', 'code', false, { maxLength: 16, width: 14 }),
    col('memberCount', 'Số thành viên', 'Members', 'int', false, { width: 10 }),
    col('charterCapital', 'Vốn điều lệ (đồng)', 'Charter capital (VND)', 'money', false, { width: 18 }),
    col('communeCode', 'Xã/phường 2025 (mã)', '2025 commune (code)', 'code', false, {
      list: 'communes',
      width: 30,
      noteVi: 'Chọn xã/phường sau sáp nhập 2025; nếu chỉ biết địa chỉ cũ, để trống và điền hai cột sau.',
      noteEn: 'Pick the 2025 commune or ward; if only the old address is known, leave empty and fill the next two columns.',
    }),
    col('oldCommune', 'Xã cũ (trước 7/2025)', 'Former commune (before 7/2025)', 'text', false, { maxLength: 100, width: 24 }),
    col('oldDistrict', 'Huyện cũ (trước 7/2025)', 'Former district (before 7/2025)', 'text', false, { maxLength: 100, width: 24 }),
    col('sectorCode', 'Ngành VSIC (mã ngành cấp 1)', 'VSIC section', 'code', true, { list: 'sectors', width: 28 }),
  ],
  Loans: [
    col('ref', 'Số hợp đồng (sổ cũ)', 'Contract number (old book)', 'code', true, { maxLength: 50, width: 20 }),
    col('borrowerRef', 'Mã khách hàng (sổ cũ)', 'Borrower ref (old book)', 'code', true, {
      maxLength: 50,
      width: 20,
      noteVi: 'Mã ở sheet Borrowers, hoặc MST/CCCD của khách hàng đã có trong hệ thống.',
      noteEn: 'A ref of the Borrowers sheet, or the tax code / citizen ID of a borrower already in the system.',
    }),
    col('productCode', 'Sản phẩm vay (mã)', 'Loan product (code)', 'code', true, { list: 'products', maxLength: 30, width: 22 }),
    col('capitalSource', 'Nguồn vốn', 'Capital source', 'text', true, { list: 'capitalSources', maxLength: 200, width: 34 }),
    col('sectorCode', 'Ngành VSIC của phương án', 'VSIC section of the project', 'code', true, { list: 'sectors', width: 28 }),
    col('purpose', 'Mục đích vay', 'Purpose', 'text', true, { maxLength: 500, width: 30 }),
    col('signingDate', 'Ngày ký hợp đồng', 'Signing date', 'date', true, { width: 14 }),
    col('amount', 'Số tiền cho vay theo HĐ (đồng)', 'Contract amount (VND)', 'money', true, { width: 18 }),
    col('ratePercent', 'Lãi suất (%/năm)', 'Rate (%/year)', 'percent', true, { width: 12 }),
    col('termMonths', 'Thời hạn (tháng)', 'Term (months)', 'int', true, { width: 12 }),
    col('frequency', 'Kỳ trả gốc', 'Principal frequency', 'code', true, { list: 'frequencies', width: 16 }),
    col('mode', 'Cách nhập', 'Way in', 'code', true, {
      list: 'modes',
      width: 16,
      noteVi: 'HISTORY: có lịch sử giải ngân và thu nợ; OPENING: số dư đầu kỳ tại ngày chốt.',
      noteEn: 'HISTORY: with its disbursements and repayments; OPENING: opening position at the cut-over date.',
    }),
    col('origin', 'Nguồn gốc (quỹ cũ)', 'Fund of origin', 'text', false, { maxLength: 200, width: 28 }),
    col('reportedAsOf', 'Số liệu sổ cũ tại ngày', 'Old book figures as of', 'date', false, { width: 14 }),
    col('reportedPrincipal', 'Dư nợ gốc theo sổ cũ', 'Outstanding principal (old book)', 'money', false, { width: 18 }),
    col('reportedInterest', 'Lãi phải thu theo sổ cũ', 'Interest receivable (old book)', 'money', false, { width: 18 }),
  ],
  Disbursements: [
    col('loanRef', 'Số hợp đồng (sổ cũ)', 'Contract number (old book)', 'code', true, { maxLength: 50, list: 'loanRefs', width: 20 }),
    col('date', 'Ngày giải ngân', 'Disbursement date', 'date', true, { width: 14 }),
    col('amount', 'Số tiền (đồng)', 'Amount (VND)', 'money', true, { width: 18 }),
    col('reference', 'Số chứng từ', 'Voucher', 'text', false, { maxLength: 100, width: 18 }),
  ],
  Repayments: [
    col('loanRef', 'Số hợp đồng (sổ cũ)', 'Contract number (old book)', 'code', true, { maxLength: 50, list: 'loanRefs', width: 20 }),
    col('date', 'Ngày thu nợ', 'Repayment date', 'date', true, { width: 14 }),
    col('amount', 'Số tiền (đồng)', 'Amount (VND)', 'money', true, { width: 18 }),
    col('reference', 'Số chứng từ', 'Voucher', 'text', false, { maxLength: 100, width: 18 }),
  ],
  OpeningPositions: [
    col('loanRef', 'Số hợp đồng (sổ cũ)', 'Contract number (old book)', 'code', true, { maxLength: 50, list: 'loanRefs', width: 20 }),
    col('cutOverDate', 'Ngày chốt số dư', 'Cut-over date', 'date', true, { width: 14 }),
    col('firstDisbursementDate', 'Ngày giải ngân đầu', 'First disbursement date', 'date', true, { width: 14 }),
    col('disbursedPrincipal', 'Đã giải ngân (đồng)', 'Disbursed (VND)', 'money', true, { width: 18 }),
    col('outstandingPrincipal', 'Dư nợ gốc (đồng)', 'Outstanding principal (VND)', 'money', true, { width: 18 }),
    col('overduePrincipal', 'Gốc quá hạn (đồng)', 'Overdue principal (VND)', 'money', true, { width: 18 }),
    col('overdueInterest', 'Lãi quá hạn chưa trả (đồng)', 'Overdue interest (VND)', 'money', true, { width: 18 }),
    col('accruedInterest', 'Lãi dự thu (đồng)', 'Accrued interest (VND)', 'money', true, { width: 18 }),
    col('dpd', 'Số ngày quá hạn', 'Days past due', 'int', true, { width: 12 }),
    col('debtGroup', 'Nhóm nợ', 'Debt group', 'int', true, { width: 10 }),
  ],
};

export const FREQUENCY_CHOICES = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY'] as const;
export const MODES = ['HISTORY', 'OPENING'] as const;
export const INSTRUCTIONS_SHEET = 'Instructions';
export const LISTS_SHEET = 'Lists';

/** Header text as written (any case, spacing) → the column's key. */
export function headerKey(sheet: BookSheet, text: string): string | undefined {
  const norm = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  const t = norm(text);
  return BOOK_COLUMNS[sheet].find((c) => norm(c.vi) === t || norm(c.en) === t || norm(c.key) === t)?.key;
}
