import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBase64, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/index.js';
import { BANK_CODES, type BankCode } from '../domain/statement-columns.js';

/** For each role, the header text of the column holding it, as it stands in the file. */
export class ColumnMappingDto {
  @ApiProperty({ example: 'Ngày giao dịch', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  date: string;

  @ApiProperty({ example: 'Số tiền ghi có', maxLength: 200, description: 'The credit column: rows without an amount there (debits) are skipped' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  amount: string;

  @ApiProperty({ example: 'Số tham chiếu', maxLength: 200, nullable: true, type: String, description: 'null when the bank’s export has no reference column' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string | null;

  @ApiProperty({ example: 'Nội dung/Diễn giải', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  description: string;
}

/**
 * The statement is sent as JSON: the CSV text in `content` (UTF-8, optional BOM), or the file's bytes
 * (XLSX, or CSV) base64-encoded in `contentBase64`. Without a mapping, the header row naming
 * date, amount, reference, description (or a bank's Vietnamese headers: "Ngày giao dịch", "Số tiền
 * ghi có", "Số tham chiếu", "Nội dung") is found among the first rows, or the mapping remembered for
 * the bank is used. Dates DD/MM/YYYY or YYYY-MM-DD; amounts whole VND (1500000, 1.500.000 or
 * 1,500,000). Bounded by BODY_LIMIT_BYTES.
 */
export class PreviewStatementDto {
  @ApiProperty({ example: 'saoke-vietinbank-2025-04-10.csv', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName: string;

  @ApiPropertyOptional({
    example: 'date,amount,reference,description\n10/04/2025,103057534,FT25100001,HTX Tan Cuong tra no HDTD-2025-000001 ky 1\n',
    description: 'The CSV text (or send contentBase64)',
    maxLength: 1048576,
  })
  @ValidateIf((o: PreviewStatementDto) => o.contentBase64 === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1048576)
  content?: string;

  @ApiPropertyOptional({ example: 'UEsDBBQABgAIAAAAIQ…', description: 'The file’s bytes, base64: an XLSX workbook (or a CSV file)', maxLength: 1400000 })
  @ValidateIf((o: PreviewStatementDto) => o.content === undefined)
  @IsBase64()
  @MaxLength(1400000)
  contentBase64?: string;

  @ApiPropertyOptional({
    enum: BANK_CODES,
    example: 'VIETCOMBANK',
    description: 'The bank whose export this is: its remembered mapping is proposed, and the mapping used is remembered',
  })
  @IsOptional()
  @IsIn(BANK_CODES)
  bankCode?: BankCode;

  @ApiPropertyOptional({ type: ColumnMappingDto, description: 'The officer’s choice; otherwise the bank’s remembered one, else the headers recognised' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ColumnMappingDto)
  mapping?: ColumnMappingDto;
}

export class UploadStatementDto extends PreviewStatementDto {}

export class PreviewLineDto {
  @ApiProperty({ example: 14 }) lineNo: number;
  @ApiProperty({ example: '2025-04-10' }) valueDate: string;
  @ApiProperty({ example: '103057534' }) amount: string;
  @ApiProperty({ example: 'FT25100001' }) reference: string;
  @ApiProperty({ example: 'HTX Tan Cuong tra no HDTD-2025-000001 ky 1' }) description: string;
}

export class StatementProblemDto {
  @ApiProperty({ example: 15, description: 'Line of the CSV or row of the sheet; 0: the file as a whole' }) line: number;
  @ApiProperty({ example: 'date' }) rule: string;
  @ApiProperty({ example: 'date "31/02/2025" is not DD/MM/YYYY or YYYY-MM-DD' }) message: string;
}

/** What the statement would give with a mapping, before anything is stored. */
export class StatementPreviewDto {
  @ApiProperty({ enum: ['CSV', 'XLSX'], example: 'XLSX' }) format: string;
  @ApiProperty({ example: 'VIETCOMBANK', nullable: true, type: String }) bankCode: string | null;
  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'The header row found' }) headerLine: number | null;
  @ApiProperty({ type: [String], example: ['STT', 'Ngày giao dịch', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Số dư', 'Nội dung'] })
  headerRow: string[];
  @ApiProperty({ type: ColumnMappingDto, nullable: true }) mapping: ColumnMappingDto | null;
  @ApiProperty({ enum: ['GIVEN', 'REMEMBERED', 'RECOGNISED', 'NONE'], example: 'REMEMBERED', description: 'Where the mapping applied comes from' })
  mappingSource: string;
  @ApiProperty({ example: 42, description: 'Credit lines that would be imported' }) lineCount: number;
  @ApiProperty({ example: 3, description: 'Rows skipped: debits (no credit amount), totals and balances (no date)' }) skipped: number;
  @ApiProperty({ example: '1250000000', description: 'Sum of the credit lines, VND' }) total: string;
  @ApiProperty({ type: [PreviewLineDto], description: 'The first 10 lines' }) sample: PreviewLineDto[];
  @ApiProperty({ type: [StatementProblemDto], description: 'At most 100 problems; an upload with any is refused' }) problems: StatementProblemDto[];
}

/** The mapping remembered for a bank (the last one used to import its statement). */
export class BankMappingDto {
  @ApiProperty({ enum: BANK_CODES, example: 'VIETCOMBANK' }) bankCode: string;
  @ApiProperty({ type: ColumnMappingDto }) mapping: ColumnMappingDto;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) updatedBy: string;
  @ApiProperty({ example: '2025-04-10T02:00:00.000Z' }) updatedAt: string;
}

export class AssignLineDto {
  @ApiProperty({ example: '12', description: 'The loan the unmatched line pays' })
  @IsString()
  @Matches(/^[1-9]\d{0,18}$/)
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
  @ApiProperty({ enum: ['CSV', 'XLSX'], example: 'CSV' }) format: string;
  @ApiProperty({ example: 'VIETINBANK', nullable: true, type: String }) bankCode: string | null;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'], example: 'RUNNING' }) status: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'Display name of the officer who uploaded the file' }) createdBy: string;
  @ApiProperty({ example: '2025-04-10T02:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: null, nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) failure: string | null;
  @ApiPropertyOptional({ type: [ImportLineDto] }) lines?: ImportLineDto[];
}

export class ImportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only imports with UNMATCHED lines left (the home page queue); false: only those without',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unmatched?: 'true' | 'false';
}

export class LoanCandidatesQueryDto {
  @ApiProperty({ example: 'HĐTD-2025', description: 'Part of a contract number, or of the borrower’s name, short name or tax code / CCCD' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
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
