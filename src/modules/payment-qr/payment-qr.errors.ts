import { defineErrors } from '../../platform/errors/index.js';

export const PaymentQrErrors = defineErrors({
  'PAYMENT_QR.CONTRACT_NUMBER_TOO_LONG': {
    status: 422,
    title: 'Contract number does not fit a VietQR',
    vi: 'Số hợp đồng {contractNumber} dài quá 25 ký tự của trường nội dung chuyển khoản VietQR.',
    en: 'The contract number {contractNumber} is longer than the 25 characters of the VietQR purpose field.',
  },
});
