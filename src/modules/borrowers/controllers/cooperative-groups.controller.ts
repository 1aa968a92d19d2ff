import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, PageQueryDto, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { CooperativeGroupDto, CreateCooperativeGroupDto } from '../dto/borrower.dto.js';
import { CooperativeGroupsService } from '../services/cooperative-groups.service.js';

@ApiTags('borrowers')
@Controller('cooperative-groups')
export class CooperativeGroupsController {
  constructor(private readonly groups: CooperativeGroupsService) {}

  @Post()
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Record a tổ hợp tác (THT) that members belong to' })
  @ApiCreatedResponse({ type: CooperativeGroupDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCooperativeGroupDto): Promise<CooperativeGroupDto> {
    return this.groups.create(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Cooperative groups (tổ hợp tác), paged' })
  @ApiPageResponse(CooperativeGroupDto)
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<CooperativeGroupDto>> {
    return this.groups.list(actor, q);
  }
}
