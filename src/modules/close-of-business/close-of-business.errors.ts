import { defineErrors } from '../../platform/errors/index.js';

export const CloseOfBusinessErrors = defineErrors({
  'BUSINESS_DATE.ALREADY_IN_USE': {
    status: 409,
    title: 'Business date already in use',
    vi: 'Không thể đặt lại ngày làm việc khi đã có giao dịch tiền ({transactions} giao dịch).',
    en: 'The business date cannot be reset once money has moved ({transactions} transactions).',
  },
  'CLOSE.DATE_NOT_ENDED': {
    status: 422,
    title: 'Day has not ended',
    vi: 'Không thể chốt ngày {actual}: chỉ chốt được đến ngày {limit} (ngày đã kết thúc).',
    en: 'Cannot close {actual}: days can be closed up to {limit} (days that have ended).',
  },
});
