import { defineErrors } from '../../platform/errors/index.js';

/** Checks on the use of the money (kiểm tra sử dụng vốn vay) and recall cases (README "The loan file"). */
export const InspectionErrors = defineErrors({
  'INSPECTION.ALREADY_RECORDED': {
    status: 409,
    title: 'Inspection already recorded',
    vi: 'Lần giải ngân {disbursementEventId} đã có biên bản kiểm tra sử dụng vốn.',
    en: 'Disbursement {disbursementEventId} already has its inspection recorded.',
  },
  'INSPECTION.VISIT_DATE_INVALID': {
    status: 422,
    title: 'Visit date invalid',
    vi: 'Ngày kiểm tra phải từ ngày giải ngân {limit} đến ngày làm việc {business}; đã nhập {actual}.',
    en: 'The visit date must be between the disbursement date {limit} and the business date {business}; got {actual}.',
  },
  'INSPECTION.AMOUNT_ABOVE_DISBURSED': {
    status: 422,
    title: 'Amount verified above the disbursement',
    vi: 'Số tiền đã kiểm tra {actual} vượt số tiền giải ngân {limit}.',
    en: 'The amount verified {actual} is above the amount disbursed {limit}.',
  },
  'INSPECTION.TRANCHE_NEEDS_INSPECTION': {
    status: 422,
    title: 'Previous tranche not inspected as used as planned',
    vi: 'Sản phẩm yêu cầu kiểm tra sử dụng vốn lần giải ngân trước (ngày {limit}) với kết quả đúng mục đích trước khi giải ngân tiếp; kết quả hiện tại: {actual}.',
    en: 'The product requires the previous tranche (disbursed {limit}) to be inspected as used as planned before the next one; current finding: {actual}.',
  },
  'RECALL.NOT_PROPOSED': {
    status: 409,
    title: 'Recall already decided',
    vi: 'Đề xuất thu hồi nợ trước hạn {id} đã ở trạng thái {status}.',
    en: 'Recall case {id} is already {status}.',
  },
  'RECALL.FOUR_EYES': {
    status: 403,
    title: 'Four-eyes rule',
    vi: 'Người phê duyệt không được là người đề xuất thu hồi nợ {id}.',
    en: 'The approver may not be the user who proposed recall case {id}.',
  },
  'RECALL.ALREADY_OPEN': {
    status: 409,
    title: 'Recall already open',
    vi: 'Khoản vay đã có đề xuất thu hồi nợ trước hạn {id} đang chờ duyệt.',
    en: 'The loan already has recall case {id} awaiting a decision.',
  },
});
