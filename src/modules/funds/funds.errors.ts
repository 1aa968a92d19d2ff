import { defineErrors } from '../../platform/errors/index.js';

export const FundErrors = defineErrors({
  'CAPITAL_SOURCE.NAME_TAKEN': {
    status: 409,
    title: 'Capital source name taken',
    vi: 'Đã có nguồn vốn tên {name}.',
    en: 'A capital source named {name} already exists.',
  },
  'CAPITAL_SOURCE.WITHDRAWAL_ABOVE_AVAILABLE': {
    status: 422,
    title: 'Withdrawal above available capital',
    vi: 'Rút vốn {actual} vượt vốn khả dụng {limit} của nguồn vốn (vốn − dư nợ − đã duyệt chưa giải ngân).',
    en: 'Withdrawal {actual} exceeds the source’s available capital {limit} (capital − outstanding − approved but undisbursed).',
  },
  'FUND.CHARTER_CAPITAL_DATE_TAKEN': {
    status: 409,
    title: 'Charter capital already set for that date',
    vi: 'Đã có vốn điều lệ hiệu lực từ ngày {effectiveDate}.',
    en: 'A charter capital effective on {effectiveDate} already exists.',
  },
});
