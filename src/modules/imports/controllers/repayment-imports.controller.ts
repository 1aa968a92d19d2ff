import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import {
  AssignLineDto,
  BankMappingDto,
  ImportLineDto,
  ImportListQueryDto,
  LoanCandidateDto,
  LoanCandidatesQueryDto,
  PreviewStatementDto,
  RepaymentImportDto,
  StatementPreviewDto,
  UploadStatementDto,
} from '../dto/repayment-import.dto.js';
import { RepaymentImportsService } from '../services/repayment-imports.service.js';
import { StatementReaderService } from '../services/statement-reader.service.js';

const STAFF = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN'] as const;

@ApiTags('repayment-imports')
@Controller('repayment-imports')
export class RepaymentImportsController {
  constructor(
    private readonly imports: RepaymentImportsService,
    private readonly reader: StatementReaderService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('OFFICER')
  @ApiOperation({
    summary:
      'Upload a bank statement (CSV text, or an XLSX/CSV file base64, in JSON); lines are matched and recorded by a job; the mapping used is remembered for the bank',
  })
  @ApiAcceptedResponse({ type: RepaymentImportDto })
  @ApiBadRequestResponse({ description: 'IMPORT.MALFORMED_FILE: errors[] has one entry per problem, field "line N"' })
  upload(@CurrentActor() actor: Actor, @Body() dto: UploadStatementDto): Promise<RepaymentImportDto> {
    return this.imports.upload(actor, dto);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({
    summary:
      'Read a statement without storing it: the header found, the mapping proposed (given, remembered for the bank, or recognised), the first lines and every problem',
  })
  @ApiOkResponse({ type: StatementPreviewDto })
  @ApiBadRequestResponse({ description: 'IMPORT.MALFORMED_FILE: the file is not a readable workbook' })
  preview(@CurrentActor() actor: Actor, @Body() dto: PreviewStatementDto): Promise<StatementPreviewDto> {
    return this.reader.preview(actor, dto);
  }

  @Get('bank-mappings')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The column mapping remembered for each bank' })
  @ApiOkResponse({ type: [BankMappingDto] })
  bankMappings(): Promise<BankMappingDto[]> {
    return this.reader.bankMappings();
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Statement imports, newest first, with their counts (lines only on one import); ?unmatched=true keeps those with lines to assign' })
  @ApiPageResponse(RepaymentImportDto)
  list(@Query() q: ImportListQueryDto): Promise<Page<RepaymentImportDto>> {
    return this.imports.list(q);
  }

  // Declared before ':id' so the literal path is not taken for an import id.
  @Get('loan-candidates')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'ACTIVE loans an unmatched line may be assigned to, by contract number or borrower name / tax code (at most 20)' })
  @ApiOkResponse({ type: [LoanCandidateDto] })
  candidates(@Query() q: LoanCandidatesQueryDto): Promise<LoanCandidateDto[]> {
    return this.imports.loanCandidates(q.q);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Progress and each line’s outcome (APPLIED, UNMATCHED, REFUSED with reason)' })
  @ApiOkResponse({ type: RepaymentImportDto })
  get(@Param('id') id: string): Promise<RepaymentImportDto> {
    return this.imports.get(id, true);
  }

  @Post(':id/lines/:n/assign')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Assign an unmatched line to a loan by hand; it is recorded at once' })
  @ApiOkResponse({ type: ImportLineDto })
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('n') n: string, @Body() dto: AssignLineDto): Promise<ImportLineDto> {
    return this.imports.assign(actor, id, n, dto);
  }
}
