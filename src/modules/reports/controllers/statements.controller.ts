import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../../../platform/http/index.js';
import { CurrentActor, Public, Roles, type Actor } from '../../../platform/actor/index.js';
import { StatementDto, StatementQueryDto, VerificationDto } from '../dto/statement.dto.js';
import { StatementsService } from '../services/statements.service.js';
import { respond } from './respond.js';

@ApiTags('statements')
@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get('loans/:id/statement')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @RateLimited('reports')
  @ApiOperation({ summary: 'Loan statement: transactions, balances, schedule; the PDF carries a QR verification code (a cooperative user gets its own loans)' })
  @ApiProduces('application/json', 'application/pdf')
  @ApiOkResponse({ type: StatementDto })
  statement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() q: StatementQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return respond(
      reply,
      q.format === 'pdf'
        ? this.statements.pdf(actor, id, q).then((f) => ({ kind: 'file' as const, ...f }))
        : this.statements.statement(actor, id, q).then((body) => ({ kind: 'json' as const, body })),
    );
  }

  @Get('verify/:code')
  @Public()
  @RateLimited('reports')
  @ApiOperation({ summary: 'Public check of a printed statement: contract number, period and closing balance only' })
  @ApiOkResponse({ type: VerificationDto })
  verify(@Param('code') code: string): Promise<VerificationDto> {
    return this.statements.verify(code);
  }
}
