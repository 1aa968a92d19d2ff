import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/actor/index.js';
import { SchedulePreviewDto, SchedulePreviewResultDto } from '../dto/schedule-preview.dto.js';
import { SchedulePreviewsService } from '../services/schedule-previews.service.js';

@ApiTags('loans')
@Controller('schedule-previews')
export class SchedulePreviewsController {
  constructor(private readonly previews: SchedulePreviewsService) {}

  @Post()
  @HttpCode(200)
  @Roles('OFFICER', 'APPROVER', 'ADMIN', 'AUDITOR')
  @ApiOperation({ summary: 'A schedule from a product version or explicit terms; nothing is saved' })
  @ApiOkResponse({ type: SchedulePreviewResultDto })
  preview(@Body() dto: SchedulePreviewDto): Promise<SchedulePreviewResultDto> {
    return this.previews.preview(dto);
  }
}
