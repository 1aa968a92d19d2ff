import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, PageQueryDto, type Page } from '../../../platform/http/index.js';
import { Idempotent } from '../../../platform/idempotency/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CapitalMovementDto, CapitalSourceDto, CreateCapitalMovementDto, CreateCapitalSourceDto } from '../dto/capital-source.dto.js';
import { CapitalSourcesService } from '../services/capital-sources.service.js';

@ApiTags('capital-sources')
@Controller('capital-sources')
export class CapitalSourcesController {
  constructor(private readonly sources: CapitalSourcesService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Add a capital source (nguồn vốn)' })
  @ApiCreatedResponse({ type: CapitalSourceDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCapitalSourceDto): Promise<CapitalSourceDto> {
    return this.sources.create(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Capital sources with capital, disbursed, repaid, outstanding, available' })
  @ApiPageResponse(CapitalSourceDto)
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<CapitalSourceDto>> {
    return this.sources.list(actor, q);
  }

  @Get(':id')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'One capital source with its figures' })
  @ApiOkResponse({ type: CapitalSourceDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CapitalSourceDto> {
    return this.sources.get(actor, id);
  }

  @Post(':id/movements')
  @Roles('ADMIN')
  @Idempotent()
  @ApiOperation({ summary: 'Record an allocation or withdrawal of capital (needs Idempotency-Key)' })
  @ApiCreatedResponse({ type: CapitalMovementDto })
  move(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateCapitalMovementDto): Promise<CapitalMovementDto> {
    return this.sources.addMovement(actor, id, dto);
  }

  @Get(':id/movements')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Allocations and withdrawals of a capital source, by date' })
  @ApiPageResponse(CapitalMovementDto)
  movements(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: PageQueryDto): Promise<Page<CapitalMovementDto>> {
    return this.sources.listMovements(actor, id, q);
  }
}
