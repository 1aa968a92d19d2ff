import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';

export class CollateralReportQueryDto {
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Report date; defaults to the last closed business date' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class CollateralCoverLineDto {
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000007' }) contractNumber: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: true }) required: boolean;
  @ApiProperty({ example: 'DISCOUNTED' }) basis: string;
  @ApiProperty({ example: '600000000', description: 'Outstanding principal on the date' }) outstanding: string;
  @ApiProperty({ example: '700000000', description: 'Σ pledged value (valuations in force on the date)' }) collateralValue: string;
  @ApiProperty({ example: '350000000', description: 'Σ pledged value × discount rate' }) discountedValue: string;
  @ApiProperty({ example: '240000000', description: 'What the product’s rule needs' }) requiredValue: string;
  @ApiProperty({ example: '58.33', nullable: true, type: String, description: 'Discounted value ÷ outstanding, percent' }) coverPercent: string | null;
  @ApiProperty({ example: true }) passed: boolean;
}

export class CollateralCoverTotalsDto {
  @ApiProperty({ example: '1500000000' }) outstanding: string;
  @ApiProperty({ example: '1600000000' }) collateralValue: string;
  @ApiProperty({ example: '720000000' }) discountedValue: string;
  @ApiProperty({ example: '48', nullable: true, type: String }) coverPercent: string | null;
  @ApiProperty({ example: 0, description: 'Loans whose product requires collateral and whose cover falls short' }) shortLoans: number;
}

export class CollateralCoverReportDto {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ type: CollateralCoverLineDto, isArray: true }) items: CollateralCoverLineDto[];
  @ApiProperty({ type: CollateralCoverTotalsDto }) totals: CollateralCoverTotalsDto;
}

export class CollateralExpiryLineDto {
  @ApiProperty({ example: '1' }) assetId: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 'QSDĐ 2.000 m²' }) description: string;
  @ApiProperty({ enum: ['VALUATION', 'REGISTRATION', 'INSURANCE'], example: 'INSURANCE' }) what: string;
  @ApiProperty({ example: '2025-02-01', description: 'The expiry (for a valuation: its date + the revaluation period)' }) expiredOn: string;
  @ApiProperty({ type: String, isArray: true, example: ['HĐTD-2025-000007'] }) contractNumbers: string[];
}

export class CollateralExpiriesReportDto {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ type: CollateralExpiryLineDto, isArray: true }) items: CollateralExpiryLineDto[];
}

export class CollateralProvisionLineDto {
  @ApiProperty({ example: '7' }) loanId: string;
  @ApiProperty({ example: 'HĐTD-2025-000007' }) contractNumber: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: 2 }) debtGroup: number;
  @ApiProperty({ example: '600000000' }) outstanding: string;
  @ApiProperty({ example: '700000000' }) collateralValue: string;
  @ApiProperty({ example: '350000000', description: 'Σ value × discount rate; 0 when the policy deducts nothing' }) collateralDeduction: string;
  @ApiProperty({ example: '12000000', description: 'Specific provision without the deduction' }) specificBefore: string;
  @ApiProperty({ example: '5000000', description: 'Specific provision after it (what the close computed)' }) specificAfter: string;
}

export class CollateralProvisionTotalsDto {
  @ApiProperty({ example: '30000000' }) specificBefore: string;
  @ApiProperty({ example: '15600000' }) specificAfter: string;
  @ApiProperty({ example: '720000000' }) collateralDeduction: string;
}

export class CollateralProvisionsReportDto {
  @ApiProperty({ example: '2025-12-31' }) asOf: string;
  @ApiProperty({ example: 'BANK' }) policy: string;
  @ApiProperty({ example: true }) deductsCollateral: boolean;
  @ApiProperty({ type: CollateralProvisionLineDto, isArray: true }) items: CollateralProvisionLineDto[];
  @ApiProperty({ type: CollateralProvisionTotalsDto }) totals: CollateralProvisionTotalsDto;
}
