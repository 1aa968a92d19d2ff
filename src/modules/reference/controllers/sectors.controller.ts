import { Controller, Get, Query } from '@nestjs/common';
import { ServedWhileDemoLoads } from '../../../platform/http/index.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { SectorDto, SectorQueryDto } from '../dto/sector.dto.js';
import { SectorsService } from '../services/sectors.service.js';

@ApiTags('reference')
@Controller('reference')
@ServedWhileDemoLoads()
@Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
export class SectorsController {
  constructor(private readonly sectors: SectorsService) {}

  @Get('sectors')
  @ApiOperation({ summary: 'VSIC 2018 and 2025 sections (the sector reference)' })
  @ApiOkResponse({ type: SectorDto, isArray: true })
  list(@CurrentActor() actor: Actor, @Query() q: SectorQueryDto): Promise<SectorDto[]> {
    return this.sectors.list(actor, q);
  }
}
