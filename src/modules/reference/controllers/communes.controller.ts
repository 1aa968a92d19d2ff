import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CommuneDto, CommuneQueryDto } from '../dto/commune.dto.js';
import { CommunesService } from '../services/communes.service.js';

@ApiTags('reference')
@Controller('reference')
@Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @Get('communes')
  @ApiOperation({ summary: 'Communes and wards of a province after the 2025 arrangement (the fund’s province by default)' })
  @ApiOkResponse({ type: CommuneDto, isArray: true })
  list(@CurrentActor() actor: Actor, @Query() q: CommuneQueryDto): CommuneDto[] {
    return this.communes.list(actor, q);
  }
}
