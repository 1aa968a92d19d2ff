import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/index.js';

/**
 * The statement is sent as JSON: the CSV text in `content` (UTF-8, optional BOM), with a header
 * row naming the columns date, amount, reference, description. Dates DD/MM/YYYY or YYYY-MM-DD;
 * amounts whole VND (1500000, 1.500.000 or 1,500,000). Bounded by BODY_LIMIT_BYTES.
 */
export class UploadStatementDto {
  @ApiProperty({ example: 'saoke-vietinbank-2025-04-10.csv' })
  @IsString() @MinLength(1) @MaxLength(200)
  fileName: string;

  @ApiProperty({
    example: 'date,amount,reference,description\n10/04/2025,103057534,FT25100001,HTX Tan Cuong tra no HDTD-2025-000001 ky 1\n',
    description: 'The CSV text (at most 10 MiB, BODY_LIMIT_BYTES’ ceiling)',
    maxLength: 10 * 1024 * 1024,
  })
  @IsString() @MinLength(1) @MaxLength(10 * 1024 * 1024)
  content: string;
}

export class AssignLineDto {
  @ApiProperty({ example: '12', description: 'The loan the unmatched line pays' })
  @IsString() @Matches(/^[1-9]\d{0,18}$/)
  loanId: string;
}

export class ImportLineDto {
  @ApiProperty({ example: 2, description: 'Line number in the file (1 = header)' }) lineNo: number;
  @ApiProperty({ example: '2025-04-10' }) valueDate: string;
  @ApiProperty({ example: '103057534' }) amount: string;
  @ApiProperty({ example: 'FT25100001' }) reference: string;
  @ApiProperty({ example: 'HTX Tan Cuong tra no HDTD-2025-000001 ky 1' }) description: string;
  @ApiProperty({ enum: ['PENDING', 'APPLIED', 'UNMATCHED', 'REFUSED'], example: 'APPLIED' }) outcome: string;
  @ApiProperty({ example: '12', nullable: true, type: String }) loanId: string | null;
  @ApiProperty({ example: 'HĐTD-2025-000001', nullable: true, type: String }) contractNumber: string | null;
  @ApiProperty({ example: '345', nullable: true, type: String, description: 'The repayment recorded' }) repaymentId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Dotted code of a refusal' }) reasonCode: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) reason: string | null;
}

export class ImportProgressDto {
  @ApiProperty({ example: 120 }) total: number;
  @ApiProperty({ example: 80 }) processed: number;
  @ApiProperty({ example: 75 }) applied: number;
  @ApiProperty({ example: 3 }) unmatched: number;
  @ApiProperty({ example: 2 }) refused: number;
  @ApiProperty({ example: '66.7', description: 'Percent of lines processed' }) percent: string;
}

export class RepaymentImportDto {
  @ApiProperty({ example: '4' }) id: string;
  @ApiProperty({ example: 'saoke-vietinbank-2025-04-10.csv' }) fileName: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'], example: 'RUNNING' }) status: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'Display name of the officer who uploaded the file' }) createdBy: string;
  @ApiProperty({ example: '2025-04-10T02:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: null, nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) failure: string | null;
  @ApiPropertyOptional({ type: [ImportLineDto] }) lines?: ImportLineDto[];
}

export class ImportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only imports with UNMATCHED lines left (the home page queue); false: only those without' })
  @IsOptional() @IsIn(['true', 'false'])
  unmatched?: 'true' | 'false';
}

export class LoanCandidatesQueryDto {
  @ApiProperty({ example: 'HĐTD-2025', description: 'Part of a contract number, or of the borrower’s name, short name or tax code / CCCD' })
  @IsString() @MinLength(2) @MaxLength(100)
  q: string;
}

/** A loan an unmatched statement line may be assigned to (the officer's picker). */
export class LoanCandidateDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ example: 'HĐTD-2025-000001' }) contractNumber: string;
  @ApiProperty({ enum: ['PENDING_DISBURSEMENT', 'ACTIVE', 'CLOSED', 'WRITTEN_OFF'], example: 'ACTIVE' }) status: string;
  @ApiProperty({ example: '3' }) borrowerId: string;
  @ApiProperty({ example: 'Hợp tác xã Chè Tân Cương' }) borrowerName: string;
  @ApiProperty({ example: '500000000' }) outstandingPrincipal: string;
}
