import { defineErrors } from '../../platform/errors/index.js';

/** Restructuring, write-off and recoveries (domain.md "Restructuring and risk", Decree 45 Art. 27–28). */
export const LoanRiskErrors = defineErrors({
  'RESTRUCTURING.ALREADY_PROPOSED': {
    status: 409,
    title: 'Restructuring already proposed',
    vi: 'Khoản vay đã có đề xuất cơ cấu lại {id} đang chờ duyệt.',
    en: 'The loan already has restructuring {id} awaiting a decision.',
  },
  'RESTRUCTURING.INVALID_SCHEDULE': {
    status: 422,
    title: 'Invalid new schedule',
    vi: 'Lịch trả nợ mới không hợp lệ vào ngày {date}: {count} quy tắc bị vi phạm.',
    en: 'The new schedule is invalid on {date}: {count} rule(s) broken.',
  },
  'RESTRUCTURING.NOT_PROPOSED': {
    status: 409,
    title: 'Restructuring already decided',
    vi: 'Đề xuất cơ cấu lại {id} đã ở trạng thái {status}.',
    en: 'Restructuring {id} is already {status}.',
  },
  'RESTRUCTURING.FOUR_EYES': {
    status: 403,
    title: 'Four-eyes rule',
    vi: 'Người phê duyệt không được là người đề xuất cơ cấu lại {id}.',
    en: 'The approver may not be the user who proposed restructuring {id}.',
  },
  'WRITE_OFF.NOT_GROUP_5': {
    status: 422,
    title: 'Only group-5 loans are written off',
    vi: 'Chỉ xử lý rủi ro khoản vay nhóm 5; khoản vay đang ở nhóm {actual}.',
    en: 'Only a group-5 loan can be written off; the loan is in group {actual}.',
  },
  'WRITE_OFF.ALREADY_PROPOSED': {
    status: 409,
    title: 'Write-off already proposed',
    vi: 'Khoản vay đã có đề xuất xử lý rủi ro {id} ({status}).',
    en: 'The loan already has write-off {id} ({status}).',
  },
  'WRITE_OFF.NOT_PROPOSED': {
    status: 409,
    title: 'Write-off already decided',
    vi: 'Đề xuất xử lý rủi ro {id} đã ở trạng thái {status}.',
    en: 'Write-off {id} is already {status}.',
  },
  'WRITE_OFF.FOUR_EYES': {
    status: 403,
    title: 'Four-eyes rule',
    vi: 'Người phê duyệt không được là người đề xuất xử lý rủi ro {id}.',
    en: 'The approver may not be the user who proposed write-off {id}.',
  },
  'RECOVERY.NOT_WRITTEN_OFF': {
    status: 409,
    title: 'Loan not written off',
    vi: 'Chỉ ghi nhận thu hồi nợ cho khoản vay đã xử lý rủi ro; khoản vay đang {status}.',
    en: 'Recoveries are recorded on written-off loans only; the loan is {status}.',
  },
  'RECOVERY.ABOVE_REMAINING': {
    status: 422,
    title: 'Above what is left to recover',
    vi: 'Số thu hồi {actual} vượt số còn theo dõi ngoại bảng {limit}.',
    en: 'The recovery {actual} exceeds the {limit} left in the off-balance register.',
  },
  'RECOVERY.BEFORE_WRITE_OFF': {
    status: 422,
    title: 'Before the write-off',
    vi: 'Ngày thu hồi {actual} trước ngày xử lý rủi ro {limit}.',
    en: 'The recovery date {actual} is before the write-off on {limit}.',
  },
});
