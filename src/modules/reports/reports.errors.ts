import { defineErrors } from '../../platform/errors/index.js';

export const ReportErrors = defineErrors({
  'REPORT.AS_OF_NOT_CLOSED': {
    status: 422,
    title: 'Date not closed yet',
    vi: 'Ngày báo cáo {actual} sau ngày đã chốt gần nhất {limit}.',
    en: 'The report date {actual} is after the last closed business date {limit}.',
  },
  'REPORT.INVALID_PERIOD': {
    status: 422,
    title: 'Invalid period',
    vi: 'Kỳ báo cáo không hợp lệ: từ {from} đến {to} (phải có từ ≤ đến ≤ {limit}).',
    en: 'Invalid period {from} – {to} (from ≤ to ≤ {limit} required).',
  },
  'REPORT.GROUP_BY_TOO_MANY': {
    status: 422,
    title: 'Too many dimensions',
    vi: 'Chỉ nhóm được theo tối đa hai chiều, khác nhau (nhận {actual}).',
    en: 'Group by at most two different dimensions (got {actual}).',
  },
  'REPORT.EXPORT_NOT_READY': {
    status: 409,
    title: 'Export not ready',
    vi: 'Tệp xuất {id} chưa sẵn sàng (trạng thái {status}, {progress}%).',
    en: 'Export {id} is not ready (status {status}, {progress}%).',
  },
  'STATEMENT.INVALID_PERIOD': {
    status: 422,
    title: 'Invalid statement period',
    vi: 'Kỳ sao kê không hợp lệ: từ {from} đến {to} (đến ≤ {limit}).',
    en: 'Invalid statement period {from} – {to} (to ≤ {limit}).',
  },
  'REPORT.TOO_MANY_EXPORTS': {
    status: 429,
    title: 'Too many exports in progress',
    vi: 'Bạn đang có {active} bản xuất báo cáo chờ hoặc đang chạy (tối đa {limit}); thử lại sau {retryAfterSeconds} giây.',
    en: 'You have {active} report exports queued or running (at most {limit}); try again in {retryAfterSeconds} seconds.',
  },
});
