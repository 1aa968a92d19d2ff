import { defineErrors } from '../../platform/errors/index.js';

export const ImportErrors = defineErrors({
  'IMPORT.MALFORMED_FILE': {
    status: 400,
    title: 'Malformed statement file',
    vi: 'Tệp sao kê không hợp lệ: {count} lỗi, xem danh sách theo số dòng; không dòng nào được nhập.',
    en: 'The statement file is malformed: {count} problem(s), listed by line number; nothing was imported.',
  },
  'IMPORT.LINE_NOT_UNMATCHED': {
    status: 409,
    title: 'Line already matched',
    vi: 'Dòng {line} đang ở trạng thái {outcome}; chỉ gán tay được dòng chưa khớp.',
    en: 'Line {line} is {outcome}; only UNMATCHED lines can be assigned by hand.',
  },
  'IMPORT.DUPLICATE_LINE': {
    status: 409,
    title: 'Statement line already recorded',
    vi: 'Dòng sao kê này đã được ghi nhận ở lần nhập {importId}, dòng {line} (thu nợ {repaymentId}).',
    en: 'This statement line was already recorded by import {importId}, line {line} (repayment {repaymentId}).',
  },
  'IMPORT.LINE_IN_FLIGHT': {
    status: 409,
    title: 'Line being recorded',
    vi: 'Dòng sao kê này đang được ghi nhận bởi một tiến trình khác.',
    en: 'This statement line is being recorded by another process.',
  },
  'IMPORT.TOO_MANY_ACTIVE': {
    status: 429,
    title: 'Too many imports in progress',
    vi: 'Bạn đang có {active} lần nhập sao kê chờ hoặc đang chạy (tối đa {limit}); thử lại sau {retryAfterSeconds} giây.',
    en: 'You have {active} statement imports queued or running (at most {limit}); try again in {retryAfterSeconds} seconds.',
  },
});
