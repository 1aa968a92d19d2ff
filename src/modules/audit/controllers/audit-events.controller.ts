import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles } from '../../../platform/actor/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { AuditEventDto, AuditQueryDto, AuditVerifyDto } from '../dto/audit-query.dto.js';
import { AuditQueryService } from '../services/audit-query.service.js';
import { AuditService } from '../services/audit.service.js';

@ApiTags('audit')
@Controller('audit-events')
@Roles('AUDITOR', 'ADMIN')
export class AuditEventsController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first, filterable and paged' })
  @ApiPageResponse(AuditEventDto)
  list(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto): Promise<Page<AuditEventDto>> {
    return this.query.list(actor, q);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chains; report the first broken link' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }
}
