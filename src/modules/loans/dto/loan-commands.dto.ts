import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import { IsVndAmount } from '../../../platform/money/index.js';

export const CHANNELS = ['BANK_TRANSFER', 'CASH', 'STATEMENT_IMPORT', 'OTHER'] as const;

export class CreateContractDto {
  @ApiPropertyOptional({ example: '2025-03-05', description: 'Signing date; defaults to the business date' })
  @IsOptional()
  @IsLocalDate()
  signingDate?: string;
}

export class MoneyMovementDto {
  @ApiProperty({ example: '300000000', description: 'Whole VND as a decimal string' })
  @IsVndAmount()
  amount: string;

  @ApiProperty({ example: '2025-03-10', description: 'Value date (ngày hiệu lực)' })
  @IsLocalDate()
  valueDate: string;

  @ApiProperty({ example: 'UNC-2025-000123', description: 'Bank or voucher reference' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference: string;

  @ApiProperty({ enum: CHANNELS, example: 'BANK_TRANSFER' })
  @IsIn(CHANNELS)
  channel: (typeof CHANNELS)[number];
}

export class ReversalDto {
  @ApiProperty({ example: 'Nhập nhầm số tiền, chứng từ UNC-2025-000123' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class PayoffQueryDto {
  @ApiPropertyOptional({ example: '2025-04-21', description: 'Settlement date; defaults to the business date' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}
