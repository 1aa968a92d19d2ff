import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServedWhileDemoLoads } from '../../../platform/http/index.js';
import { Public } from '../../../platform/actor/index.js';
import { DemoStatusDto } from '../dto/demo-status.dto.js';
import { DemoLoadService } from '../services/demo-load.service.js';

@ApiTags('demo')
@Controller('demo-status')
@ServedWhileDemoLoads()
export class DemoStatusController {
  constructor(private readonly demo: DemoLoadService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Progress of the demo portfolio load (public, for a page to show)',
    description:
      'While state is loading, the business API answers 503 DEMO.LOADING with Retry-After; sign-in, users, health, reference data and this status answer as usual.',
  })
  @ApiOkResponse({ type: DemoStatusDto })
  status(): Promise<DemoStatusDto> {
    return this.demo.status();
  }
}
