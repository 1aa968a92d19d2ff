import { defineErrors } from '../../platform/errors/index.js';

export const LedgerErrors = defineErrors({
  'LEDGER.GL_CODE_TAKEN': {
    status: 409,
    title: 'GL code already used',
    vi: 'Số hiệu tài khoản {glCode} đã dùng cho tài khoản khác.',
    en: 'The GL code {glCode} is already used by another account.',
  },
});
