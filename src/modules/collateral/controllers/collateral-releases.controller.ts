import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { ReleaseDecisionDto } from '../dto/collateral.dto.js';
import { ReleaseDto } from '../dto/collateral-views.dto.js';
import { CollateralReleasesService } from '../services/collateral-releases.service.js';

/** Releases (giải chấp): the approvers' queue, the decision (four eyes) and the printed decision. */
@ApiTags('collateral')
@Controller('collateral-releases')
export class CollateralReleasesController {
  constructor(private readonly releases: CollateralReleasesService) {}

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Release proposals awaiting a decision' })
  @ApiOkResponse({ type: ReleaseDto, isArray: true })
  open(): Promise<ReleaseDto[]> {
    return this.releases.open();
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Approve or reject a release; never by its proposer; the rule is checked again' })
  @ApiOkResponse({ type: ReleaseDto })
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReleaseDecisionDto): Promise<ReleaseDto> {
    return this.releases.decide(actor, id, dto);
  }

  @RateLimited('reports')
  @Get(':id/document.pdf')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The release decision (quyết định giải chấp); a proposal prints as a draft' })
  @ApiOkResponse({ description: 'A4 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async document(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { buffer, fileName } = await this.releases.document(actor, id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'no-store');
    return buffer;
  }
}
