/**
 * The rules a workbook row can break, with their messages in Vietnamese and English. The codes are
 * dotted (`book-import.*`) like the API's domain errors; where a rule is the API's own (identity
 * numbers, communes in the fund's province, sectors, product limits) the message names the same rule.
 */
const RULES = {
  'book-import.required': { vi: 'Cột "{column}" bắt buộc phải có giá trị.', en: 'Column "{column}" is required.' },
  'book-import.max-length': { vi: 'Quá {limit} ký tự.', en: 'Longer than {limit} characters.' },
  'book-import.date': { vi: 'Ngày không hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd): "{value}".', en: 'Not a date (dd/MM/yyyy or yyyy-MM-dd): "{value}".' },
  'book-import.date-after-business-date': { vi: 'Ngày {value} sau ngày nghiệp vụ {limit}.', en: 'Date {value} is after the business date {limit}.' },
  'book-import.whole-dong': {
    vi: 'Số tiền phải là số nguyên đồng dương, không có phần lẻ: "{value}".',
    en: 'Amounts are positive whole đồng, no fraction: "{value}".',
  },
  'book-import.integer': { vi: 'Phải là số nguyên không âm: "{value}".', en: 'Must be a whole number ≥ 0: "{value}".' },
  'book-import.percent': { vi: 'Lãi suất phải là số phần trăm từ 0 đến 100: "{value}".', en: 'The rate is a percent between 0 and 100: "{value}".' },
  'book-import.unknown-value': { vi: 'Giá trị "{value}" không có trong danh sách ({list}).', en: 'Value "{value}" is not in the list ({list}).' },
  'book-import.missing-header': { vi: 'Thiếu cột "{column}" ở dòng tiêu đề.', en: 'The header row lacks column "{column}".' },
  'book-import.missing-sheet': { vi: 'Thiếu sheet "{value}".', en: 'Sheet "{value}" is missing.' },
  'book-import.duplicate-ref': { vi: 'Mã "{value}" đã dùng ở dòng {limit}.', en: 'Reference "{value}" already used on row {limit}.' },
  'book-import.identity': {
    vi: 'Mã định danh "{value}" không hợp lệ cho loại {limit}: tổ chức 10 số (hoặc 10-3 số), thành viên CCCD 12 số.',
    en: 'Identity "{value}" is not valid for type {limit}: organisations 10 digits (or 10-3), members a 12-digit citizen ID.',
  },
  'book-import.identity-taken': {
    vi: 'Mã định danh "{value}" đã có trong hệ thống (khách hàng {limit}); dùng mã này ở sheet Loans thay vì khai lại.',
    en: 'Identity "{value}" is already in the system (borrower {limit}); reference it from the Loans sheet instead.',
  },
  'book-import.member-not-supported': {
    vi: 'Thành viên HTX (MEMBER) cần gắn với một HTX: hãy nhập qua màn hình khách hàng.',
    en: 'Cooperative members (MEMBER) belong to a cooperative: enter them on the borrower screen.',
  },
  'book-import.commune-outside-province': {
    vi: 'Xã/phường {value} ({name}) không thuộc tỉnh của Quỹ ({limit}).',
    en: 'Commune {value} ({name}) is not in the fund’s province ({limit}).',
  },
  'book-import.unknown-commune': { vi: 'Không có xã/phường mã {value} trong danh mục 2025.', en: 'No 2025 commune has code {value}.' },
  'book-import.old-address-unmatched': {
    vi: 'Không tìm được xã 2025 cho địa chỉ cũ "{value}".',
    en: 'No 2025 commune found for the former address "{value}".',
  },
  'book-import.old-address-unsupported': {
    vi: 'Chưa có bảng đối chiếu địa giới cũ: hãy ghi mã xã 2025 (địa chỉ cũ "{value}").',
    en: 'The former-commune correspondence is not available: give the 2025 commune code (former address "{value}").',
  },
  'book-import.address-required': { vi: 'Cần mã xã 2025 hoặc xã và huyện cũ.', en: 'Give the 2025 commune code, or the former commune and district.' },
  'book-import.unknown-sector': { vi: 'Ngành VSIC "{value}" không có trong danh mục.', en: 'VSIC section "{value}" is not in the reference.' },
  'book-import.unknown-borrower': {
    vi: 'Khách hàng "{value}" không có ở sheet Borrowers hay trong hệ thống.',
    en: 'Borrower "{value}" is neither in the Borrowers sheet nor in the system.',
  },
  'book-import.borrower-in-error': { vi: 'Khách hàng "{value}" có lỗi ở sheet Borrowers.', en: 'Borrower "{value}" has errors in the Borrowers sheet.' },
  'book-import.unknown-loan': { vi: 'Hợp đồng "{value}" không có ở sheet Loans.', en: 'Contract "{value}" is not in the Loans sheet.' },
  'book-import.loan-ref-taken': {
    vi: 'Số hợp đồng cũ "{value}" đã được nhập ở lần nhập trước (khoản vay {limit}).',
    en: 'Old contract number "{value}" was imported before (loan {limit}).',
  },
  'book-import.unknown-product': { vi: 'Sản phẩm "{value}" không có trong hệ thống.', en: 'Product "{value}" does not exist.' },
  'book-import.unknown-capital-source': { vi: 'Nguồn vốn "{value}" không có trong hệ thống.', en: 'Capital source "{value}" does not exist.' },
  'book-import.borrower-type-not-allowed': {
    vi: 'Sản phẩm {limit} không cho vay loại khách hàng {value}.',
    en: 'Product {limit} does not lend to borrower type {value}.',
  },
  'book-import.term-not-whole-periods': {
    vi: 'Thời hạn {value} tháng không chia hết cho kỳ trả gốc {limit}.',
    en: 'The term of {value} months is not a whole number of {limit} periods.',
  },
  'book-import.mode-sheet-mismatch': {
    vi: 'Khoản vay {value} có cách nhập {limit} nhưng dữ liệu lại ở sheet khác.',
    en: 'Loan {value} is entered as {limit} but has rows in the other way’s sheet.',
  },
  'book-import.no-disbursement': {
    vi: 'Khoản vay có lịch sử "{value}" chưa có dòng giải ngân nào.',
    en: 'Loan with history "{value}" has no disbursement row.',
  },
  'book-import.no-opening-position': {
    vi: 'Khoản vay "{value}" nhập theo số dư đầu kỳ nhưng không có dòng ở sheet OpeningPositions.',
    en: 'Loan "{value}" is an opening position but has no OpeningPositions row.',
  },
  'book-import.before-signing': { vi: 'Ngày {value} trước ngày ký hợp đồng {limit}.', en: 'Date {value} is before the signing date {limit}.' },
  'book-import.before-first-disbursement': {
    vi: 'Ngày thu nợ {value} trước lần giải ngân đầu {limit}.',
    en: 'Repayment date {value} is before the first disbursement {limit}.',
  },
  'book-import.disbursed-above-contract': {
    vi: 'Tổng giải ngân {value} vượt số tiền hợp đồng {limit}.',
    en: 'Total disbursed {value} exceeds the contract amount {limit}.',
  },
  'book-import.replay-refused': { vi: 'Bộ máy tính khoản vay từ chối lịch sử: {value}.', en: 'The loan engine refused the history: {value}.' },
  'book-import.repayment-above-payoff': {
    vi: 'Khoản thu {value} vượt số phải trả để tất toán {limit} tại ngày đó.',
    en: 'Repayment {value} exceeds the payoff {limit} on that day.',
  },
  'book-import.cut-over-differs': {
    vi: 'Ngày chốt {value} khác ngày chốt {limit} của các dòng khác: mỗi tệp một ngày chốt.',
    en: 'Cut-over date {value} differs from {limit} on other rows: one cut-over date per workbook.',
  },
  'book-import.opening-inconsistent': { vi: 'Số dư không khớp: {value}.', en: 'Inconsistent opening position: {value}.' },
  'book-import.debt-group': { vi: 'Nhóm nợ phải từ 1 đến 5: "{value}".', en: 'The debt group is 1 to 5: "{value}".' },
} as const;

export type BookRule = keyof typeof RULES;
export type RuleParams = Partial<Record<'column' | 'value' | 'limit' | 'list' | 'name', string | number>>;

export function ruleMessage(rule: BookRule, params: RuleParams, lang: 'vi' | 'en'): string {
  return RULES[rule][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k as keyof RuleParams] ?? ''));
}

/** Product limits a contract signed under older rules may break: imported as LEGACY instead of refused (domain.md "Loan products"). */
export const LEGACY_RULES = {
  'product.amount-min': { vi: 'số tiền dưới mức tối thiểu {limit} của sản phẩm', en: 'amount below the product minimum {limit}' },
  'product.amount-max': { vi: 'số tiền vượt mức tối đa {limit} của sản phẩm', en: 'amount above the product maximum {limit}' },
  'product.term-min': { vi: 'thời hạn dưới {limit} tháng tối thiểu', en: 'term below the {limit}-month minimum' },
  'product.term-max': { vi: 'thời hạn vượt {limit} tháng tối đa', en: 'term above the {limit}-month maximum' },
  'product.rate-max': { vi: 'lãi suất vượt {limit}%/năm của sản phẩm', en: 'rate above the product’s {limit}%/year' },
  'product.retired': { vi: 'sản phẩm đã ngừng', en: 'product retired' },
} as const;
export type LegacyRule = keyof typeof LEGACY_RULES;

/** Which lending-condition codes of the applications module each legacy rule waives when the contract is committed. */
export const LEGACY_WAIVERS: Readonly<Record<LegacyRule, string>> = {
  'product.amount-min': 'APPLICATION.AMOUNT_BELOW_PRODUCT_MIN',
  'product.amount-max': 'APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX',
  'product.term-min': 'APPLICATION.TERM_BELOW_PRODUCT_MIN',
  'product.term-max': 'APPLICATION.TERM_ABOVE_PRODUCT_MAX',
  'product.rate-max': 'APPLICATION.RATE_ABOVE_PRODUCT',
  'product.retired': 'APPLICATION.PRODUCT_RETIRED',
};

export function legacyMessage(rules: ReadonlyArray<{ rule: LegacyRule; limit: string }>, lang: 'vi' | 'en'): string {
  const parts = rules.map((r) => LEGACY_RULES[r.rule][lang].replace('{limit}', r.limit));
  return lang === 'vi' ? `Hợp đồng cũ: ${parts.join('; ')}; giữ nguyên điều khoản như đã ký.` : `Legacy contract: ${parts.join('; ')}; terms kept as signed.`;
}
