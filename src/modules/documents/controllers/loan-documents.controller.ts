import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { LoanDocumentsService, type PrintedDocument } from '../services/loan-documents.service.js';

const READERS = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE'] as const;
const pdf = {
  description: 'The document (A4 PDF, Vietnamese, fonts embedded), inline for printing',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** Sends the PDF inline (the browser opens it to print), with an ASCII and a UTF-8 file name. */
async function send(reply: FastifyReply, printed: Promise<PrintedDocument>): Promise<Buffer> {
  const { buffer, fileName } = await printed;
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store');
  return buffer;
}

/** The documents a fund prints for a loan; readable by whoever may read the loan (a cooperative: its own). */
@ApiTags('documents')
@Controller('loans/:id/documents')
@Roles(...READERS)
@ApiProduces('application/pdf')
export class LoanDocumentsController {
  constructor(private readonly documents: LoanDocumentsService) {}

  @RateLimited('reports')
  @Get('contract.pdf')
  @ApiOperation({ summary: 'Loan contract summary (hợp đồng tín dụng): parties, amount in figures and words, terms, signatures' })
  @ApiOkResponse(pdf)
  contract(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, this.documents.contract(actor, id));
  }

  @RateLimited('reports')
  @Get('disbursements/:eventId/acknowledgement.pdf')
  @ApiOperation({ summary: 'Debt acknowledgement of one tranche (khế ước nhận nợ)' })
  @ApiOkResponse(pdf)
  acknowledgement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('eventId') eventId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, this.documents.acknowledgement(actor, id, eventId));
  }

  @RateLimited('reports')
  @Get('repayments/:rid/receipt.pdf')
  @ApiOperation({ summary: 'Receipt of one repayment (phiếu thu, form 01-TT), with its allocation; a reversed one is stamped' })
  @ApiOkResponse(pdf)
  receipt(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, this.documents.receipt(actor, id, rid));
  }

  @RateLimited('reports')
  @Get('write-offs/:wid/decision.pdf')
  @ApiOperation({ summary: 'Write-off decision (quyết định xử lý rủi ro); a proposal prints as a draft' })
  @ApiOkResponse(pdf)
  writeOff(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('wid') wid: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return send(reply, this.documents.writeOffDecision(actor, id, wid));
  }

  @RateLimited('reports')
  @Get('restructurings/:rid/decision.pdf')
  @ApiOperation({ summary: 'Restructuring decision (quyết định điều chỉnh kỳ hạn / gia hạn nợ); a proposal prints as a draft' })
  @ApiOkResponse(pdf)
  restructuring(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, this.documents.restructuringDecision(actor, id, rid));
  }
}
