import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';

export const RESTRUCTURING_TYPES = ['ADJUSTMENT', 'EXTENSION'] as const;

export class NewInstallmentDto {
  @ApiProperty({ example: '2025-05-10', description: 'New due date, after the business date; strictly increasing' })
  @IsLocalDate()
  dueDate: string;

  @ApiProperty({ example: '120000000', description: 'Principal due on it, whole VND (may be 0: interest only)' })
  @IsVndAmount({ allowZero: true })
  principal: string;

  @ApiPropertyOptional({ example: true, description: 'Bills the interest accrued since the previous interest date (default true; the last always does)' })
  @IsOptional()
  @IsBoolean()
  interestDate?: boolean;
}

/**
 * Decree 45 Art. 27 (domain.md "Restructuring and risk"): ADJUSTMENT (điều chỉnh kỳ hạn trả nợ)
 * gives new due dates and amounts with the maturity unchanged; EXTENSION (gia hạn nợ) gives a
 * later maturity, with the new installments or only the new maturity (the schedule is then built).
 */
export class ProposeRestructuringDto {
  @ApiProperty({ enum: RESTRUCTURING_TYPES, example: 'ADJUSTMENT' })
  @IsIn(RESTRUCTURING_TYPES)
  type: (typeof RESTRUCTURING_TYPES)[number];

  @ApiProperty({ example: 'Thiệt hại do bão số 3, HTX đề nghị điều chỉnh kỳ hạn trả nợ' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({
    type: [NewInstallmentDto],
    example: [
      { dueDate: '2025-05-10', principal: '300000000' },
      { dueDate: '2025-09-10', principal: '300000000' },
    ],
    description: 'Every unpaid installment, replaced: they carry exactly the unpaid principal',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(600)
  @ValidateNested({ each: true })
  @Type(() => NewInstallmentDto)
  installments?: NewInstallmentDto[];

  @ApiPropertyOptional({ example: '2025-12-10', description: 'EXTENSION: the new maturity (the last due date)' })
  @IsOptional()
  @IsLocalDate()
  newMaturityDate?: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ example: 'Đồng ý theo biên bản họp Hội đồng quản lý số 12/BB-HĐQL' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RestructuringInstallmentDto {
  @ApiProperty({ example: '2025-05-10' }) dueDate: string;
  @ApiProperty({ example: '120000000' }) principal: string;
  @ApiProperty({ example: true }) interestDate: boolean;
}

export class RestructuringDto {
  @ApiProperty({ example: '7' }) id: string;
  @ApiProperty({ example: '12' }) loanId: string;
  @ApiProperty({
    enum: [...RESTRUCTURING_TYPES, 'ACCELERATION'],
    example: 'EXTENSION',
    description: 'ACCELERATION: an approved recall before term (README "The loan file")',
  })
  type: string;
  @ApiProperty({ enum: ['PROPOSED', 'APPROVED', 'REJECTED'], example: 'PROPOSED' }) status: string;
  @ApiProperty({ example: 'Thiệt hại do bão số 3' }) reason: string;
  @ApiProperty({ example: '2025-04-05', description: 'Business date of the proposal' }) proposedDate: string;
  @ApiProperty({ example: '2025-09-10' }) previousMaturityDate: string;
  @ApiProperty({ example: '2025-12-10', nullable: true, type: String }) newMaturityDate: string | null;
  @ApiProperty({ type: [RestructuringInstallmentDto], example: [{ dueDate: '2025-06-10', principal: '200000000', interestDate: true }] })
  installments: RestructuringInstallmentDto[];
  @ApiProperty({ example: '2025-04-05', nullable: true, type: String, description: 'Business date the approval applied it' }) effectiveDate: string | null;
  @ApiProperty({ example: '4' }) proposedBy: string;
  @ApiProperty({ example: '5', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ example: '2025-04-05T08:12:00.000Z', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionNote: string | null;
}
