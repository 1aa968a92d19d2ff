import { defineErrors, type ErrorDefinition } from '../../platform/errors/index.js';

/**
 * Lending-condition refusals (domain/lending-conditions.ts). Each is a 422 whose problem
 * carries rule, limit and actual (domain.md: each refusal names the rule, the limit and the figure).
 */
const LENDING_REFUSALS: Record<string, string> = {
  'APPLICATION.BORROWER_INACTIVE': 'Borrower inactive',
  'APPLICATION.BORROWER_UNDER_AGE': 'Borrower under 18',
  'APPLICATION.BORROWER_OUTSIDE_PROVINCE': 'Borrower outside the fund’s province',
  'APPLICATION.PRODUCT_RETIRED': 'Product retired',
  'APPLICATION.BORROWER_TYPE_NOT_ALLOWED': 'Borrower type not allowed by the product',
  'APPLICATION.SECTOR_NOT_ALLOWED': 'Sector not allowed by the product',
  'APPLICATION.AMOUNT_BELOW_PRODUCT_MIN': 'Amount below the product minimum',
  'APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX': 'Amount above the product maximum',
  'APPLICATION.TERM_BELOW_PRODUCT_MIN': 'Term below the product minimum',
  'APPLICATION.TERM_ABOVE_PRODUCT_MAX': 'Term above the product maximum',
  'APPLICATION.TERM_NOT_WHOLE_PERIODS': 'Term not a whole number of periods',
  'APPLICATION.GRACE_NOT_BELOW_PERIODS': 'Grace periods not fewer than the periods',
  'APPLICATION.RATE_ABOVE_PRODUCT': 'Rate above the product rate',
  'APPLICATION.COLLATERAL_REQUIRED': 'Collateral required',
  'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM': 'Collateral cover below the product minimum',
  'APPLICATION.ABOVE_INVESTMENT_SHARE': 'Loan above 80% of total investment',
  'APPLICATION.CHARTER_CAPITAL_NOT_SET': 'Charter capital not set',
  'APPLICATION.ABOVE_CUSTOMER_LIMIT': 'Above 15% of charter capital for one customer',
  'APPLICATION.ABOVE_GROUP_LIMIT': 'Above 25% of charter capital with related persons',
  'APPLICATION.ABOVE_SOURCE_AVAILABLE': 'Above the capital source’s available capital',
};

const refusals: Record<string, ErrorDefinition> = Object.fromEntries(
  Object.entries(LENDING_REFUSALS).map(([code, title]) => [
    code,
    {
      status: 422,
      title,
      vi: 'Không đạt điều kiện cho vay: {rule}. Giới hạn {limit}, giá trị {actual}.',
      en: 'Lending condition not met: {rule}. Limit {limit}, actual {actual}.',
    },
  ]),
);

export const LENDING_REFUSAL_CODES = Object.keys(LENDING_REFUSALS);

// The cover's message carries its figures formatted (docs/collateral.md "Cover").
refusals['APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM'] = {
  status: 422,
  title: 'Collateral cover below the product minimum',
  vi: 'Tài sản bảo đảm chưa đủ: {rule}. Yêu cầu {required}, hiện có {actualFormatted} ({ratio}).',
  en: 'Collateral cover short: {rule}. Required {required}, actual {actualFormatted} ({ratio}).',
};

defineErrors(refusals);

export const ApplicationErrors = defineErrors({
  'APPLICATION.ILLEGAL_TRANSITION': {
    status: 409,
    title: 'Illegal transition',
    vi: 'Không thể {action} hồ sơ vay ở trạng thái {currentStatus}.',
    en: 'Cannot {action} an application in status {currentStatus}.',
  },
  'APPLICATION.FOUR_EYES': {
    status: 403,
    title: 'Four-eyes rule',
    vi: 'Người phê duyệt không được là người đã lập, nộp hoặc thẩm định hồ sơ {id}.',
    en: 'The approver may not be the user who created, submitted or appraised application {id}.',
  },
  'APPLICATION.APPRAISAL_REQUIRED': {
    status: 409,
    title: 'Appraisal required',
    vi: 'Hồ sơ {id} chưa có kết quả thẩm định.',
    en: 'Application {id} has no appraisal yet.',
  },
  'APPLICATION.NOT_EDITABLE': {
    status: 409,
    title: 'Not editable',
    vi: 'Không thể {action} khi hồ sơ ở trạng thái {currentStatus}.',
    en: 'Cannot {action} while the application is {currentStatus}.',
  },
  'APPLICATION.DOCUMENTS_MISSING': {
    status: 422,
    title: 'Required documents missing',
    vi: 'Hồ sơ còn thiếu {count} loại tài liệu bắt buộc: {missing}. Tải lên hoặc miễn có lý do.',
    en: 'The application lacks {count} required document type(s): {missing}. Upload them or waive them with a reason.',
  },
  'APPLICATION.DOCUMENT_NOT_REQUIRED': {
    status: 422,
    title: 'Document not required',
    vi: 'Sản phẩm không yêu cầu loại tài liệu {docType}: không có gì để miễn.',
    en: 'The product does not require {docType}: there is nothing to waive.',
  },
});
