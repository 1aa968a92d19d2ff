import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { LoanPaymentQrDto } from '../dto/payment-qr.dto.js';
import { PaymentQrService } from '../services/payment-qr.service.js';

@ApiTags('loans')
@Controller('loans')
export class PaymentQrController {
  constructor(private readonly qr: PaymentQrService) {}

  @Get(':id/payment-qr')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({
    summary: 'VietQR codes to pay the loan by bank app: each overdue installment, the next one and the payoff (a cooperative user gets its own loans)',
  })
  @ApiOkResponse({ type: LoanPaymentQrDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanPaymentQrDto> {
    return this.qr.forLoan(actor, id);
  }
}
