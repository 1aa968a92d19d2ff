import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, type Page } from '../../../platform/http/index.js';
import { CurrentActor, Roles, type Actor } from '../../../platform/actor/index.js';
import { BorrowerDto, BorrowerQueryDto, CreateBorrowerDto, CreateRelationDto, RelationDto, UpdateBorrowerDto } from '../dto/borrower.dto.js';
import { BorrowersService } from '../services/borrowers.service.js';

@ApiTags('borrowers')
@Controller('borrowers')
export class BorrowersController {
  constructor(private readonly borrowers: BorrowersService) {}

  @Post()
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Register a cooperative, cooperative union or member (Decree 45 Art. 20)' })
  @ApiCreatedResponse({ type: BorrowerDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBorrowerDto): Promise<BorrowerDto> {
    return this.borrowers.create(actor, dto);
  }

  @Get()
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'List borrowers by type, sector, commune, name; a cooperative user sees only its own' })
  @ApiPageResponse(BorrowerDto)
  list(@CurrentActor() actor: Actor, @Query() q: BorrowerQueryDto): Promise<Page<BorrowerDto>> {
    return this.borrowers.list(actor, q);
  }

  @Get(':id')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'One borrower' })
  @ApiOkResponse({ type: BorrowerDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BorrowerDto> {
    return this.borrowers.get(actor, id);
  }

  @Patch(':id')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Change a borrower’s details' })
  @ApiOkResponse({ type: BorrowerDto })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateBorrowerDto): Promise<BorrowerDto> {
    return this.borrowers.update(actor, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Deactivate a borrower that has no open loan' })
  @ApiOkResponse({ type: BorrowerDto })
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<BorrowerDto> {
    return this.borrowers.deactivate(actor, id);
  }

  @Post(':id/relations')
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Link a related borrower (Decree 45 Art. 23.2: counted in the 25% limit)' })
  @ApiCreatedResponse({ type: RelationDto, isArray: true })
  relate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateRelationDto): Promise<RelationDto[]> {
    return this.borrowers.addRelation(actor, id, dto);
  }

  @Get(':id/relations')
  @Roles('OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN', 'COOPERATIVE')
  @ApiOperation({ summary: 'The borrowers related to this one (Decree 45 Art. 23.2)' })
  @ApiOkResponse({ type: RelationDto, isArray: true })
  relations(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RelationDto[]> {
    return this.borrowers.listRelations(actor, id);
  }
}
