import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsPercentString, IsVndAmount } from '../../../platform/money/index.js';
import { FREQUENCIES } from '../domain/index.js';
import { BUSINESS_DAY_RULES, type BusinessDayRule } from '../../../platform/dates/index.js';
import { DayOffReasonDto } from './loan-views.dto.js';

const METHODS = ['EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET'] as const;

/** Either a product version (its terms) or explicit terms; explicit fields override the product's. */
export class SchedulePreviewDto {
  @ApiPropertyOptional({ example: '1', description: 'Take the terms of this product version' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,18}$/)
  productVersionId?: string;

  @ApiProperty({ example: '600000000' })
  @IsVndAmount()
  amount: string;

  @ApiProperty({ example: '2025-03-10' })
  @IsLocalDate()
  disbursementDate: string;

  @ApiPropertyOptional({ example: '6' })
  @IsOptional()
  @IsPercentString()
  annualInterestRatePercent?: string;

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number;

  @ApiPropertyOptional({ enum: FREQUENCIES, example: 'MONTHLY' })
  @IsOptional()
  @IsIn(FREQUENCIES)
  principalFrequency?: (typeof FREQUENCIES)[number];

  @ApiPropertyOptional({ enum: FREQUENCIES, example: 'MONTHLY' })
  @IsOptional()
  @IsIn(FREQUENCIES)
  interestFrequency?: (typeof FREQUENCIES)[number];

  @ApiPropertyOptional({ enum: METHODS, example: 'EQUAL_PRINCIPAL' })
  @IsOptional()
  @IsIn(METHODS)
  amortizationMethod?: (typeof METHODS)[number];

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  gracePeriods?: number;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @IsVndAmount()
  roundingUnit?: string;

  @ApiPropertyOptional({
    enum: BUSINESS_DAY_RULES,
    example: 'NEXT_WORKING_DAY',
    description: "Overrides the product's rule; without a product, NEXT_WORKING_DAY (docs/working-days.md)",
  })
  @IsOptional()
  @IsIn(BUSINESS_DAY_RULES)
  businessDayRule?: BusinessDayRule;
}

export class PreviewInstallmentDto {
  @ApiProperty({ example: 1 }) seq: number;
  @ApiProperty({ example: '2025-04-10' }) dueDate: string;
  @ApiProperty({ example: 31 }) days: number;
  @ApiProperty({ example: '100000000' }) principal: string;
  @ApiProperty({ example: '3057534' }) interest: string;
  @ApiProperty({ example: '103057534' }) total: string;
  @ApiProperty({ example: '500000000' }) balanceAfter: string;
  @ApiProperty({ example: '2025-04-10', description: 'The contractual due date; equals dueDate unless it moved' }) contractualDate: string;
  @ApiProperty({ example: false }) moved: boolean;
  @ApiProperty({ type: DayOffReasonDto, nullable: true, example: null, description: 'Why the contractual date is a day off, when moved' })
  moveReason: DayOffReasonDto | null;
}

export class SchedulePreviewResultDto {
  @ApiProperty({ example: '2025-09-10', description: 'The maturity as scheduled (moved to a working day like the other due dates)' }) maturityDate: string;
  @ApiProperty({ example: 'NEXT_WORKING_DAY', enum: ['NONE', 'NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'] }) businessDayRule: string;
  @ApiProperty({ example: '600000000' }) totalPrincipal: string;
  @ApiProperty({ example: '10701370' }) totalInterest: string;
  @ApiProperty({ type: [PreviewInstallmentDto] }) installments: PreviewInstallmentDto[];
}
