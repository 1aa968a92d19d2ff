import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { NotificationDto, NotificationQueryDto, ReminderRunDto, ReminderRunResultDto } from '../dto/notification.dto.js';
import { NotificationsService } from '../services/notifications.service.js';
import { ReminderRunsService } from '../services/reminder-runs.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly runs: ReminderRunsService,
  ) {}

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'Reminders, paged and filtered; a cooperative user sees its own borrower’s only' })
  @ApiPageResponse(NotificationDto)
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor, q);
  }

  @Post('reminder-runs')
  @HttpCode(202)
  @Roles('ADMIN', 'OFFICER')
  @ApiOperation({ summary: 'Run the daily reminder job now (it also runs on REMINDER_CRON)' })
  @ApiAcceptedResponse({ type: ReminderRunResultDto })
  start(@Body() dto: ReminderRunDto): Promise<ReminderRunResultDto> {
    return this.runs.start(dto);
  }

  @Get('reminder-runs/:jobId')
  @Roles('ADMIN', 'OFFICER')
  @ApiOperation({ summary: 'State of a reminder run started by hand' })
  @ApiOkResponse({ type: ReminderRunResultDto })
  get(@Param('jobId') jobId: string): Promise<ReminderRunResultDto> {
    return this.runs.get(jobId);
  }
}
