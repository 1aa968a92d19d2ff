import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPercentString, IsVndAmount } from '../../../platform/money/index.js';
import { BUSINESS_DAY_RULES, type BusinessDayRule } from '../../../platform/dates/index.js';
import { BORROWER_TYPES, type BorrowerType } from '../../borrowers/index.js';
import { DOCUMENT_TYPES, type DocumentType } from '../../attachments/index.js';
import {
  ALLOCATION_STEPS,
  AMORTIZATION_METHODS,
  DEFAULT_ALLOCATION_ORDER,
  FREQUENCIES,
  PREPAYMENT_MODES,
  type AllocationStep,
  type AmortizationMethod,
  type Frequency,
  type PrepaymentMode,
} from '../domain/product-parameters.js';

export const COLLATERAL_COVER_BASES = ['DISCOUNTED', 'LTV'] as const;
export type CollateralCoverBasis = (typeof COLLATERAL_COVER_BASES)[number];

/** Every parameter of domain.md "Loan products"; defaults as listed there. */
export class LoanProductParametersDto {
  @ApiProperty({ example: 'Cho vay sản xuất nông nghiệp' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '10000000' })
  @IsVndAmount()
  minAmount: string;

  @ApiProperty({ example: '2000000000' })
  @IsVndAmount()
  maxAmount: string;

  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(1)
  @Max(600)
  minTermMonths: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(1)
  @Max(600)
  maxTermMonths: number;

  @ApiProperty({ example: '7.2', description: 'Annual rate, percent' })
  @IsPercentString()
  annualInterestRatePercent: string;

  @ApiPropertyOptional({ example: '1.5', default: '1.5', description: 'Overdue principal rate multiplier, at most 1.5 (Decree 45 Art. 25)' })
  @IsOptional()
  @Matches(/^\d(\.\d{1,4})?$/, { message: 'overdueMultiplier must be a decimal string such as "1.5"' })
  overdueMultiplier?: string;

  @ApiPropertyOptional({ example: '10', default: '10', description: 'Late interest on unpaid interest, percent a year, at most 10' })
  @IsOptional()
  @IsPercentString()
  lateInterestRatePercent?: string;

  @ApiProperty({ enum: FREQUENCIES, example: 'QUARTERLY' })
  @IsIn(FREQUENCIES)
  principalFrequency: Frequency;

  @ApiProperty({ enum: FREQUENCIES, example: 'MONTHLY' })
  @IsIn(FREQUENCIES)
  interestFrequency: Frequency;

  @ApiPropertyOptional({ enum: AMORTIZATION_METHODS, example: 'EQUAL_PRINCIPAL', default: 'EQUAL_PRINCIPAL' })
  @IsOptional()
  @IsIn(AMORTIZATION_METHODS)
  amortizationMethod?: AmortizationMethod;

  @ApiPropertyOptional({ example: 1, default: 0, description: 'Principal grace periods; fewer than the number of periods' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  principalGracePeriods?: number;

  @ApiPropertyOptional({ example: 3, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxTranches?: number;

  @ApiPropertyOptional({ example: '1', default: '1', description: 'Rounding unit, VND' })
  @IsOptional()
  @IsVndAmount()
  roundingUnit?: string;

  @ApiPropertyOptional({ enum: ALLOCATION_STEPS, isArray: true, example: DEFAULT_ALLOCATION_ORDER, description: 'Repayment allocation order; each step once' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ALLOCATION_STEPS.length)
  @IsIn(ALLOCATION_STEPS, { each: true })
  allocationOrder?: AllocationStep[];

  @ApiPropertyOptional({ enum: PREPAYMENT_MODES, example: 'REDUCE_INSTALLMENT', default: 'REDUCE_INSTALLMENT' })
  @IsOptional()
  @IsIn(PREPAYMENT_MODES)
  prepaymentMode?: PrepaymentMode;

  @ApiProperty({ enum: BORROWER_TYPES, isArray: true, example: ['COOPERATIVE', 'MEMBER'] })
  @IsArray()
  @ArrayMaxSize(BORROWER_TYPES.length)
  @ArrayUnique()
  @IsIn(BORROWER_TYPES, { each: true })
  allowedBorrowerTypes: BorrowerType[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: 10, pattern: '^VSIC20(18|25)/[A-Z]$' },
    example: ['VSIC2018/A', 'VSIC2025/A'],
    description: 'Allowed loan sectors as version/section; empty = all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(52)
  @ArrayUnique()
  @Matches(/^VSIC20(18|25)\/[A-Z]$/, { each: true })
  allowedSectors?: string[];

  @ApiProperty({ example: true })
  @IsBoolean()
  collateralRequired: boolean;

  @ApiPropertyOptional({
    enum: COLLATERAL_COVER_BASES,
    example: 'DISCOUNTED',
    default: 'DISCOUNTED',
    description:
      'How the cover is measured where collateral is required (docs/collateral.md "Cover"): DISCOUNTED = Σ allocated value × the provisioning discount rate of its type ≥ the minimum cover % of the loan; LTV = the loan ≤ the maximum LTV % of Σ allocated value',
  })
  @IsOptional()
  @IsIn(COLLATERAL_COVER_BASES)
  collateralCoverBasis?: CollateralCoverBasis;

  @ApiPropertyOptional({ example: '100', default: '100', description: 'Minimum cover, percent of the loan (DISCOUNTED basis)' })
  @IsOptional()
  @IsPercentString()
  collateralMinCoverPercent?: string;

  @ApiPropertyOptional({ example: '70', default: '70', description: 'Maximum loan-to-value, percent (LTV basis)' })
  @IsOptional()
  @IsPercentString()
  collateralMaxLtvPercent?: string;

  @ApiPropertyOptional({
    enum: BUSINESS_DAY_RULES,
    example: 'NEXT_WORKING_DAY',
    default: 'NEXT_WORKING_DAY',
    description:
      'Where a due date falling on a day off of the fund calendar goes (docs/working-days.md): NEXT_WORKING_DAY (default), PREVIOUS_WORKING_DAY, or NONE (kept on the day off, as contracts made before the calendar)',
  })
  @IsOptional()
  @IsIn(BUSINESS_DAY_RULES)
  businessDayRule?: BusinessDayRule;

  @ApiPropertyOptional({
    enum: DOCUMENT_TYPES,
    isArray: true,
    maxItems: 19,
    default: [],
    example: ['COOP_REGISTRATION', 'CHARTER', 'MEMBERS_RESOLUTION', 'FINANCIAL_STATEMENT', 'BUSINESS_PLAN'],
    description:
      'The loan file (docs/loan-file.md): document types an application needs (on it or on its borrower) before it is submitted, unless waived with a reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(19)
  @ArrayUnique()
  @IsIn(DOCUMENT_TYPES, { each: true })
  requiredDocumentTypes?: DocumentType[];

  @ApiPropertyOptional({
    example: 30,
    default: 30,
    minimum: 1,
    maximum: 365,
    description: 'Days after each disbursement within which the use of the money is inspected',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  inspectionDays?: number;

  @ApiPropertyOptional({
    example: false,
    default: false,
    description: 'A tranche after the first waits until the previous tranche’s inspection found the money used as planned',
  })
  @IsOptional()
  @IsBoolean()
  trancheRequiresInspection?: boolean;
}

export class CreateLoanProductDto extends LoanProductParametersDto {
  @ApiProperty({ example: 'NN-2026', description: 'Stable product code' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/)
  code: string;
}

export class LoanProductVersionDto extends OmitType(LoanProductParametersDto, [] as const) {
  @ApiProperty({ example: '3' }) id: string;
  @ApiProperty({ example: '1' }) productId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: '0.6', description: 'annual ÷ 12, percent' }) monthlyInterestRatePercent: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class LoanProductDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'NN-2026' }) code: string;
  @ApiProperty({ example: false }) retired: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) retiredAt: string | null;
  @ApiProperty({ type: LoanProductVersionDto }) current: LoanProductVersionDto;
}
