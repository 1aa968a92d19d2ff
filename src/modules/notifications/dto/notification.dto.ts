import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';

const ID = /^[1-9]\d{0,18}$/;
/** DUE_SOON and OVERDUE are about an installment; the *_EXPIRY kinds about a collateral asset (docs/collateral.md). */
export const NOTIFICATION_KINDS = ['DUE_SOON', 'OVERDUE', 'VALUATION_EXPIRY', 'REGISTRATION_EXPIRY', 'INSURANCE_EXPIRY'] as const;

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '3', description: 'Staff only; a cooperative user always sees its own borrower' })
  @IsOptional()
  @Matches(ID)
  borrowerId?: string;

  @ApiPropertyOptional({ example: '12' })
  @IsOptional()
  @Matches(ID)
  loanId?: string;

  @ApiPropertyOptional({ example: '7', description: 'Collateral asset of an expiry reminder' })
  @IsOptional()
  @Matches(ID)
  assetId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, example: 'OVERDUE' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: (typeof NOTIFICATION_KINDS)[number];

  @ApiPropertyOptional({ example: '2025-04-08', description: 'Business date the reminder was written for' })
  @IsOptional()
  @IsLocalDate()
  forDate?: string;
}

export class NotificationDto {
  @ApiProperty({ example: '41' }) id: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: '12', nullable: true, type: String, description: 'Null for a collateral expiry reminder' }) loanId: string | null;
  @ApiProperty({ example: 'HĐTD-2025-000001', nullable: true, type: String }) contractNumber: string | null;
  @ApiProperty({ example: 1, nullable: true, type: Number }) installmentSeq: number | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The collateral asset of an expiry reminder' }) assetId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The asset’s description, for an expiry reminder' }) subject: string | null;
  @ApiProperty({
    enum: ['BORROWER', 'STAFF'],
    example: 'BORROWER',
    description: 'BORROWER: the cooperative user reads it too; STAFF: the fund’s officers only',
  })
  audience: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'DUE_SOON' }) kind: string;
  @ApiProperty({ example: '2025-04-08' }) forDate: string;
  @ApiProperty({ example: '2025-04-10', description: 'The installment’s due date, or the day the valuation, registration or insurance expires' })
  dueDate: string;
  @ApiProperty({ example: '100000000', nullable: true, type: String, description: 'Unpaid principal of the installment; null for an expiry' })
  principalAmount: string | null;
  @ApiProperty({
    example: '3057534',
    nullable: true,
    type: String,
    description: 'Billed unpaid interest; null before billing (interest is billed on the due date)',
  })
  interestAmount: string | null;
  @ApiProperty({ example: 0 }) daysPastDue: number;
  @ApiProperty({ example: 'Kỳ 1 của hợp đồng HĐTD-2025-000001 đến hạn ngày 2025-04-10: gốc 100000000 đồng và lãi của kỳ.' }) message: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'SKIPPED', 'FAILED'], example: 'SKIPPED' }) emailStatus: string;
  @ApiProperty({ example: '2025-04-08T00:05:00.000Z' }) createdAt: string;
}

export class ReminderRunDto {
  @ApiPropertyOptional({ example: '2025-04-08', description: 'Business date to write reminders for; defaults to the business date' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class ReminderRunResultDto {
  @ApiProperty({ example: 'reminders-manual-2025-04-08-1' }) jobId: string;
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed', 'delayed', 'unknown'], example: 'completed' }) state: string;
  @ApiProperty({ example: { forDate: '2025-04-08', created: 12, emailed: 0 }, nullable: true, type: Object }) result: Record<string, unknown> | null;
}
