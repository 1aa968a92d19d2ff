export { PaymentQrModule } from './payment-qr.module.js';
export { PaymentQrService } from './services/payment-qr.service.js';
export type { LoanPaymentQrDto, PaymentQrDto, PaymentPayeeDto } from './dto/payment-qr.dto.js';
export { buildVietQrPayload, vietQrPurpose } from './domain/vietqr.js';
