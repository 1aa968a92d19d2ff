import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';
import { ASSET_KINDS, type AssetKind, COLLATERAL_TYPES, type CollateralType, MAX_IDENTIFIER_LENGTH } from '../domain/asset-kinds.js';

export const ID = /^[1-9]\d{0,18}$/;
export const OWNER_KINDS = ['BORROWER', 'THIRD_PARTY'] as const;
export const VALUATION_METHODS = ['MARKET_COMPARISON', 'INCOME', 'COST', 'FACE_VALUE', 'OTHER'] as const;
export const VALUER_KINDS = ['FUND', 'INDEPENDENT'] as const;
export const ENFORCEMENT_METHODS = ['SALE', 'TAKEOVER'] as const;

/** A valuation (định giá): the value in force is the latest by date (docs/collateral.md "Valuations"). */
export class ValuationInputDto {
  @ApiProperty({ example: '2026-11-20' })
  @IsLocalDate()
  valuationDate: string;

  @ApiProperty({ example: '1200000000', description: 'Whole VND as a decimal string' })
  @IsVndAmount()
  value: string;

  @ApiProperty({ enum: VALUATION_METHODS, example: 'MARKET_COMPARISON' })
  @IsIn(VALUATION_METHODS)
  method: (typeof VALUATION_METHODS)[number];

  @ApiProperty({ enum: VALUER_KINDS, example: 'FUND', description: 'The fund’s own appraisal or an independent valuer' })
  @IsIn(VALUER_KINDS)
  valuerKind: (typeof VALUER_KINDS)[number];

  @ApiProperty({ example: 'Tổ thẩm định Quỹ', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  valuerName: string;

  @ApiPropertyOptional({ example: 'Giá tham chiếu khu vực', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CreateAssetDto {
  @ApiProperty({ example: '1', maxLength: 19, description: 'The borrower whose debt the asset secures (its file)' })
  @Matches(ID)
  borrowerId: string;

  @ApiProperty({ enum: COLLATERAL_TYPES, example: 'REAL_ESTATE', description: 'The provisioning table’s type (its discount rate)' })
  @IsIn(COLLATERAL_TYPES)
  type: CollateralType;

  @ApiProperty({ enum: ASSET_KINDS, example: 'LAND_USE_RIGHT', description: 'Which identifiers the asset needs' })
  @IsIn(ASSET_KINDS)
  kind: AssetKind;

  @ApiProperty({ example: 'Quyền sử dụng đất 2.000 m² tại xã Tân Cương', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_IDENTIFIER_LENGTH },
    maxProperties: 10,
    example: { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' },
    description: 'The identifiers of the kind (docs/collateral.md "Assets"); checked per kind',
  })
  @IsObject()
  identifiers: Record<string, string>;

  @ApiProperty({ enum: OWNER_KINDS, example: 'BORROWER' })
  @IsIn(OWNER_KINDS)
  ownerKind: (typeof OWNER_KINDS)[number];

  @ApiPropertyOptional({ example: 'Nguyễn Văn An', maxLength: 200, description: 'Required for a third party' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerName?: string;

  @ApiPropertyOptional({ example: '019088001234', maxLength: 20, description: 'CCCD or registration number; required for a third party' })
  @IsOptional()
  @IsString()
  @MinLength(6)
  @MaxLength(20)
  ownerIdNumber?: string;

  @ApiPropertyOptional({ example: 'Thành viên HTX', maxLength: 200, description: 'Relationship to the borrower; required for a third party' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerRelationship?: string;

  @ApiPropertyOptional({ type: ValuationInputDto, description: 'The first valuation, recorded with the asset' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ValuationInputDto)
  valuation?: ValuationInputDto;
}

export class AssetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '1', maxLength: 19 })
  @IsOptional()
  @Matches(ID)
  borrowerId?: string;
}

export class PledgeInputDto {
  @ApiPropertyOptional({ example: '12', maxLength: 19, description: 'An application (carried to its loan when the contract is made)' })
  @IsOptional()
  @Matches(ID)
  applicationId?: string;

  @ApiPropertyOptional({ example: '7', maxLength: 19, description: 'A loan' })
  @IsOptional()
  @Matches(ID)
  loanId?: string;

  @ApiProperty({ example: '700000000', description: 'The share of the asset’s value in force allocated to it' })
  @IsVndAmount()
  allocatedValue: string;
}

/** Registration of the security (đăng ký biện pháp bảo đảm), Decree 99/2022/NĐ-CP. */
export class RegistrationInputDto {
  @ApiProperty({ example: 'Văn phòng đăng ký đất đai tỉnh Thái Nguyên', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  office: string;

  @ApiProperty({ example: 'ĐKTC-2026-00123', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  registrationNumber: string;

  @ApiProperty({ example: '2026-11-21' })
  @IsLocalDate()
  registrationDate: string;

  @ApiPropertyOptional({ example: '2031-11-21', description: 'When the registration lapses, if it does' })
  @IsOptional()
  @IsLocalDate()
  expiryDate?: string;
}

export class InsuranceInputDto {
  @ApiProperty({ example: 'Bảo Việt Thái Nguyên', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  insurer: string;

  @ApiProperty({ example: 'BV-TS-2026-0456', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  policyNumber: string;

  @ApiPropertyOptional({ example: '900000000' })
  @IsOptional()
  @IsVndAmount()
  insuredValue?: string;

  @ApiProperty({ example: '2026-11-21' })
  @IsLocalDate()
  startDate: string;

  @ApiProperty({ example: '2027-11-20' })
  @IsLocalDate()
  expiryDate: string;
}

export class ReleaseProposalDto {
  @ApiProperty({ example: 'Khoản vay đã tất toán ngày 20/11/2026', maxLength: 1000 })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;
}

export class ReleaseDecisionDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'], example: 'APPROVE' })
  @IsIn(['APPROVE', 'REJECT'])
  decision: 'APPROVE' | 'REJECT';

  @ApiPropertyOptional({ example: 'Đồng ý giải chấp', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** Enforcement (xử lý tài sản bảo đảm): the net proceeds are a recovery on the loan, allocated as a repayment. */
export class EnforcementInputDto {
  @ApiProperty({ example: '7', maxLength: 19, description: 'The secured loan the proceeds repay' })
  @Matches(ID)
  loanId: string;

  @ApiProperty({ enum: ENFORCEMENT_METHODS, example: 'SALE', description: 'Sold, or taken over by the fund at the agreed value' })
  @IsIn(ENFORCEMENT_METHODS)
  method: (typeof ENFORCEMENT_METHODS)[number];

  @ApiProperty({ example: '2026-11-25' })
  @IsLocalDate()
  valueDate: string;

  @ApiProperty({ example: '950000000', description: 'Gross proceeds, whole VND' })
  @IsVndAmount()
  proceeds: string;

  @ApiProperty({ example: '15000000', description: 'Costs of enforcement (auction, notary, fees), whole VND' })
  @IsVndAmount({ allowZero: true })
  costs: string;

  @ApiProperty({ example: 'BB-XLTS-2026-01', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference: string;

  @ApiPropertyOptional({ example: 'Bán đấu giá qua Trung tâm dịch vụ đấu giá tỉnh', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
