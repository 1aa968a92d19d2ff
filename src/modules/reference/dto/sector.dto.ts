import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const CLASSIFICATION_VERSIONS = ['VSIC2018', 'VSIC2025'] as const;
export type ClassificationVersion = (typeof CLASSIFICATION_VERSIONS)[number];

export class SectorQueryDto {
  @ApiPropertyOptional({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2025' })
  @IsOptional()
  @IsIn(CLASSIFICATION_VERSIONS)
  version?: ClassificationVersion;
}

export class SectorDto {
  @ApiProperty({ enum: CLASSIFICATION_VERSIONS, example: 'VSIC2018' }) version: ClassificationVersion;
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: 'Nông nghiệp, lâm nghiệp và thủy sản' }) nameVi: string;
  @ApiProperty({ example: 'Agriculture, forestry and fishing' }) nameEn: string;
}
