import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ROLES, Roles, type Actor } from '../../../platform/actor/index.js';
import { WorkQueuesDto, WorkspaceDto } from '../dto/workspace.dto.js';
import { WorkQueuesService } from '../services/work-queues.service.js';

@ApiTags('workspace')
@Controller()
export class WorkspaceController {
  constructor(private readonly queues: WorkQueuesService) {}

  @Get('workspace')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The fund’s name, province and open business date (the web app’s header)' })
  @ApiOkResponse({ type: WorkspaceDto })
  workspace(@CurrentActor() actor: Actor): Promise<WorkspaceDto> {
    return this.queues.workspace(actor);
  }

  @Get('work-queues')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({
    summary: 'Counts of the home page’s work queues: to appraise, to approve, to disburse, overdue by days past due, unmatched statement lines, last close',
  })
  @ApiOkResponse({ type: WorkQueuesDto })
  workQueues(@CurrentActor() actor: Actor): Promise<WorkQueuesDto> {
    return this.queues.queues(actor);
  }
}
