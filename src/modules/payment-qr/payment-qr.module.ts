import { Module } from '@nestjs/common';
import { LoansModule } from '../loans/index.js';
import { PaymentQrController } from './controllers/payment-qr.controller.js';
import { PaymentQrService } from './services/payment-qr.service.js';
import './payment-qr.errors.js';

/** VietQR codes to pay a loan by bank app, for the portal, the statement PDF and the reminder email. */
@Module({
  imports: [LoansModule],
  controllers: [PaymentQrController],
  providers: [PaymentQrService],
  exports: [PaymentQrService],
})
export class PaymentQrModule {}
