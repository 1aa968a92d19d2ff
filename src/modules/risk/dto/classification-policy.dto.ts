import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../platform/dates/index.js';
import type { PolicyDefinition } from '../domain/index.js';

export class ClassificationPolicyDto {
  @ApiProperty({ example: 'MICROFINANCE' }) code: string;
  @ApiProperty({ example: 'Circular 14/2024/TT-NHNN; Decree 86/2024/NĐ-CP' }) legalBasis: string;
  @ApiProperty({ example: '2000-01-01', description: 'In force from this business date until the next policy' }) effectiveFrom: string;
  @ApiProperty({ description: 'DPD table, restructuring rules, provision rates (decimal strings)', type: Object }) definition: PolicyDefinition;
}

export class PutClassificationPolicyDto {
  @ApiProperty({ enum: ['MICROFINANCE', 'BANK'], description: 'Template to put in force' })
  @IsIn(['MICROFINANCE', 'BANK'])
  code: string;

  @ApiProperty({ example: '2026-01-01', description: 'First business date it classifies (not closed yet)' })
  @IsLocalDate()
  effectiveFrom: string;

  @ApiPropertyOptional({
    example: true,
    description:
      'Deduct the pledged collateral (allocated value × discount rate of its type, Decree 86/2024/NĐ-CP) before the specific rate applies; defaults to the template’s choice (MICROFINANCE no, BANK yes)',
  })
  @IsOptional()
  @IsBoolean()
  deductCollateral?: boolean;
}
