import { defineErrors } from '../../platform/errors/index.js';

export const BusinessDateErrors = defineErrors({
  'BUSINESS_DATE.ALREADY_IN_USE': {
    status: 409,
    title: 'Business date already in use',
    vi: 'Không thể đặt lại ngày làm việc khi đã có giao dịch tiền ({transactions} giao dịch).',
    en: 'The business date cannot be reset once money has moved ({transactions} transactions).',
  },
});
