import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ProposeWriteOffDto {
  @ApiProperty({ example: 'HTX giải thể, tài sản bảo đảm đã xử lý, không còn khả năng trả nợ' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;
}

/** domain.md "Restructuring and risk": a group-5 loan written off against provisions, kept off balance. */
export class WriteOffDto {
  @ApiProperty({ example: '3' }) id: string;
  @ApiProperty({ example: '12' }) loanId: string;
  @ApiProperty({ enum: ['PROPOSED', 'APPROVED', 'REJECTED'], example: 'APPROVED' }) status: string;
  @ApiProperty({ example: 'HTX giải thể' }) reason: string;
  @ApiProperty({ example: '2026-01-15' }) proposedDate: string;
  @ApiProperty({ example: 5 }) debtGroupAtProposal: number;
  @ApiProperty({ example: '4' }) proposedBy: string;
  @ApiProperty({ example: '5', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ example: '2026-01-15T08:12:00.000Z', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ example: '2026-01-15', nullable: true, type: String }) effectiveDate: string | null;
  @ApiProperty({ example: '400000000', nullable: true, type: String, description: 'Principal receivable written off' }) principal: string | null;
  @ApiProperty({ example: '12000000', nullable: true, type: String }) interest: string | null;
  @ApiProperty({ example: '3500000', nullable: true, type: String }) penalty: string | null;
  @ApiProperty({ example: '415500000', nullable: true, type: String, description: 'Put in the off-balance register' }) total: string | null;
  @ApiProperty({ example: '400000000', nullable: true, type: String, description: 'Specific provision used' }) provisionUsed: string | null;
  @ApiProperty({ example: '15500000', nullable: true, type: String, description: 'Shortfall charged to provision expense' }) provisionExpense: string | null;
  @ApiProperty({ example: '315500000', nullable: true, type: String, description: 'Left to recover (off-balance register)' }) remaining: string | null;
  @ApiProperty({ example: '88', nullable: true, type: String }) journalTransactionId: string | null;
}

export class RecoveryDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: '12' }) loanId: string;
  @ApiProperty({ example: '3' }) writeOffId: string;
  @ApiProperty({ example: '2026-02-01' }) valueDate: string;
  @ApiProperty({ example: '2026-02-01' }) bookingDate: string;
  @ApiProperty({ example: '100000000' }) amount: string;
  @ApiProperty({ example: 'UNC-2026-000045' }) reference: string;
  @ApiProperty({ example: 'BANK_TRANSFER' }) channel: string;
  @ApiProperty({ example: '91' }) journalTransactionId: string;
  @ApiProperty({ example: '315500000', description: 'Left to recover after this recovery' }) remaining: string;
}
