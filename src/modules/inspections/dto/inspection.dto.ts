import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';
import { FINDINGS, INSPECTION_STATUSES, type Finding, type InspectionStatus } from '../domain/inspection-rules.js';

/** One disbursement's check on the use of the money: due, overdue or done (with the record). */
export class InspectionDto {
  @ApiProperty({ example: '41', description: 'The disbursement (loan event) inspected' }) disbursementEventId: string;
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ example: 'HĐ-2026-0007' }) contractNumber: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 1, description: 'Tranche number (1 = first disbursement)' }) trancheNo: number;
  @ApiProperty({ example: '2026-11-02' }) disbursementDate: string;
  @ApiProperty({ example: '400000000' }) disbursedAmount: string;
  @ApiProperty({ example: '2026-12-02', description: 'Disbursement date + the product’s inspection days' }) dueDate: string;
  @ApiProperty({ enum: INSPECTION_STATUSES, example: 'DUE' }) status: InspectionStatus;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The recorded inspection (its documents: /inspections/{id}/documents)' })
  inspectionId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) visitDate: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) inspectors: string | null;
  @ApiProperty({ example: null, nullable: true, enum: FINDINGS }) finding: Finding | null;
  @ApiProperty({ example: null, nullable: true, type: String }) amountVerified: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) notes: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) recordedByName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The recall case a misuse finding opened' }) recallCaseId: string | null;
}

export class RecordInspectionDto {
  @ApiProperty({ example: '41', description: 'The disbursement inspected', maxLength: 19 })
  @Matches(/^\d{1,19}$/)
  disbursementEventId: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsLocalDate()
  visitDate: string;

  @ApiProperty({ example: 'Nguyễn Văn An, Lê Thị Hoa', maxLength: 300, description: 'Who made the visit' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  inspectors: string;

  @ApiProperty({ enum: FINDINGS, example: 'USED_AS_PLANNED' })
  @IsIn(FINDINGS)
  finding: Finding;

  @ApiProperty({ example: '380000000', description: 'The amount whose use was verified (receipts, goods, works seen), VND' })
  @IsVndAmount({ allowZero: true })
  amountVerified: string;

  @ApiPropertyOptional({ example: 'Đã mua 2 máy sao chè, có hóa đơn', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ example: false, description: 'With a PARTLY finding: open a recall case too (NOT_AS_PLANNED always opens one)' })
  @IsOptional()
  @IsBoolean()
  openRecall?: boolean;

  @ApiPropertyOptional({ example: '2026-12-20', description: 'When a recall opens: the date the remaining principal should fall due' })
  @IsOptional()
  @IsLocalDate()
  recallDate?: string;
}

export class InspectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES, example: 'OVERDUE', description: 'Default: DUE and OVERDUE (the officer’s queue)' })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional({ example: '3', maxLength: 19 })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  borrowerId?: string;
}

export class InspectionSummaryDto {
  @ApiProperty({ example: '2026-11-22' }) businessDate: string;
  @ApiProperty({ example: 4 }) due: number;
  @ApiProperty({ example: 2 }) overdue: number;
  @ApiProperty({ example: '800000000', description: 'Disbursed amount awaiting an overdue inspection' }) overdueAmount: string;
  @ApiProperty({ example: 12 }) done: number;
  @ApiProperty({ example: 1, description: 'Done with a NOT_AS_PLANNED or PARTLY finding' }) misuse: number;
}

export const RECALL_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;

export class RecallCaseDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ example: 'HĐ-2026-0007' }) contractNumber: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: '5' }) inspectionId: string;
  @ApiProperty({ enum: FINDINGS, example: 'NOT_AS_PLANNED' }) finding: Finding;
  @ApiProperty({ enum: RECALL_STATUSES, example: 'PROPOSED' }) status: string;
  @ApiProperty({ example: 'Vốn vay dùng mua ô tô cá nhân, không đúng phương án' }) reason: string;
  @ApiProperty({ example: '2026-12-20', description: 'The date the remaining principal falls due once approved' }) recallDate: string;
  @ApiProperty({ example: '600000000', description: 'Outstanding principal of the loan now' }) outstandingPrincipal: string;
  @ApiProperty({ example: '5' }) proposedBy: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) proposedByName: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) proposedAt: string;
  @ApiProperty({ example: null, nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Principal made due on the recall date (approved)' }) principalRecalled:
    string | null;
}

export class RecallQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RECALL_STATUSES, example: 'PROPOSED' })
  @IsOptional()
  @IsIn(RECALL_STATUSES)
  status?: (typeof RECALL_STATUSES)[number];
}

export class DecideRecallDto {
  @ApiPropertyOptional({ example: 'Đồng ý thu hồi theo biên bản kiểm tra', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Approve with another recall date (after the business date, before the maturity)' })
  @IsOptional()
  @IsLocalDate()
  recallDate?: string;
}
