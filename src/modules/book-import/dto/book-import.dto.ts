import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/index.js';
import { BOOK_IMPORT_MAX_BYTES } from '../book-import.constants.js';

export const BOOK_IMPORT_STATUSES = ['INVALID', 'NEEDS_CHOICES', 'READY', 'SUBMITTED', 'APPROVED', 'RUNNING', 'COMMITTED', 'FAILED', 'REJECTED'] as const;
export type BookImportStatus = (typeof BOOK_IMPORT_STATUSES)[number];
export const BOOK_SHEETS = ['Borrowers', 'Loans', 'Disbursements', 'Repayments', 'OpeningPositions'] as const;
export type BookSheet = (typeof BOOK_SHEETS)[number];

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the headers and instructions (the upload recognises either)' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

/** One rule a row breaks: where (sheet, row, column) and which rule, with a message in the request's language. */
export class BookImportErrorDto {
  @ApiProperty({ enum: [...BOOK_SHEETS, 'Workbook'], example: 'Loans' }) sheet: string;
  @ApiProperty({ example: 14, description: 'Row number as the spreadsheet shows it (1 = header row); 0 for the workbook as a whole' }) row: number;
  @ApiProperty({ example: 'principal', description: 'The column’s key (the same in both languages)' }) column: string;
  @ApiProperty({ example: 'Số tiền vay', description: 'The column’s header as written in the template of the request’s language' }) columnHeader: string;
  @ApiProperty({ example: 'book-import.whole-dong', description: 'Dotted code of the rule' }) rule: string;
  @ApiProperty({ example: 'Số tiền phải là số nguyên đồng, không có phần lẻ.' }) message: string;
  @ApiProperty({ example: '1500000.5', nullable: true, type: String, description: 'The cell’s value as read' }) value: string | null;
}

export class AmountByKeyDto {
  @ApiProperty({ example: 'A01', description: 'Capital source code or VSIC section/code' }) code: string;
  @ApiProperty({ example: 'Vốn điều lệ' }) name: string;
  @ApiProperty({ example: 42 }) loans: number;
  @ApiProperty({ example: '12500000000', description: 'Sum disbursed (whole VND)' }) disbursed: string;
  @ApiProperty({ example: '8200000000', description: 'Outstanding principal as the import would leave it (replay or opening position)' }) outstanding: string;
}

export class BookImportCountsDto {
  @ApiProperty({ example: 120 }) borrowers: number;
  @ApiProperty({ example: 20, description: 'Borrowers the file references that already exist in the system (by identity number)' }) existingBorrowers: number;
  @ApiProperty({ example: 150 }) loans: number;
  @ApiProperty({ example: 110 }) loansWithHistory: number;
  @ApiProperty({ example: 40 }) openingPositions: number;
  @ApiProperty({ example: 12 }) legacyLoans: number;
  @ApiProperty({ example: 180 }) disbursements: number;
  @ApiProperty({ example: 2400 }) repayments: number;
}

export class BookImportSummaryDto {
  @ApiProperty({ type: BookImportCountsDto }) counts: BookImportCountsDto;
  @ApiProperty({ example: '52000000000' }) disbursedTotal: string;
  @ApiProperty({ example: '31000000000' }) outstandingTotal: string;
  @ApiProperty({ type: [AmountByKeyDto] }) byCapitalSource: AmountByKeyDto[];
  @ApiProperty({ type: [AmountByKeyDto] }) bySector: AmountByKeyDto[];
  @ApiProperty({ example: '2025-06-30', nullable: true, type: String, description: 'Cut-over date of the opening positions (one per workbook)' }) cutOverDate:
    string | null;
  @ApiProperty({ example: '2025-12-05', description: 'The business date the history is replayed up to' }) businessDate: string;
}

/** A loan with history: what the old system reported against what the engine's replay gives on the reported date. */
export class BookReconciliationRowDto {
  @ApiProperty({ example: 'BK-2021-017', description: 'The loan’s reference in the workbook (old contract number)' }) loanRef: string;
  @ApiProperty({ example: 'BK-HTX-009' }) borrowerRef: string;
  @ApiProperty({ example: 18, description: 'Row in the Loans sheet' }) row: number;
  @ApiProperty({ example: '2025-06-30', description: 'Date the old system’s figures are as of' }) asOf: string;
  @ApiProperty({ example: '120000000' }) reportedPrincipal: string;
  @ApiProperty({ example: '120000000' }) replayPrincipal: string;
  @ApiProperty({ example: '1250000' }) reportedInterest: string;
  @ApiProperty({ example: '1249315' }) replayInterest: string;
  @ApiProperty({ example: '0', description: 'replay − reported, principal' }) principalDifference: string;
  @ApiProperty({ example: '-685', description: 'replay − reported, interest (accrued and overdue)' }) interestDifference: string;
  @ApiProperty({ example: '-685', description: 'Sum of both differences' }) difference: string;
  @ApiProperty({ example: false, description: 'true when both figures agree' }) matches: boolean;
  @ApiProperty({ example: 35 }) dpd: number;
  @ApiProperty({ example: 2, description: 'Debt group (1–5) by the replay' }) debtGroup: number;
}

export class CommuneCandidateDto {
  @ApiProperty({ example: '01834' }) code: string;
  @ApiProperty({ example: 'Xã Bằng Thành' }) name: string;
  @ApiProperty({ example: 'Tỉnh Thái Nguyên', nullable: true, type: String }) provinceName: string | null;
}

/** A borrower row whose pre-2025 address matches several 2025 communes: the officer chooses. */
export class CommuneProposalDto {
  @ApiProperty({ example: 23, description: 'Row in the Borrowers sheet' }) row: number;
  @ApiProperty({ example: 'BK-HTX-009' }) borrowerRef: string;
  @ApiProperty({ example: 'Xã Bằng Vân', nullable: true, type: String }) oldCommune: string | null;
  @ApiProperty({ example: 'Huyện Ngân Sơn', nullable: true, type: String }) oldDistrict: string | null;
  @ApiProperty({ type: [CommuneCandidateDto], maxItems: 50 }) candidates: CommuneCandidateDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Chosen (or the only proposed) 2025 commune code' }) chosenCode: string | null;
  @ApiProperty({ example: true, description: 'true when more than one candidate and nothing chosen yet' }) needsChoice: boolean;
}

export class LegacyLoanDto {
  @ApiProperty({ example: 'BK-2019-003' }) loanRef: string;
  @ApiProperty({ example: 12 }) row: number;
  @ApiProperty({ type: [String], example: ['product.max-term'], description: 'The current product rules the signed terms break' }) rules: string[];
  @ApiProperty({ example: 'Thời hạn 72 tháng vượt tối đa 60 tháng của sản phẩm; giữ nguyên như đã ký.' }) message: string;
}

export class BookImportUserDto {
  @ApiProperty({ example: '3' }) id: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) name: string;
}

export class BookImportProgressDto {
  @ApiProperty({ enum: BOOK_IMPORT_STATUSES, example: 'RUNNING' }) status: string;
  @ApiProperty({ enum: ['none', 'waiting', 'active', 'completed', 'failed', 'delayed', 'unknown'], example: 'active', description: 'State of the BullMQ job' })
  jobState: string;
  @ApiProperty({ example: 45, description: 'Percent done (0–100)' }) percent: number;
  @ApiProperty({ example: 'Đang phát lại khoản vay 68/150', nullable: true, type: String }) step: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) failure: string | null;
}

export class BookImportDto {
  @ApiProperty({ example: '7' }) id: string;
  @ApiProperty({ example: 'so-cho-vay-bac-kan.xlsx' }) fileName: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ example: 482133 }) sizeBytes: number;
  @ApiProperty({
    enum: BOOK_IMPORT_STATUSES,
    example: 'READY',
    description: 'INVALID: rows in error; NEEDS_CHOICES: communes to choose; READY: may be submitted',
  })
  status: string;
  @ApiProperty({ example: 'Vốn Quỹ HTX Bắc Kạn chuyển về', nullable: true, type: String, description: 'Fund-of-origin tag given to every imported loan' })
  origin: string | null;
  @ApiProperty({ type: BookImportUserDto }) uploadedBy: BookImportUserDto;
  @ApiProperty({ example: '2025-12-05T02:00:00.000Z' }) uploadedAt: string;
  @ApiProperty({ type: BookImportUserDto, nullable: true }) submittedBy: BookImportUserDto | null;
  @ApiProperty({ example: null, nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ type: BookImportUserDto, nullable: true }) approvedBy: BookImportUserDto | null;
  @ApiProperty({ example: null, nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ type: BookImportUserDto, nullable: true }) rejectedBy: BookImportUserDto | null;
  @ApiProperty({ example: null, nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) committedAt: string | null;
  @ApiProperty({ example: 3 }) errorCount: number;
  @ApiProperty({ type: [BookImportErrorDto], description: 'Every rule broken (GET one and the upload’s answer; empty in lists)' }) errors: BookImportErrorDto[];
  @ApiProperty({ type: BookImportSummaryDto }) summary: BookImportSummaryDto;
  @ApiProperty({ type: [BookReconciliationRowDto], description: 'Loans with history whose old-system figures were given (empty in lists)' })
  reconciliation: BookReconciliationRowDto[];
  @ApiProperty({ type: [CommuneProposalDto], description: 'Borrower rows with a pre-2025 address (empty in lists)' }) communeProposals: CommuneProposalDto[];
  @ApiProperty({ type: [LegacyLoanDto], description: 'Contracts outside today’s product limits, imported as LEGACY (empty in lists)' })
  legacyLoans: LegacyLoanDto[];
  @ApiProperty({
    type: [String],
    example: ['Địa chỉ cũ (trước 2025) chỉ nhận khi có bảng đối chiếu; hãy ghi mã xã 2025.'],
    description: 'Notes about the dry run (not errors)',
  })
  notes: string[];
  @ApiProperty({ example: false, description: 'true when this upload answered an earlier import of the same file (same sha256)' }) duplicate: boolean;
}

export class BookImportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BOOK_IMPORT_STATUSES })
  @IsOptional()
  @IsIn(BOOK_IMPORT_STATUSES)
  status?: BookImportStatus;
}

export class CommuneChoiceDto {
  @ApiProperty({ example: 23, description: 'Row in the Borrowers sheet' })
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(100000)
  row: number;

  @ApiProperty({ example: '01834', maxLength: 5, description: '2025 commune code, one of the row’s candidates' })
  @IsString()
  @Matches(/^\d{5}$/)
  @MaxLength(5)
  communeCode: string;
}

export class CommuneChoicesDto {
  @ApiProperty({ type: [CommuneChoiceDto], maxItems: 5000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CommuneChoiceDto)
  choices: CommuneChoiceDto[];
}

export class RejectBookImportDto {
  @ApiProperty({ example: 'Sai số dư nợ của 3 khoản vay, đề nghị đối chiếu lại với sổ cũ.', maxLength: 1000 })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class UploadBookImportDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    maxLength: BOOK_IMPORT_MAX_BYTES,
    description: 'The filled workbook (.xlsx), at most BOOK_IMPORT_MAX_BYTES bytes',
  })
  file: unknown;

  @ApiPropertyOptional({
    example: 'Vốn Quỹ HTX Bắc Kạn chuyển về',
    maxLength: 200,
    description: 'Fund-of-origin tag for every imported loan (the Loans sheet’s origin column overrides it per row)',
  })
  origin?: string;
}

export class CreatedRefDto {
  @ApiProperty({ example: 'BK-HTX-009', description: 'Reference in the workbook' }) ref: string;
  @ApiProperty({ example: '57' }) id: string;
  @ApiProperty({ example: 'HĐTD-2025-000123', nullable: true, type: String, description: 'Loans: the contract number given in this system' }) contractNumber:
    string | null;
  @ApiProperty({ example: 'Hợp tác xã Chè Bằng Vân', nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: false, description: 'Borrowers: true when the row matched an existing borrower (nothing created)' }) existing: boolean;
}

export class BookImportResultDto {
  @ApiProperty({ example: '7' }) importId: string;
  @ApiProperty({ enum: BOOK_IMPORT_STATUSES, example: 'COMMITTED' }) status: string;
  @ApiProperty({ type: [CreatedRefDto] }) borrowers: CreatedRefDto[];
  @ApiProperty({ type: [CreatedRefDto] }) loans: CreatedRefDto[];
  @ApiProperty({ example: '88', nullable: true, type: String, description: 'Journal transaction of the opening balances' }) openingJournalId: string | null;
  @ApiProperty({ example: '1201', nullable: true, type: String, description: 'The audit event of the commit' }) auditEventId: string | null;
}
