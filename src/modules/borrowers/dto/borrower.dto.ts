import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy, buildMessage } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { PageQueryDto } from '../../../platform/http/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';
import { CLASSIFICATION_VERSIONS, type ClassificationVersion } from '../../reference/index.js';
import { BORROWER_TYPES, RELATION_KINDS, isValidIdentity, type BorrowerType, type RelationKind } from '../domain/borrower-identity.js';

const ID = /^[1-9]\d{0,18}$/;

/** The identity's form depends on the type: 10 or 10-3 digits for organisations, 12 for members. */
function IsBorrowerIdentity(): PropertyDecorator {
  return ValidateBy({
    name: 'isBorrowerIdentity',
    validator: {
      validate: (value: unknown, args): boolean => {
        const type = (args?.object as { type?: unknown }).type;
        return typeof value === 'string' && (BORROWER_TYPES as readonly unknown[]).includes(type) && isValidIdentity(type as BorrowerType, value);
      },
      defaultMessage: buildMessage(() => 'identityCode must be a 10-digit or 10-3 enterprise/tax code for organisations, a 12-digit citizen ID for members'),
    },
  });
}

export class CreateBorrowerDto {
  @ApiProperty({ enum: BORROWER_TYPES, example: 'COOPERATIVE' })
  @IsIn(BORROWER_TYPES)
  type: BorrowerType;

  @ApiProperty({ example: '4600123456', description: 'Enterprise/tax code (10 digits or 10-3) or a member’s 12-digit citizen ID' })
  @IsBorrowerIdentity()
  @MaxLength(14)
  identityCode: string;

  @ApiPropertyOptional({ example: '1985-04-12', description: 'Required for MEMBER; 18 or older' })
  @IsOptional()
  @IsLocalDate()
  birthDate?: string;

  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  legalName: string;

  @ApiPropertyOptional({ example: 'HTX Chè Tân Cương' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn Hùng' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  legalRepresentative?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^\+?\d{8,15}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'htx.tancuong@example.vn' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: 42 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  memberCount?: number;

  @ApiPropertyOptional({ example: '2500000000', description: 'The borrower’s own charter capital, VND' })
  @IsOptional()
  @IsVndAmount({ allowZero: true })
  charterCapital?: string;

  @ApiProperty({ example: '19', description: 'Province code (Decision 19/2025/QĐ-TTg); must be the fund’s own' })
  @Matches(/^\d{2}$/)
  provinceCode: string;

  @ApiProperty({ example: '05443', description: 'Commune code (Decision 19/2025/QĐ-TTg)' })
  @Matches(/^\d{5}$/)
  communeCode: string;

  @ApiProperty({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018' })
  @IsIn(CLASSIFICATION_VERSIONS)
  sectorVersion: ClassificationVersion;

  @ApiProperty({ example: 'A', description: 'VSIC section of the main activity' })
  @Matches(/^[A-Z]$/)
  sectorCode: string;

  @ApiPropertyOptional({ example: '3', description: 'MEMBER of an HTX: that cooperative borrower' })
  @IsOptional()
  @Matches(ID)
  cooperativeId?: string;

  @ApiPropertyOptional({ example: '2', description: 'MEMBER of a tổ hợp tác (THT): that cooperative group' })
  @IsOptional()
  @Matches(ID)
  cooperativeGroupId?: string;
}

export class UpdateBorrowerDto extends PartialType(
  OmitType(CreateBorrowerDto, ['type', 'identityCode', 'birthDate', 'provinceCode', 'cooperativeId', 'cooperativeGroupId'] as const),
) {}

export class BorrowerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BORROWER_TYPES, example: 'COOPERATIVE' })
  @IsOptional()
  @IsIn(BORROWER_TYPES)
  type?: BorrowerType;

  @ApiPropertyOptional({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018' })
  @IsOptional()
  @IsIn(CLASSIFICATION_VERSIONS)
  sectorVersion?: ClassificationVersion;

  @ApiPropertyOptional({ example: 'A' })
  @IsOptional()
  @Matches(/^[A-Z]$/)
  sectorCode?: string;

  @ApiPropertyOptional({ example: '05443' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  communeCode?: string;

  @ApiPropertyOptional({ example: 'Tân Cương', description: 'Part of the legal or short name, the tax/enterprise code or a member’s citizen ID (CCCD)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class BorrowerDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ enum: BORROWER_TYPES, example: 'COOPERATIVE' }) type: BorrowerType;
  @ApiProperty({ example: '4600123456' }) identityCode: string;
  @ApiProperty({ example: null, nullable: true, type: String }) birthDate: string | null;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) legalName: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương', nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ example: 'Nguyễn Văn Hùng', nullable: true, type: String }) legalRepresentative: string | null;
  @ApiProperty({ example: '0912345678', nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: 'htx.tancuong@example.vn', nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: 42, nullable: true, type: Number }) memberCount: number | null;
  @ApiProperty({ example: '2500000000', nullable: true, type: String }) charterCapital: string | null;
  @ApiProperty({ example: '19' }) provinceCode: string;
  @ApiProperty({ example: '05443' }) communeCode: string;
  @ApiProperty({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018' }) sectorVersion: ClassificationVersion;
  @ApiProperty({ example: 'A' }) sectorCode: string;
  @ApiProperty({ example: null, nullable: true, type: String }) cooperativeId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) cooperativeGroupId: string | null;
  @ApiProperty({ example: true }) active: boolean;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) updatedAt: string;
}

export class CreateRelationDto {
  @ApiProperty({ example: '4' })
  @Matches(ID)
  relatedBorrowerId: string;

  @ApiProperty({ enum: RELATION_KINDS, example: 'SAME_LEGAL_REPRESENTATIVE' })
  @IsIn(RELATION_KINDS)
  kind: RelationKind;

  @ApiPropertyOptional({ example: 'Cùng người đại diện theo pháp luật' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RelationDto {
  @ApiProperty({ example: '4' }) relatedBorrowerId: string;
  @ApiProperty({ example: 'HTX Dịch vụ Nông nghiệp Phú Lương' }) relatedLegalName: string;
  @ApiProperty({ enum: RELATION_KINDS, example: 'SAME_LEGAL_REPRESENTATIVE' }) kind: RelationKind;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class CreateCooperativeGroupDto {
  @ApiProperty({ example: 'Tổ hợp tác chè Phúc Xuân' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: '19' })
  @Matches(/^\d{2}$/)
  provinceCode: string;

  @ApiProperty({ example: '05443' })
  @Matches(/^\d{5}$/)
  communeCode: string;

  @ApiPropertyOptional({ example: 'Trần Thị Mai' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  representative?: string;
}

export class CooperativeGroupDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: 'Tổ hợp tác chè Phúc Xuân' }) name: string;
  @ApiProperty({ example: '19' }) provinceCode: string;
  @ApiProperty({ example: '05443' }) communeCode: string;
  @ApiProperty({ example: 'Trần Thị Mai', nullable: true, type: String }) representative: string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}
