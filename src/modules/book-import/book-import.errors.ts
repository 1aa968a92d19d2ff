import { defineErrors } from '../../platform/errors/index.js';

/** Errors of the loan-book import (README "Bringing in an existing loan book", docs/book-import.md). */
export const BookImportErrors = defineErrors({
  'BOOK_IMPORT.NOT_MULTIPART': {
    status: 415,
    title: 'Workbook expected as multipart/form-data',
    vi: 'Hãy gửi tệp Excel (.xlsx) dưới dạng multipart/form-data, trường "file".',
    en: 'Send the Excel workbook (.xlsx) as multipart/form-data, field "file".',
  },
  'BOOK_IMPORT.FILE_TOO_LARGE': {
    status: 413,
    title: 'Workbook too large',
    vi: 'Tệp vượt quá {limit} byte.',
    en: 'The workbook exceeds {limit} bytes.',
  },
  'BOOK_IMPORT.MALFORMED_WORKBOOK': {
    status: 400,
    title: 'Not a readable workbook',
    vi: 'Không đọc được tệp Excel: {reason}. Hãy dùng mẫu tải từ hệ thống.',
    en: 'The workbook could not be read: {reason}. Use the template downloaded from the system.',
  },
  'BOOK_IMPORT.WRONG_STATUS': {
    status: 409,
    title: 'Import not in the right state',
    vi: 'Lần nhập {id} đang ở trạng thái {status}; thao tác này cần trạng thái {expected}.',
    en: 'Import {id} is {status}; this needs {expected}.',
  },
  'BOOK_IMPORT.SAME_USER_APPROVAL': {
    status: 403,
    title: 'Four eyes',
    vi: 'Người tải lên hoặc gửi duyệt không được tự phê duyệt lần nhập sổ.',
    en: 'The user who uploaded or submitted the import may not approve it.',
  },
  'BOOK_IMPORT.UNKNOWN_CHOICE_ROW': {
    status: 400,
    title: 'No commune proposal on that row',
    vi: 'Dòng {row} của sheet Borrowers không có đề xuất xã cần chọn.',
    en: 'Row {row} of the Borrowers sheet has no commune proposal to choose.',
  },
  'BOOK_IMPORT.CHOICE_NOT_A_CANDIDATE': {
    status: 400,
    title: 'Commune not among the candidates',
    vi: 'Xã {code} không nằm trong các xã đề xuất cho dòng {row}.',
    en: 'Commune {code} is not one of the candidates proposed for row {row}.',
  },
  'BOOK_IMPORT.NOT_COMMITTED': {
    status: 409,
    title: 'Import not committed yet',
    vi: 'Lần nhập {id} chưa được ghi sổ (trạng thái {status}).',
    en: 'Import {id} has not been committed yet (status {status}).',
  },
});
