import { defineErrors } from '../../platform/errors/index.js';

/** Recall of the remaining principal before term (thu hồi nợ trước hạn) and disbursement guards of other modules. */
export const LoanAccelerationErrors = defineErrors({
  'LOAN.ACCELERATION_DATE_INVALID': {
    status: 422,
    title: 'Recall date invalid',
    vi: 'Ngày thu hồi nợ trước hạn phải sau ngày làm việc {business} và trước ngày đáo hạn {maturity}; đã nhập {actual}.',
    en: 'The recall date must be after the business date {business} and before the maturity {maturity}; got {actual}.',
  },
});
