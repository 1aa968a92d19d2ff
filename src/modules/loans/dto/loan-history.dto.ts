import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';
import { AllocationLineDto, LoanDto } from './loan-views.dto.js';

/** What a repayment would be, asked before recording it (the same rules, nothing written). */
export class RepaymentPreviewRequestDto {
  @ApiProperty({ example: '103337981', description: 'Whole VND as a decimal string' })
  @IsVndAmount()
  amount: string;

  @ApiProperty({ example: '2025-04-21', description: 'Value date (ngày hiệu lực)' })
  @IsLocalDate()
  valueDate: string;
}

export class RepaymentPreviewDto {
  @ApiProperty({ example: '2025-04-21' }) valueDate: string;
  @ApiProperty({ example: '103337981' }) amount: string;
  @ApiProperty({ type: [AllocationLineDto], description: 'The split the engine would apply, in the product’s allocation order' })
  allocation: AllocationLineDto[];
  @ApiProperty({ example: { PRINCIPAL: '100000000', INTEREST: '3057534' }, description: 'Totals by component' }) totals: Record<string, string>;
  @ApiProperty({ type: LoanDto, description: 'The loan as it would be after the repayment' }) loan: LoanDto;
}

export class PostingEntryDto {
  @ApiProperty({ example: 'PRINCIPAL_RECEIVABLE' }) account: string;
  @ApiProperty({ example: '2111' }) glCode: string;
  @ApiProperty({ example: 'Phải thu gốc cho vay' }) nameVi: string;
  @ApiProperty({ example: 'Loan principal receivable' }) nameEn: string;
  @ApiProperty({ example: '600000000', description: 'Debit amount, "0" on a credit line' }) debit: string;
  @ApiProperty({ example: '0', description: 'Credit amount, "0" on a debit line' }) credit: string;
}

export class LoanPostingDto {
  @ApiProperty({ example: '12' }) transactionId: string;
  @ApiProperty({
    example: 'DISBURSEMENT',
    enum: ['DISBURSEMENT', 'REPAYMENT', 'REPAYMENT_REVERSAL', 'ACCRUAL', 'PROVISION', 'WRITE_OFF', 'RECOVERY', 'OPENING_BALANCE'],
  })
  kind: string;
  @ApiProperty({ example: '2025-03-10' }) valueDate: string;
  @ApiProperty({ example: '2025-03-10' }) bookingDate: string;
  @ApiProperty({ example: 'giải ngân HĐTD-2025-000001' }) description: string;
  @ApiProperty({ example: null, nullable: true, type: String }) reversesTransactionId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) reversedByTransactionId: string | null;
  @ApiProperty({ example: false, description: 'A month-end transaction pooled over loans: only this loan’s lines are shown (they need not balance alone)' })
  pooled: boolean;
  @ApiProperty({ type: [PostingEntryDto] }) entries: PostingEntryDto[];
}

export class DebtGroupChangeDto {
  @ApiProperty({ example: '2025-04-21' }) date: string;
  @ApiProperty({ example: 1 }) fromGroup: number;
  @ApiProperty({ example: 2 }) toGroup: number;
  @ApiProperty({ example: 'DPD', enum: ['DPD', 'RESTRUCTURING', 'CROSS_LOAN'] }) reason: string;
}
