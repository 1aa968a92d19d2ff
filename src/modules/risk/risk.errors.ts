import { defineErrors } from '../../platform/errors/index.js';

export const RiskErrors = defineErrors({
  'CLASSIFICATION_POLICY.NONE_IN_FORCE': {
    status: 422,
    title: 'No classification policy',
    vi: 'Không có chính sách phân loại nợ nào có hiệu lực ngày {date}.',
    en: 'No debt classification policy is in force on {date}.',
  },
  'CLASSIFICATION_POLICY.DATE_CLOSED': {
    status: 422,
    title: 'Date already closed',
    vi: 'Chính sách chỉ có hiệu lực từ ngày làm việc chưa chốt (từ {limit}), không phải {actual}.',
    en: 'A policy can take effect only from a business date not yet closed ({limit} or later), not {actual}.',
  },
  'CLASSIFICATION_POLICY.UNKNOWN': {
    status: 422,
    title: 'Unknown policy',
    vi: 'Không có mẫu chính sách phân loại nợ {code}.',
    en: 'There is no classification policy template {code}.',
  },
});
