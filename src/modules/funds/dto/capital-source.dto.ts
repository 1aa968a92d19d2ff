import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';

export const CAPITAL_SOURCE_KINDS = ['CHARTER_CAPITAL', 'ENTRUSTED_BUDGET', 'NATIONAL_EMPLOYMENT_FUND', 'OTHER'] as const;
export type CapitalSourceKind = (typeof CAPITAL_SOURCE_KINDS)[number];
export const MOVEMENT_KINDS = ['ALLOCATION', 'WITHDRAWAL'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export class CreateCapitalSourceDto {
  @ApiProperty({ example: 'Vốn ủy thác ngân sách tỉnh 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CAPITAL_SOURCE_KINDS, example: 'ENTRUSTED_BUDGET' })
  @IsIn(CAPITAL_SOURCE_KINDS)
  kind: CapitalSourceKind;

  @ApiProperty({ example: false, description: 'Whether the fund bears the credit risk (no provision where it does not, Art. 28)' })
  @IsBoolean()
  bearsCreditRisk: boolean;
}

export class CapitalSourceDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'Vốn ủy thác ngân sách tỉnh 2026' }) name: string;
  @ApiProperty({ enum: CAPITAL_SOURCE_KINDS, example: 'ENTRUSTED_BUDGET' }) kind: CapitalSourceKind;
  @ApiProperty({ example: false }) bearsCreditRisk: boolean;
  @ApiProperty({ example: '20000000000', description: 'Σ allocations − Σ withdrawals' }) capital: string;
  @ApiProperty({ example: '0' }) disbursed: string;
  @ApiProperty({ example: '0' }) repaidPrincipal: string;
  @ApiProperty({ example: '0' }) outstanding: string;
  @ApiProperty({ example: '1500000000', description: 'Approved but not yet disbursed' }) committed: string;
  @ApiProperty({ example: '20000000000', description: 'capital − outstanding principal (domain.md)' }) available: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class CreateCapitalMovementDto {
  @ApiProperty({ enum: MOVEMENT_KINDS, example: 'ALLOCATION' })
  @IsIn(MOVEMENT_KINDS)
  kind: MovementKind;

  @ApiProperty({ example: '2026-11-20' })
  @IsLocalDate()
  movementDate: string;

  @ApiProperty({ example: 'QĐ 1234/QĐ-UBND' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;

  @ApiProperty({ example: '20000000000' })
  @IsVndAmount()
  amount: string;

  @ApiPropertyOptional({ example: 'Cấp vốn ủy thác đợt 1' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CapitalMovementDto {
  @ApiProperty({ example: '7' }) id: string;
  @ApiProperty({ example: '1' }) capitalSourceId: string;
  @ApiProperty({ enum: MOVEMENT_KINDS, example: 'ALLOCATION' }) kind: MovementKind;
  @ApiProperty({ example: '2026-11-20' }) movementDate: string;
  @ApiProperty({ example: 'QĐ 1234/QĐ-UBND' }) reference: string;
  @ApiProperty({ example: '20000000000' }) amount: string;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class SetCharterCapitalDto {
  @ApiProperty({ example: '2026-01-01', description: 'The date from which this paid-in charter capital is in force' })
  @IsLocalDate()
  effectiveDate: string;

  @ApiProperty({ example: '100000000000' })
  @IsVndAmount()
  amount: string;

  @ApiPropertyOptional({ example: 'QĐ bổ sung vốn điều lệ' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CharterCapitalDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '2026-01-01' }) effectiveDate: string;
  @ApiProperty({ example: '100000000000' }) amount: string;
  @ApiProperty({ example: null, nullable: true, type: String }) note: string | null;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class CharterCapitalQueryDto {
  @ApiPropertyOptional({ example: '2026-11-22', description: 'Default: today in the business time zone' })
  @IsOptional()
  @IsLocalDate()
  on?: string;
}
