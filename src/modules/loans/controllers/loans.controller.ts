import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { Idempotent } from '../../../platform/idempotency/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { MoneyMovementDto, PayoffQueryDto, ReversalDto } from '../dto/loan-commands.dto.js';
import { DebtGroupChangeDto, LoanPostingDto, RepaymentPreviewDto, RepaymentPreviewRequestDto } from '../dto/loan-history.dto.js';
import { LOAN_VIEW_SCHEMA } from '../dto/loan-view.schema.js';
import { InstallmentDto, LoanDto, LoanEventDto, LoanListQueryDto, PayoffDto, RepaymentResultDto } from '../dto/loan-views.dto.js';
import { LoanCommandsService } from '../services/loan-commands.service.js';
import { LoanHistoryService } from '../services/loan-history.service.js';
import { LoanQueriesService } from '../services/loan-queries.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;

@ApiTags('loans')
@Controller('loans')
export class LoansController {
  constructor(
    private readonly commands: LoanCommandsService,
    private readonly queries: LoanQueriesService,
    private readonly history: LoanHistoryService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Loans, filtered and paged (a cooperative user sees its own)' })
  @ApiPageResponse(LoanDto)
  list(@CurrentActor() actor: Actor, @Query() q: LoanListQueryDto): Promise<Page<LoanDto>> {
    return this.queries.list(actor, q);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One loan with its terms and balances' })
  @ApiOkResponse({ type: LoanDto })
  @RouteSchema({ response: { 200: LOAN_VIEW_SCHEMA } })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanDto> {
    return this.queries.get(actor, id);
  }

  @Get(':id/schedule')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s repayment schedule, installment by installment' })
  @ApiOkResponse({ type: [InstallmentDto] })
  schedule(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InstallmentDto[]> {
    return this.queries.schedule(actor, id);
  }

  @Get(':id/transactions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s transactions with their allocation' })
  @ApiOkResponse({ type: [LoanEventDto] })
  transactions(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanEventDto[]> {
    return this.queries.transactions(actor, id);
  }

  @Get(':id/postings')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s ledger postings: each journal transaction with its debit and credit lines' })
  @ApiOkResponse({ type: [LoanPostingDto] })
  postings(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<LoanPostingDto[]> {
    return this.history.postings(actor, id);
  }

  @Get(':id/debt-groups')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The loan’s debt-group changes with their date and reason' })
  @ApiOkResponse({ type: [DebtGroupChangeDto] })
  debtGroups(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DebtGroupChangeDto[]> {
    return this.history.debtGroups(actor, id);
  }

  @Get(':id/payoff')
  @Roles(...READERS)
  @ApiOperation({ summary: 'What settles the loan on a date, by component' })
  @ApiOkResponse({ type: PayoffDto })
  payoff(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: PayoffQueryDto): Promise<PayoffDto> {
    return this.queries.payoff(actor, id, q.date);
  }

  @Post(':id/disbursements')
  @Roles('OFFICER')
  @Idempotent()
  @ApiOperation({ summary: 'Disburse a tranche (giải ngân)' })
  @ApiCreatedResponse({ type: LoanDto })
  disburse(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: MoneyMovementDto): Promise<LoanDto> {
    return this.commands.disburse(actor, id, dto);
  }

  @Post(':id/repayments')
  @Roles('OFFICER')
  @Idempotent()
  @ApiOperation({ summary: 'Record a repayment (thu nợ); the response shows its allocation' })
  @ApiCreatedResponse({ type: RepaymentResultDto })
  repay(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: MoneyMovementDto): Promise<RepaymentResultDto> {
    return this.commands.repay(actor, id, dto);
  }

  @Post(':id/repayments/preview')
  @Roles('OFFICER')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dry run of a repayment: the allocation and the balances it would give; nothing is recorded' })
  @ApiOkResponse({ type: RepaymentPreviewDto })
  previewRepayment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RepaymentPreviewRequestDto): Promise<RepaymentPreviewDto> {
    return this.commands.previewRepayment(actor, id, dto);
  }

  @Post(':id/repayments/:rid/reversal')
  @Roles('OFFICER')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse a repayment: reversing entries, recomputed loan; the repayment stays' })
  @ApiOkResponse({ type: LoanDto })
  reverse(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string, @Body() dto: ReversalDto): Promise<LoanDto> {
    return this.commands.reverse(actor, id, rid, dto);
  }
}
