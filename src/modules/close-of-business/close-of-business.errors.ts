import { defineErrors } from '../../platform/errors/index.js';

export const CloseOfBusinessErrors = defineErrors({
  'CLOSE.DATE_NOT_ENDED': {
    status: 422,
    title: 'Day has not ended',
    vi: 'Không thể chốt ngày {actual}: chỉ chốt được đến ngày {limit} (ngày đã kết thúc).',
    en: 'Cannot close {actual}: days can be closed up to {limit} (days that have ended).',
  },
  'CLOSE.RUN_FAILED': {
    status: 503,
    title: 'Close of business failed',
    vi: 'Chốt ngày {date} thất bại: {error}. Xem GET /close-of-business/runs/{date} và thử lại bằng POST …/retry.',
    en: 'Close of business for {date} failed: {error}. See GET /close-of-business/runs/{date}; retry with POST …/retry.',
  },
  'CLOSE.RUN_NOT_FOUND': {
    status: 404,
    title: 'No close run',
    vi: 'Không có lần chốt ngày nào cho ngày {date}.',
    en: 'There is no close of business run for {date}.',
  },
  'CLOSE.RUN_NOT_FAILED': {
    status: 409,
    title: 'Run is not failed',
    vi: 'Chỉ chạy lại được lần chốt ngày bị lỗi; ngày {date} đang ở trạng thái {status}.',
    en: 'Only a failed run can be retried; {date} is {status}.',
  },
  'CLOSE.BUSY': {
    status: 409,
    title: 'Close of business in progress',
    vi: 'Đang chốt ngày {date}; thử lại sau {retryAfterSeconds} giây.',
    en: 'Close of business for {date} is in progress; retry in {retryAfterSeconds} seconds.',
  },
});
