import { ApiProperty } from '@nestjs/swagger';

export const PAYMENT_QR_KINDS = ['OVERDUE', 'DUE', 'NEXT', 'PAYOFF'] as const;
export type PaymentQrKind = (typeof PAYMENT_QR_KINDS)[number];

/** The fund's collection account the transfer goes to (configuration: VIETQR_*). */
export class PaymentPayeeDto {
  @ApiProperty({ example: '970405', description: 'NAPAS BIN of the bank' }) bankBin: string;
  @ApiProperty({ example: 'Agribank' }) bankName: string;
  @ApiProperty({ example: '8888000019999' }) accountNumber: string;
  @ApiProperty({ example: 'QUY HO TRO PHAT TRIEN HTX TINH THAI NGUYEN' }) accountName: string;
  @ApiProperty({ example: true, description: 'The account is the built-in demo account (VIETQR_* not configured): do not transfer real money' }) demo: boolean;
}

/** What the amount is made of (VND). */
export class PaymentComponentsDto {
  @ApiProperty({ example: '100000000' }) principal: string;
  @ApiProperty({ example: '3057534', description: 'Interest billed or projected to the due date' }) interest: string;
  @ApiProperty({ example: '0', description: 'Interest on overdue principal and late interest' }) penalty: string;
}

export class PaymentQrDto {
  @ApiProperty({
    enum: PAYMENT_QR_KINDS,
    example: 'NEXT',
    description:
      'OVERDUE: an installment past its due date (the oldest also carries the penalty interest); DUE: billed, due today; NEXT: the next installment; PAYOFF: settles the loan today',
  })
  kind: PaymentQrKind;
  @ApiProperty({ example: 3, nullable: true, type: Number }) installmentSeq: number | null;
  @ApiProperty({ example: '2025-05-10', nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ example: '103057534', description: 'Whole VND, the amount the code asks for' }) amount: string;
  @ApiProperty({ type: PaymentComponentsDto }) components: PaymentComponentsDto;
  @ApiProperty({ example: 'HDTD-2025-000001', description: 'Transfer purpose (nội dung): the contract number in ASCII' }) purpose: string;
  @ApiProperty({
    example: '00020101021238570010A00000072701270006970405011388880000199990208QRIBFTTA530370454091030575345802VN62200816HDTD-2025-000001630465BC',
    description: 'The VietQR (EMVCo) payload',
  })
  payload: string;
  @ApiProperty({ example: 'data:image/png;base64,iVBORw0…', description: 'The QR code as a PNG data URL' }) imageDataUrl: string;
}

export class LoanPaymentQrDto {
  @ApiProperty({ example: '12' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000001' }) contractNumber: string;
  @ApiProperty({ example: '2025-04-21', description: 'Business date the amounts are for' }) asOf: string;
  @ApiProperty({ type: PaymentPayeeDto }) payee: PaymentPayeeDto;
  @ApiProperty({ type: [PaymentQrDto], description: 'Overdue installments oldest first, a due one, the next one, then the payoff; empty when nothing is owed' })
  items: PaymentQrDto[];
}
