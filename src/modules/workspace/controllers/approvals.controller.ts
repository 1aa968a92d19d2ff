import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { ApprovalItemDto, ApprovalsQueryDto } from '../dto/approvals.dto.js';
import { ApprovalsQueueService } from '../services/approvals-queue.service.js';

@ApiTags('workspace')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsQueueService) {}

  @Get()
  @Roles('APPROVER', 'ADMIN', 'OFFICER')
  @ApiOperation({ summary: 'Cases awaiting a decision (applications appraised, restructurings and write-offs proposed) with who prepared each' })
  @ApiPageResponse(ApprovalItemDto)
  list(@CurrentActor() actor: Actor, @Query() q: ApprovalsQueryDto): Promise<Page<ApprovalItemDto>> {
    return this.approvals.list(actor, q);
  }
}
