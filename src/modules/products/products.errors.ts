import { defineErrors } from '../../platform/errors/index.js';

export const ProductErrors = defineErrors({
  'PRODUCT.CODE_TAKEN': {
    status: 409,
    title: 'Product code taken',
    vi: 'Đã có sản phẩm vay mã {code}.',
    en: 'A loan product with code {code} already exists.',
  },
  'PRODUCT.RETIRED': {
    status: 409,
    title: 'Product retired',
    vi: 'Sản phẩm vay {id} đã ngừng áp dụng.',
    en: 'Loan product {id} is retired.',
  },
});
