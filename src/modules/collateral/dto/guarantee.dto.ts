import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';
import { ID } from './collateral.dto.js';

export const GUARANTOR_KINDS = ['PERSON', 'ORGANISATION'] as const;

/** A guarantee (bảo lãnh) of a borrower's loans (docs/collateral.md "Guarantees"). */
export class CreateGuaranteeDto {
  @ApiProperty({ example: '3', maxLength: 19, description: 'The guaranteed borrower' })
  @Matches(ID)
  borrowerId: string;

  @ApiProperty({ enum: GUARANTOR_KINDS, example: 'ORGANISATION' })
  @IsIn(GUARANTOR_KINDS)
  guarantorKind: (typeof GUARANTOR_KINDS)[number];

  @ApiProperty({ example: 'HTX Chè Tân Cương', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  guarantorName: string;

  @ApiProperty({ example: '4601234567', maxLength: 20, description: 'CCCD or registration number' })
  @IsString()
  @MinLength(6)
  @MaxLength(20)
  guarantorIdNumber: string;

  @ApiPropertyOptional({
    example: '1',
    maxLength: 19,
    description: 'When the guarantor is itself a borrower of the fund (counted in the 25% limit where the fund says so)',
  })
  @IsOptional()
  @Matches(ID)
  guarantorBorrowerId?: string;

  @ApiProperty({ example: '300000000' })
  @IsVndAmount()
  guaranteedAmount: string;

  @ApiProperty({ example: 'HĐBL-2026-015', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  documentReference: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsLocalDate()
  signedOn: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 20 },
    maxItems: 20,
    example: ['7'],
    description: 'The loans covered (of the guaranteed borrower)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(ID, { each: true })
  @MaxLength(20, { each: true })
  loanIds: string[];
}

export class GuaranteeDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'Tổ hợp tác Chè' }) borrowerName: string;
  @ApiProperty({ enum: GUARANTOR_KINDS, example: 'ORGANISATION' }) guarantorKind: string;
  @ApiProperty({ example: 'HTX Chè Tân Cương' }) guarantorName: string;
  @ApiProperty({ example: '4601234567' }) guarantorIdNumber: string;
  @ApiProperty({ example: '1', nullable: true, type: String }) guarantorBorrowerId: string | null;
  @ApiProperty({ example: '300000000' }) guaranteedAmount: string;
  @ApiProperty({ example: 'HĐBL-2026-015' }) documentReference: string;
  @ApiProperty({ example: '2026-11-20' }) signedOn: string;
  @ApiProperty({ example: 'ACTIVE' }) status: string;
  @ApiProperty({ type: String, isArray: true, example: ['7'] }) loanIds: string[];
  @ApiProperty({ type: String, isArray: true, example: ['HĐTD-2026-000007'] }) contractNumbers: string[];
}
