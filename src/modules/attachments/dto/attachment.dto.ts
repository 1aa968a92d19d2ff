import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiBodyOptions } from '@nestjs/swagger';

type SchemaObject = Extract<ApiBodyOptions, { schema: unknown }>['schema'] & { type?: string };
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DOCUMENT_TYPES, OWNER_KINDS, type DocumentType, type OwnerKind } from '../domain/document-types.js';

export class AttachmentVersionDto {
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ example: 'dieu-le-htx.pdf', maxLength: 255 }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Detected from the content (magic bytes), not from the name' }) contentType: string;
  @ApiProperty({ example: 482133 }) sizeBytes: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ enum: ['POSTGRES', 'S3'], example: 'POSTGRES' }) storage: 'POSTGRES' | 'S3';
  @ApiProperty({ example: '5' }) uploadedBy: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) uploadedByName: string;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) uploadedAt: string;
}

/** A document of the loan file with its current version; `versions` lists every file it has had. */
export class AttachmentDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ enum: OWNER_KINDS, example: 'APPLICATION' }) ownerKind: OwnerKind;
  @ApiProperty({ example: '3' }) ownerId: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'CHARTER' }) docType: DocumentType;
  @ApiProperty({ example: 2 }) currentVersion: number;
  @ApiProperty({ type: AttachmentVersionDto, description: 'The current version' }) current: AttachmentVersionDto;
  @ApiProperty({ type: AttachmentVersionDto, isArray: true, description: 'Every version, newest first (nothing is deleted)' }) versions: AttachmentVersionDto[];
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}

/** The multipart body of an upload: the docType field, then the file (streamed). */
const FILE_PART: SchemaObject = {
  type: 'string',
  format: 'binary',
  maxLength: 2_147_483_647,
  description: 'PDF, JPEG, PNG, WEBP, HEIC, DOCX, XLSX, DOC, XLS, ODT or ODS; at most ATTACHMENT_MAX_BYTES (20 MiB by default)',
};

export const UPLOAD_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['docType', 'file'],
  properties: {
    docType: { type: 'string', enum: [...DOCUMENT_TYPES], maxLength: 50, description: 'Sent before the file' },
    file: FILE_PART,
  },
};

export const VERSION_BODY_SCHEMA: SchemaObject = { type: 'object', required: ['file'], properties: { file: FILE_PART } };

export class ContentQueryDto {
  @ApiPropertyOptional({ type: Number, example: 1, minimum: 1, maximum: 100000, description: 'A version number (default: the current one)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}
