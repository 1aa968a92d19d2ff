import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsPercentString, IsVndAmount } from '../../../platform/money/index.js';
import { CreateLoanApplicationDto } from './loan-application.dto.js';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** The figures of an application not yet created: what the form holds so far (nothing is written). */
export class LendingChecksRequestDto extends PickType(CreateLoanApplicationDto, [
  'borrowerId',
  'productId',
  'capitalSourceId',
  'requestedAmount',
  'termMonths',
  'repaymentFrequency',
  'sectorVersion',
  'sectorCode',
  'totalInvestment',
  'collateralExempt',
  'collateralExemptionRegulation',
  'collateralExemptionDecision',
] as const) {
  @ApiPropertyOptional({ example: '7.2', description: 'A proposed rate, compared with the product rate (at submission none is compared)' })
  @IsOptional()
  @IsPercentString()
  ratePercent?: string;
}

/** The decision figures to check a stored application with (an approver's proposed amount, term and rate). */
export class ApplicationChecksQueryDto {
  @ApiPropertyOptional({ example: '800000000', description: 'Defaults to the approved amount, else the requested amount' })
  @IsOptional()
  @IsVndAmount()
  amount?: string;

  @ApiPropertyOptional({ example: 24, description: 'Defaults to the approved term, else the requested term' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number;

  @ApiPropertyOptional({ example: '7.2', description: 'Defaults to the approved rate, else none is compared' })
  @IsOptional()
  @IsPercentString()
  ratePercent?: string;
}

export class LendingCheckDto {
  @ApiProperty({ example: 'APPLICATION.ABOVE_INVESTMENT_SHARE', description: 'The rule, named by the code a refusal of it carries' }) code: string;
  @ApiProperty({ example: 'Decree 45 Art. 22: loan ≤ 80% of total investment' }) rule: string;
  @ApiProperty({ example: '800000000', description: 'The limit (an amount, months, a percent or a code, by rule)' }) limit: string;
  @ApiProperty({ example: '750000000', description: 'The figure compared with the limit' }) actual: string;
  @ApiProperty({ example: true }) passed: boolean;
}

export class LendingChecksDto {
  @ApiProperty({ example: '2026-11-22', description: 'The business date the checks ran on (the charter capital in force on it)' }) checkedOn: string;
  @ApiProperty({ example: true, description: 'Every condition is met' }) passed: boolean;
  @ApiProperty({ type: LendingCheckDto, isArray: true, description: 'Every condition in the order a submission or approval checks them' })
  checks: LendingCheckDto[];
}
