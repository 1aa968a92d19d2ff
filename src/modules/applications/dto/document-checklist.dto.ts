import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { DOCUMENT_TYPES, type DocumentType } from '../../attachments/index.js';

export class DocumentWaiverDto {
  @ApiProperty({ example: 'HTX thành lập năm 2026, chưa có báo cáo tài chính năm' }) reason: string;
  @ApiProperty({ example: '5' }) waivedBy: string;
  @ApiProperty({ example: 'Trần Thị Bình' }) waivedByName: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) waivedAt: string;
}

export class ChecklistItemDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'CHARTER' }) docType: DocumentType;
  @ApiProperty({ enum: ['PRESENT', 'WAIVED', 'MISSING'], example: 'MISSING' }) status: 'PRESENT' | 'WAIVED' | 'MISSING';
  @ApiProperty({ type: DocumentWaiverDto, nullable: true }) waiver: DocumentWaiverDto | null;
}

export class DocumentChecklistDto {
  @ApiProperty({ example: '3' }) applicationId: string;
  @ApiProperty({ type: ChecklistItemDto, isArray: true, description: 'The product’s required types, in its order' }) items: ChecklistItemDto[];
  @ApiProperty({ enum: DOCUMENT_TYPES, isArray: true, example: ['BUSINESS_PLAN'], description: 'What blocks submission and approval' }) missing: DocumentType[];
}

export class WaiveDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'FINANCIAL_STATEMENT', maxLength: 50 })
  @IsIn(DOCUMENT_TYPES)
  docType: DocumentType;

  @ApiProperty({ example: 'HTX thành lập năm 2026, chưa có báo cáo tài chính năm', maxLength: 1000 })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}
