import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPercentString, IsVndAmount } from '../../../platform/money/index.js';

export const RISK_RATINGS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

export class CreateAppraisalDto {
  @ApiProperty({ example: 'Phương án khả thi; dòng tiền từ chè đủ trả nợ theo quý' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  findings: string;

  @ApiProperty({ example: '800000000' })
  @IsVndAmount()
  recommendedAmount: string;

  @ApiProperty({ example: 24 })
  @IsInt()
  @Min(1)
  @Max(600)
  recommendedTermMonths: number;

  @ApiProperty({ example: '7.2' })
  @IsPercentString()
  recommendedRatePercent: string;

  @ApiProperty({ enum: RISK_RATINGS, example: 'MEDIUM' })
  @IsIn(RISK_RATINGS)
  riskRating: RiskRating;
}

export class AppraisalDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '1' }) applicationId: string;
  @ApiProperty({ example: 'Phương án khả thi; dòng tiền từ chè đủ trả nợ theo quý' }) findings: string;
  @ApiProperty({ example: '800000000' }) recommendedAmount: string;
  @ApiProperty({ example: 24 }) recommendedTermMonths: number;
  @ApiProperty({ example: '7.2' }) recommendedRatePercent: string;
  @ApiProperty({ enum: RISK_RATINGS, example: 'MEDIUM' }) riskRating: RiskRating;
  @ApiProperty({ example: '5' }) appraisedBy: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

export class CreateDocumentDto {
  @ApiProperty({ example: 'phuong-an-kinh-doanh.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'BUSINESS_PLAN' })
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/)
  docType: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-f]{64}$/)
  checksumSha256: string;

  @ApiPropertyOptional({ example: 482133 })
  @IsOptional()
  @IsInt()
  @Min(0)
  sizeBytes?: number;
}

export class DocumentDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: '1' }) applicationId: string;
  @ApiProperty({ example: 'phuong-an-kinh-doanh.pdf' }) name: string;
  @ApiProperty({ example: 'BUSINESS_PLAN' }) docType: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) checksumSha256: string;
  @ApiProperty({ example: 482133, nullable: true, type: Number }) sizeBytes: number | null;
  @ApiProperty({
    example: '12',
    nullable: true,
    type: String,
    description: 'The stored file (GET /attachments/{id}/content); null for a record without its file',
  })
  attachmentId: string | null;
  @ApiProperty({ example: '5' }) uploadedBy: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}
